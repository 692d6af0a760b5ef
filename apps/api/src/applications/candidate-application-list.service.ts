import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApplicationStatus,
  ApplicationSummary,
  MY_APPLICATIONS_DEFAULT_LIMIT,
  MyApplicationsPage,
  MyApplicationsQuery,
} from '@heardback/contracts';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '../config/clock';
import { preparedShape, queryPrepared } from '../database/prepared-statement';
import { RankedKeysetCursor, decodeRankedKeysetCursor, encodeRankedKeysetCursor } from '../database/keyset-cursor';
import { loadOpenPromises } from '../promises/promise-view';
import { loadStageRecords, standingOf } from './application-records';
import { closedApplicationSql, openApplicationSql } from './open-application-sql';

/** Open applications rank 0, closed ones 1: the list shows every open one before any closed one. */
const OPEN_RANK = 0;
const CLOSED_RANK = 1;

interface PageRow {
  id: string;
  rank: number;
  cursor_at: string;
  status: ApplicationStatus;
  version: number;
  current_stage_id: string | null;
  offer_reply_by: Date | null;
  created_at: Date;
  updated_at: Date;
  job_id: string;
  title: string;
  client_name: string;
}

/**
 * The candidate's own applications (GET /api/me/applications), a page at a time by a ranked keyset
 * (open or closed, applied at, id: ADR 0048), with how many are open and closed in all. A page is
 * four prepared statements whatever its length or the candidate's history (ADR 0073): the page, the
 * totals, its stages with their current decisions, its open promises; never one per application.
 */
@Injectable()
export class CandidateApplicationListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async page(candidateId: string, query: MyApplicationsQuery): Promise<MyApplicationsPage> {
    const limit = query.limit ?? MY_APPLICATIONS_DEFAULT_LIMIT;
    const cursor = query.cursor ? decodeRankedKeysetCursor(query.cursor, CLOSED_RANK) : null;
    const queries = myApplicationsQueries(candidateId, cursor, limit);
    const manager = this.dataSource.manager;
    const [rows, [totals]] = await Promise.all([
      queryPrepared<PageRow>(manager, preparedShape(queries.page.sql), queries.page.params),
      queryPrepared<{ open: number; closed: number }>(
        manager,
        preparedShape(queries.totals.sql),
        queries.totals.params,
      ),
    ]);
    const shown = rows.slice(0, limit);
    const last = shown[shown.length - 1];
    return {
      items: await this.summaries(shown),
      nextCursor:
        rows.length > limit && last
          ? encodeRankedKeysetCursor({ rank: last.rank, at: last.cursor_at, id: last.id })
          : null,
      total: totals.open + totals.closed,
      totals: { open: totals.open, closed: totals.closed },
    };
  }

  private async summaries(rows: PageRow[]): Promise<ApplicationSummary[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const stageRecords = await loadStageRecords(this.dataSource.manager, ids);
    const promises = await loadOpenPromises(this.dataSource.manager, ids);
    const now = this.clock.now();
    return rows.map((row): ApplicationSummary => {
      const { current, waitingFor } = standingOf(
        { id: row.id, status: row.status, currentStageId: row.current_stage_id, offerReplyBy: row.offer_reply_by },
        stageRecords,
        now,
      );
      return {
        id: row.id,
        status: row.status,
        version: row.version,
        job: { id: row.job_id, title: row.title, clientName: row.client_name },
        currentStage: current
          ? {
              id: current.stage.id,
              name: current.stage.name,
              state: current.state,
              feedbackDueAt: current.stage.feedbackDueAt?.toISOString() ?? null,
            }
          : null,
        waitingFor,
        promise: promises.get(row.id) ?? null,
        appliedAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
      };
    });
  }
}

/**
 * The page's SQL and the totals', exported so that EXPLAIN runs exactly them (ADR 0048). Each half
 * (open, closed) reads its own partial index, applications_candidate_open_idx or
 * applications_candidate_closed_idx (migration 1795955300000), newest first from the cursor and
 * stops after `limit + 1` keys; a cursor among the closed ones skips the open half. Only the page's
 * keys are then joined to their rows and jobs. The totals count both indexes, index only.
 */
export function myApplicationsQueries(candidateId: string, cursor: RankedKeysetCursor | null, limit: number) {
  const params: unknown[] = [candidateId];
  const param = (value: unknown) => `$${params.push(value)}`;
  const take = param(limit + 1);
  const half = (rank: number, condition: string) => {
    const after =
      cursor?.rank === rank
        ? ` AND (a.created_at, a.id) < (${param(cursor.at)}::timestamptz, ${param(cursor.id)}::uuid)`
        : '';
    return `(SELECT a.id, a.created_at, ${rank} AS rank FROM applications a
              WHERE a.candidate_id = $1 AND ${condition}${after}
              ORDER BY a.created_at DESC, a.id DESC LIMIT ${take})`;
  };
  const halves = [
    ...(cursor === null || cursor.rank === OPEN_RANK ? [half(OPEN_RANK, openApplicationSql('a'))] : []),
    half(CLOSED_RANK, closedApplicationSql('a')),
  ];
  return {
    page: {
      sql: `SELECT a.id, k.rank, a.created_at::text AS cursor_at, a.status, a.version, a.current_stage_id, a.offer_reply_by,
                   a.created_at, a.updated_at, j.id AS job_id, j.title, j.client_name
              FROM (SELECT * FROM (${halves.join(' UNION ALL ')}) keys
                     ORDER BY keys.rank, keys.created_at DESC, keys.id DESC LIMIT ${take}) k
              JOIN applications a ON a.id = k.id
              JOIN jobs j ON j.id = a.job_id
             ORDER BY k.rank, k.created_at DESC, k.id DESC`,
      params,
    },
    totals: {
      sql: `SELECT (SELECT count(*) FROM applications a WHERE a.candidate_id = $1 AND ${openApplicationSql('a')})::int AS open,
                   (SELECT count(*) FROM applications a WHERE a.candidate_id = $1 AND ${closedApplicationSql('a')})::int AS closed`,
      params: [candidateId],
    },
  };
}
