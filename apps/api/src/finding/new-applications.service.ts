import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APPLICATION_FINDING_PAGE_SIZE, NewApplicationsPage } from '@heardback/contracts';
import { timeWaited } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CLOCK, Clock } from '../config/clock';
import { KeysetCursor, decodeKeysetCursor, encodeKeysetCursor } from '../database/keyset-cursor';
import { FOUND_APPLICATION_COLUMNS, FoundApplicationRow, toFoundApplication } from './found-application-row';

/**
 * Applications nobody has screened yet, the one waiting longest first, paged by (created_at, id),
 * each with how long it has waited in the agency's working time (ADR 0021).
 *
 * "Not screened" is status `applied`: every first act of the agency on an application (booking
 * its first interview, any decision on it, an offer, a rejection) moves it on from `applied`
 * (libs/domain application-transitions), so `applied` is exactly what `waitingFor()` calls
 * Screening. Partial indexes hold only these rows, so the page and its count stay cheap.
 */
@Injectable()
export class NewApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** With `ownerId`, only the applications whose work is theirs (`applications.recruiter_id`). */
  async list(
    ownerId: string | null,
    rawCursor?: string,
    limit = APPLICATION_FINDING_PAGE_SIZE,
  ): Promise<Omit<NewApplicationsPage, 'mine'>> {
    const cursor = rawCursor ? decodeKeysetCursor(rawCursor) : null;
    const queries = newApplicationsQueries(ownerId, cursor, limit);
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(queries.page.sql, queries.page.params) as Promise<FoundApplicationRow[]>,
      this.dataSource.query(queries.count.sql, queries.count.params) as Promise<{ total: number }[]>,
    ]);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const now = this.clock.now();
    return {
      items: page.map((row) => ({
        ...toFoundApplication(row),
        waited: timeWaited(row.created_at, now, this.config.calendar),
      })),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor({ at: last.cursor_at, id: last.id }) : null,
      total,
    };
  }
}

interface Query {
  sql: string;
  params: unknown[];
}

/** The page's SQL and the count's, exported so tools/bench runs exactly them under EXPLAIN. */
export function newApplicationsQueries(
  ownerId: string | null,
  cursor: KeysetCursor | null,
  limit: number,
): { page: Query; count: Query } {
  const where = [`a.status = 'applied'`];
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (ownerId) where.push(`a.recruiter_id = ${param(ownerId)}`);
  const count = {
    sql: `SELECT count(*)::int AS total FROM applications a WHERE ${where.join(' AND ')}`,
    params: [...params],
  };
  if (cursor) where.push(`(a.created_at, a.id) > (${param(cursor.at)}::timestamptz, ${param(cursor.id)}::uuid)`);
  const sql = `SELECT ${FOUND_APPLICATION_COLUMNS}
      FROM applications a
      JOIN users u ON u.id = a.candidate_id
      JOIN jobs j ON j.id = a.job_id
      JOIN clients c ON c.id = j.client_id
     WHERE ${where.join(' AND ')}
     ORDER BY a.created_at, a.id
     LIMIT ${param(limit + 1)}`;
  return { page: { sql, params }, count };
}
