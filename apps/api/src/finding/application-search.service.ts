import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APPLICATION_FINDING_PAGE_SIZE, ApplicationSearchPage } from '@heardback/contracts';
import { DataSource } from 'typeorm';
import { decodeKeysetCursor, encodeKeysetCursor } from '../database/keyset-cursor';
import { escapeLike } from '../jobs/job-search-terms';
import { FOUND_APPLICATION_COLUMNS, FoundApplicationRow, toFoundApplication } from './found-application-row';

/**
 * Finds applications by part of the candidate's name or email, the job's title or the client's
 * name, newest application first, paged by (created_at, id) (ADR 0021).
 *
 * One branch per place a match can be, each answered by a trigram index on that column and then
 * the matching rows' applications newest first, each cut to one page: however many people match,
 * a page reads at most three pages of applications. The union removes an application found twice
 * (a name and a client both matching), and the outer query orders and cuts the page.
 */
@Injectable()
export class ApplicationSearchService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(
    text: string,
    rawCursor?: string,
    limit = APPLICATION_FINDING_PAGE_SIZE,
  ): Promise<ApplicationSearchPage> {
    const cursor = rawCursor ? decodeKeysetCursor(rawCursor) : null;
    const params: unknown[] = [`%${escapeLike(text)}%`, limit + 1];
    if (cursor) params.push(cursor.at, cursor.id);
    const rows: FoundApplicationRow[] = await this.dataSource.query(applicationSearchSql(cursor !== null), params);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toFoundApplication),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor({ at: last.cursor_at, id: last.id }) : null,
    };
  }
}

/**
 * The search's SQL ($1 the ILIKE pattern, $2 the page size plus one, $3 and $4 the cursor's time
 * and id), exported so tools/bench runs exactly it under EXPLAIN.
 */
export function applicationSearchSql(withCursor: boolean): string {
  const after = withCursor ? `AND (a.created_at, a.id) < ($3::timestamptz, $4::uuid)` : '';
  const newestFirst = `ORDER BY a.created_at DESC, a.id DESC LIMIT $2`;
  return `WITH found AS (
      (SELECT a.id, a.created_at FROM users u JOIN applications a ON a.candidate_id = u.id
        WHERE (u.full_name ILIKE $1 OR u.email ILIKE $1) ${after} ${newestFirst})
      UNION
      (SELECT a.id, a.created_at FROM jobs j JOIN applications a ON a.job_id = j.id
        WHERE j.title ILIKE $1 ${after} ${newestFirst})
      UNION
      (SELECT a.id, a.created_at FROM clients c JOIN jobs j ON j.client_id = c.id JOIN applications a ON a.job_id = j.id
        WHERE c.name ILIKE $1 ${after} ${newestFirst})
    )
    SELECT ${FOUND_APPLICATION_COLUMNS}
      FROM found f
      JOIN applications a ON a.id = f.id
      JOIN users u ON u.id = a.candidate_id
      JOIN jobs j ON j.id = a.job_id
      JOIN clients c ON c.id = j.client_id
     ORDER BY f.created_at DESC, f.id DESC
     LIMIT $2`;
}
