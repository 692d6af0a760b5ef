import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, JOB_SEARCH_COUNT_CAP, JOB_SEARCH_DEFAULT_LIMIT, JobBoardPage } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CLOCK, Clock } from '../config/clock';
import { KeysetCursor, decodeKeysetCursor, encodeKeysetCursor } from '../database/keyset-cursor';
import { TimedStatements, withStatementTimeout } from '../database/statement-timeout';
import { BroadSearchMemo } from './broad-search-memo';
import { SearchJobsDto } from './dto/search-jobs.dto';
import { BOARD_COLUMNS, BoardFilter, BoardRow, boardConditions, toBoardSummary } from './job-board-query';
import { didYouMean } from './job-search-suggestions';
import { toPrefixTsQuery } from './job-search-terms';

export const SEARCH_TOO_BROAD_MESSAGE =
  'This search took too long to answer. Try a narrower search: add a word, a location or a filter.';

/**
 * The public board: open jobs, newest first, keyset-paginated so deep pages stay as fast as the first,
 * with the number of matching jobs (exact up to JOB_SEARCH_COUNT_CAP). Anyone can call it, so it runs under its own short
 * statement_timeout: a search the indexes cannot answer quickly is refused with "try a narrower
 * search" (503) rather than holding a connection for seconds (ADR 0027).
 */
@Injectable()
export class JobSearchService {
  private readonly broadSearches: BroadSearchMemo;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.broadSearches = new BroadSearchMemo(config.resilience.database.publicSearchBroadMemoMs);
  }

  async search(query: SearchJobsDto): Promise<JobBoardPage> {
    const limit = query.limit ?? JOB_SEARCH_DEFAULT_LIMIT;
    const cursor = query.cursor ? decodeKeysetCursor(query.cursor) : null;
    const filter: BoardFilter = {
      tsQuery: query.q ? toPrefixTsQuery(query.q) : null,
      location: query.location?.trim() || null,
      workMode: query.workMode ?? null,
      employmentType: query.employmentType ?? null,
      clientId: query.clientId ?? null,
    };
    const { where, params } = boardConditions(filter);

    return withStatementTimeout(
      this.dataSource,
      this.config.resilience.database.publicSearchTimeoutMs,
      () => new DomainError(ErrorCode.SearchTooBroad, SEARCH_TOO_BROAD_MESSAGE),
      async (manager) => {
        const counted = await this.count(manager, filter, where, params);
        const rows = counted === 0 ? [] : await this.page(manager, where, params, cursor, limit, counted);
        const hasMore = rows.length > limit;
        const page = rows.slice(0, limit);
        const last = page[page.length - 1];
        return {
          items: page.map(toBoardSummary),
          nextCursor: hasMore && last ? encodeKeysetCursor({ at: last.cursor_at, id: last.id }) : null,
          total: Math.min(counted, JOB_SEARCH_COUNT_CAP),
          totalCapped: counted > JOB_SEARCH_COUNT_CAP,
          didYouMean: counted === 0 && !cursor && query.q ? await didYouMean(manager, query.q, filter) : null,
        };
      },
      // The public board may be a moment behind: a replica serves it when there is one (ADR 0035).
      { replica: true },
    );
  }

  /**
   * How many jobs match, up to one past the cap. A search lately found broader than the cap is not
   * counted again (broad-search-memo.ts): its count is the only part that grows with the table.
   */
  private async count(
    manager: TimedStatements,
    filter: BoardFilter,
    where: string,
    params: unknown[],
  ): Promise<number> {
    const now = this.clock.now();
    if (this.broadSearches.isBroad(filter, now)) return JOB_SEARCH_COUNT_CAP + 1;
    const [{ counted }]: { counted: number }[] = await manager.query(
      // Materialised, so the matches are found through the indexes as if there were no LIMIT
      // (bitmap scans), and read lazily: counting stops at the cap.
      `WITH matches AS MATERIALIZED (SELECT 1 FROM jobs j WHERE ${where})
       SELECT count(*)::int AS counted FROM (SELECT 1 FROM matches LIMIT ${JOB_SEARCH_COUNT_CAP + 1}) capped`,
      params,
    );
    if (counted > JOB_SEARCH_COUNT_CAP) this.broadSearches.rememberBroad(filter, now);
    return counted;
  }

  /**
   * One page, newest first. How it is read depends on how many jobs match, which the planner cannot
   * know for a prefix (it guesses 0.5 % of jobs): a few matches are fetched through the search indexes
   * and sorted; many are found by walking the newest open jobs until the page is full, which stops
   * early because they are dense. Left to the planner, a rare word walked all 900,000 open jobs.
   */
  private page(
    manager: TimedStatements,
    where: string,
    params: unknown[],
    cursor: KeysetCursor | null,
    limit: number,
    counted: number,
  ): Promise<BoardRow[]> {
    const after = cursor
      ? ` AND (j.published_at, j.id) < ($${params.length + 1}::timestamptz, $${params.length + 2}::uuid)`
      : '';
    const values = cursor ? [...params, cursor.at, cursor.id] : params;
    const order = `ORDER BY published_at DESC, id DESC LIMIT ${limit + 1}`;
    return manager.query(
      counted <= JOB_SEARCH_COUNT_CAP
        ? `WITH matches AS MATERIALIZED (SELECT ${BOARD_COLUMNS} FROM jobs j WHERE ${where}${after})
           SELECT * FROM matches ${order}`
        : `SELECT ${BOARD_COLUMNS} FROM jobs j WHERE ${where}${after} ${order}`,
      values,
    );
  }
}
