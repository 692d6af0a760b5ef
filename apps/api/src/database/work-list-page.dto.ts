import { WORK_LIST_MAX_LIMIT } from '@heardback/contracts';
import { PageCursor, PageLimit } from './page-query-fields';

/** `?cursor=` from the previous page and `?limit=` (1–100) of an agency work list; each bad one is a 400 naming it. */
export class WorkListPageDto {
  @PageCursor()
  cursor?: string;

  @PageLimit(WORK_LIST_MAX_LIMIT)
  limit?: number;
}
