import { TIMELINE_PAGE_SIZE } from '@heardback/contracts';
import { PageCursor, PageLimit } from '../../database/page-query-fields';

/**
 * `?cursor=` (a view's `earlierTimelineCursor`, or a page's `nextCursor`; none: from the newest) and
 * `?limit=` (1 to `TIMELINE_PAGE_SIZE`, which is also the default) of an application's timeline; each bad
 * one is a 400 naming the field. No more a page: 50 messages of the longest a recruiter may write
 * (`CANDIDATE_MESSAGE_MAX_LENGTH`) are already ~200 kB.
 */
export class TimelinePageQueryDto {
  @PageCursor()
  cursor?: string;

  @PageLimit(TIMELINE_PAGE_SIZE)
  limit?: number;
}
