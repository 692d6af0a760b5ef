import { FeedbackQueueQuery } from '@heardback/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { WorkListPageDto } from '../../database/work-list-page.dto';

/** `?mine=true` or `?mine=false`, and the page; anything else is refused, naming the field. */
export class FeedbackQueueQueryDto extends WorkListPageDto implements FeedbackQueueQuery {
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  mine?: boolean;
}
