import { FeedbackQueueQuery } from '@heardback/contracts';
import { QueryBoolean } from '../../database/page-query-fields';
import { WorkListPageDto } from '../../database/work-list-page.dto';

/** `?mine=true` or `?mine=false`, and the page; anything else is refused, naming the field. */
export class FeedbackQueueQueryDto extends WorkListPageDto implements FeedbackQueueQuery {
  @QueryBoolean()
  mine?: boolean;
}
