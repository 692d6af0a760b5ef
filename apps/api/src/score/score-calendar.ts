import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { calendarKey } from './score-sql';

/** Feedback facts whose working days one statement works out again after the calendar changed. */
const REFILL_BATCH = 5_000;

/**
 * The agency calendar lives in configuration; the score's stored working days (ADR 0036) are worked
 * out by the database, so as the API starts it writes its calendar to `score_calendar`, raising the
 * version when it changed, then works out again, in batches in the background, every feedback fact
 * stored under another version. Until a fact is refilled the score works its figure out at read
 * from the fact's instants, so a changed calendar never shows stale figures, only slower ones.
 */
@Injectable()
export class ScoreCalendarSync implements OnApplicationBootstrap {
  private readonly logger = new Logger('ScoreCalendar');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const version = await this.store();
    void this.refill(version).catch((error: unknown) =>
      this.logger.error(`Refilling the score's working days failed: ${String(error)}`),
    );
  }

  /** Writes the configured calendar, a new version only if it differs; returns the version in force. */
  async store(): Promise<number> {
    const { calendar } = this.config;
    const [row]: { version: number }[] = await this.dataSource.query(
      `INSERT INTO score_calendar AS c (id, version, key, time_zone, day_starts_at, day_ends_at, working_days, holidays)
       VALUES (true, 1, $1, $2, $3, $4, $5::int[], $6::date[])
       ON CONFLICT (id) DO UPDATE
          SET version = c.version + 1, key = EXCLUDED.key, time_zone = EXCLUDED.time_zone,
              day_starts_at = EXCLUDED.day_starts_at, day_ends_at = EXCLUDED.day_ends_at,
              working_days = EXCLUDED.working_days, holidays = EXCLUDED.holidays
        WHERE c.key IS DISTINCT FROM EXCLUDED.key
       RETURNING c.version`,
      [
        calendarKey(calendar),
        calendar.timeZone,
        calendar.dayStartsAt,
        calendar.dayEndsAt,
        calendar.workingDays,
        calendar.holidays,
      ],
    );
    if (row) return row.version;
    const [current]: { version: number }[] = await this.dataSource.query(`SELECT version FROM score_calendar`);
    return current.version;
  }

  /**
   * Works out the facts of other versions again, in primary-key order so each batch is one index
   * range, whatever the table's size. Returns how many it wrote; writes nothing once another
   * instance has stored a newer calendar (that instance refills under its own).
   */
  async refill(version: number): Promise<number> {
    const [{ stale }]: { stale: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM score_feedback_facts WHERE calendar_version IS DISTINCT FROM $1) AS stale`,
      [version],
    );
    if (!stale) return 0;
    let after = '00000000-0000-0000-0000-000000000000';
    let written = 0;
    for (;;) {
      const rows: { last: string | null; written: number }[] = await this.dataSource.query(
        `WITH batch AS (
           SELECT feedback_id, calendar_version FROM score_feedback_facts
            WHERE feedback_id > $1 ORDER BY feedback_id LIMIT ${REFILL_BATCH}
         ), done AS (
           UPDATE score_feedback_facts f
              SET calendar_version = c.version,
                  working_days = CASE WHEN f.ended_at IS NOT NULL THEN score_working_days(f.ended_at, f.recorded_at, c) END,
                  week = date_trunc('week', f.recorded_at AT TIME ZONE c.time_zone)::date
             FROM score_calendar c, batch b
            WHERE c.version = $2 AND f.feedback_id = b.feedback_id AND b.calendar_version IS DISTINCT FROM c.version
           RETURNING 1
         )
         SELECT (SELECT max(feedback_id::text) FROM batch) AS last, (SELECT count(*)::int FROM done) AS written`,
        [after, version],
      );
      const [{ last, written: batchWritten }] = rows;
      written += batchWritten;
      if (last === null) break;
      after = last;
    }
    if (written > 0)
      this.logger.log(`Worked out the working days of ${written} feedback facts under calendar ${version}`);
    return written;
  }
}
