import { MY_APPLICATIONS_MAX_LIMIT, MyApplicationsQuery } from '@heardback/contracts';
import { PageCursor, PageLimit } from '../../database/page-query-fields';

/** `?cursor=&limit=` of the candidate's own list; each bad one is a 400 naming the field. */
export class MyApplicationsQueryDto implements MyApplicationsQuery {
  @PageCursor()
  cursor?: string;

  @PageLimit(MY_APPLICATIONS_MAX_LIMIT)
  limit?: number;
}
