import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TIMELINE_PAGE_SIZE, TimelinePage } from '@heardback/contracts';
import { Viewer, canSeeInternalDetails } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { entityJson, hydrate } from '../database/hydrate';
import { decodeTieCursor, encodeTieCursor, tieCursorAfter } from '../database/keyset-cursor';
import { lazyPrepared, queryPrepared } from '../database/prepared-statement';
import { toTimelineEntry } from '../timeline/timeline-entries';
import { TimelineEventEntity } from '../timeline/timeline-event.entity';
import { loadApplicationRecord } from './application-records';
import { TimelinePageQueryDto } from './dto/timeline-page-query.dto';

/** Where a timeline starts when no cursor is given: after every event there is, none of them shown. */
const FROM_THE_NEWEST = { at: 'infinity', shown: 0 };

/**
 * One page back through an application's timeline, newest first, from the cursor's instant on, past
 * the rows of that instant already shown. $1 the application, $2 whether the viewer is the agency's,
 * $3 the cursor's instant, $4 how many rows of it were shown, $5 the page size + 1. Served by
 * `timeline_events_application_idx` (application_id, at, id), read backwards.
 */
const TIMELINE_PAGE = lazyPrepared(
  (connection) => `SELECT ${entityJson(connection, TimelineEventEntity, 't')} AS event,
          t.at::text AS at_text, t.at = $3::timestamptz AS at_cursor
     FROM timeline_events t
    WHERE t.application_id = $1 AND ($2 OR t.candidate_visible) AND t.at <= $3::timestamptz
    ORDER BY t.at DESC, t.id DESC
   OFFSET $4 LIMIT $5`,
);

/**
 * The older part of an application's timeline, which a view of it does not carry (it has the newest
 * `TIMELINE_PAGE_SIZE` entries). The same people see it as see the application, and a candidate only
 * what they were told.
 */
@Injectable()
export class ApplicationTimelineService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async page(id: string, viewer: Viewer, query: TimelinePageQueryDto): Promise<TimelinePage> {
    const cursor = query.cursor ? decodeTieCursor(query.cursor) : FROM_THE_NEWEST;
    const limit = query.limit ?? TIMELINE_PAGE_SIZE;
    const manager = this.dataSource.manager;
    // A 404 for an application the viewer may not see, as its view gives; its stages name the interviews.
    const { application, stages } = await loadApplicationRecord(manager, id, viewer);
    const internal = canSeeInternalDetails(viewer);
    const rows = await queryPrepared<{ event: Record<string, unknown>; at_text: string; at_cursor: boolean }>(
      manager,
      TIMELINE_PAGE(manager),
      [application.id, internal, cursor.at, cursor.shown, limit + 1],
    );
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return {
      items: shown.map((row) =>
        toTimelineEntry(
          hydrate(manager, TimelineEventEntity, row.event),
          stages,
          internal,
          this.config.calendar.timeZone,
        ),
      ),
      nextCursor:
        rows.length > limit && last
          ? encodeTieCursor(
              tieCursorAfter(
                shown.map((row) => row.at_text),
                cursor,
                last.at_cursor,
              ),
            )
          : null,
    };
  }
}
