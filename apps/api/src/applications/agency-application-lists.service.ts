import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, Clock } from '../config/clock';
import {
  AGENCY_LIST_DEFAULT_LIMIT,
  AgencyApplicationSummary,
  AgencyListQuery,
  ApplicationStatus,
  BoardColumnKey,
  CountedPage,
  JobApplicationsBoard,
  WaitingPage,
} from '@heardback/contracts';
import { OPEN_STATUSES, boardColumnOf, daysSilent, isLongSilence } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { KeysetCursor, decodeKeysetCursor, encodeKeysetCursor } from '../database/keyset-cursor';
import { loadStageRecords, standingOf } from './application-records';
import { ApplicationEntity } from './application.entity';
import { openApplicationSql } from './open-application-sql';

interface ApplicationRow {
  id: string;
  version: number;
  status: ApplicationEntity['status'];
  current_stage_id: string | null;
  offer_reply_by: Date | null;
  created_at: Date;
  candidate_id: string;
  full_name: string;
  email: string;
  job_id: string;
  title: string;
  client_name: string;
  last_heard_at: Date;
  cursor_at: string;
}

/** The key a list is sorted on, oldest first, then id; each has an index that hands rows out in that order. */
type SortKey = 'a.created_at' | 'a.last_heard_at';

type Query = { sql: string; params: unknown[] };

/**
 * Lists of applications for the agency, a page at a time by keyset (the sort key and id of the
 * last row shown), each with a true count. A page is two queries whatever its length (the
 * applications; their stages with each one's current decision, ADR 0073), never one per row.
 */
@Injectable()
export class AgencyApplicationListsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One job's applications, oldest first, and how many stand in each column of its board. */
  async forJob(
    jobId: string,
    pipeline: readonly string[],
    query: AgencyListQuery,
  ): Promise<Omit<JobApplicationsBoard, 'job'>> {
    const queries = jobApplicationsQueries(jobId, cursorOf(query), limitOf(query));
    const [page, places] = await Promise.all([
      this.page(queries.page, limitOf(query)),
      this.dataSource.query(queries.count.sql, queries.count.params) as Promise<BoardPlaceRow[]>,
    ]);
    const columnTotals: Partial<Record<BoardColumnKey, number>> = {};
    let total = 0;
    for (const place of places) {
      const key = boardColumnOf(pipeline, {
        status: place.status,
        currentStage:
          place.stage_name === null ? null : { name: place.stage_name, position: place.stage_position ?? 0 },
      });
      columnTotals[key] = (columnTotals[key] ?? 0) + place.count;
      total += place.count;
    }
    return { ...page, total, columnTotals };
  }

  /** Open applications, the longest-silent first: whoever has waited longest to hear anything. */
  async waiting(query: AgencyListQuery, now = this.clock.now()): Promise<WaitingPage> {
    const queries = waitingQueries(cursorOf(query), limitOf(query));
    const [page, [{ total }]] = await Promise.all([
      this.page(queries.page, limitOf(query)),
      this.dataSource.query(queries.count.sql, queries.count.params) as Promise<{ total: number }[]>,
    ]);
    return {
      items: page.items.map((summary) => {
        const silentDays = daysSilent(new Date(summary.lastHeardAt), now);
        return { ...summary, daysSilent: silentDays, longSilence: isLongSilence(silentDays) };
      }),
      nextCursor: page.nextCursor,
      total,
    };
  }

  private async page(query: Query, limit: number): Promise<Omit<CountedPage<AgencyApplicationSummary>, 'total'>> {
    const rows: ApplicationRow[] = await this.dataSource.query(query.sql, query.params);
    const shown = rows.slice(0, limit);
    const last = shown[shown.length - 1];
    return {
      items: await this.summaries(shown),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor({ at: last.cursor_at, id: last.id }) : null,
    };
  }

  private async summaries(rows: ApplicationRow[]): Promise<AgencyApplicationSummary[]> {
    if (rows.length === 0) return [];
    const stageRecords = await loadStageRecords(
      this.dataSource.manager,
      rows.map((row) => row.id),
    );
    const now = this.clock.now();
    return rows.map((row) => {
      const { current, waitingFor } = standingOf(
        { id: row.id, status: row.status, currentStageId: row.current_stage_id, offerReplyBy: row.offer_reply_by },
        stageRecords,
        now,
      );
      return {
        id: row.id,
        version: row.version,
        status: row.status,
        candidate: { id: row.candidate_id, fullName: row.full_name, email: row.email },
        job: { id: row.job_id, title: row.title, clientName: row.client_name },
        currentStage: current
          ? {
              id: current.stage.id,
              name: current.stage.name,
              position: current.stage.position,
              state: current.state,
              feedbackDueAt: current.stage.feedbackDueAt?.toISOString() ?? null,
            }
          : null,
        waitingFor,
        appliedAt: row.created_at.toISOString(),
        lastHeardAt: new Date(row.last_heard_at).toISOString(),
      };
    });
  }
}

interface BoardPlaceRow {
  status: ApplicationStatus;
  stage_name: string | null;
  stage_position: number | null;
  count: number;
}

function cursorOf(query: AgencyListQuery): KeysetCursor | null {
  return query.cursor ? decodeKeysetCursor(query.cursor) : null;
}

function limitOf(query: AgencyListQuery): number {
  return query.limit ?? AGENCY_LIST_DEFAULT_LIMIT;
}

/** A page of applications sorted by `key`, id; one more row than asked says whether another page follows. */
function pageQuery(
  where: string[],
  params: unknown[],
  key: SortKey,
  cursor: KeysetCursor | null,
  limit: number,
): Query {
  const all = [...params];
  const param = (value: unknown) => `$${all.push(value)}`;
  const conditions = [...where];
  if (cursor) conditions.push(`(${key}, a.id) > (${param(cursor.at)}::timestamptz, ${param(cursor.id)}::uuid)`);
  const sql = `SELECT a.id, a.version, a.status, a.current_stage_id, a.offer_reply_by, a.created_at, a.last_heard_at,
                      ${key}::text AS cursor_at,
                      u.id AS candidate_id, u.full_name, u.email, j.id AS job_id, j.title, c.name AS client_name
                 FROM applications a
                 JOIN users u ON u.id = a.candidate_id
                 JOIN jobs j ON j.id = a.job_id
                 JOIN clients c ON c.id = j.client_id
                WHERE ${conditions.join(' AND ')}
                ORDER BY ${key}, a.id
                LIMIT ${param(limit + 1)}`;
  return { sql, params: all };
}

/**
 * The SQL of each list and of its count, exported so that tools/bench runs exactly them under
 * EXPLAIN. A job's applications come by applications_job_newest_idx read backwards; its count
 * groups them by status and current stage, a row per column whatever the job's size.
 */
export function jobApplicationsQueries(jobId: string, cursor: KeysetCursor | null, limit: number) {
  return {
    page: pageQuery(['a.job_id = $1'], [jobId], 'a.created_at', cursor, limit),
    count: {
      sql: `SELECT a.status, s.name AS stage_name, s.position AS stage_position, count(*)::int AS count
              FROM applications a LEFT JOIN application_stages s ON s.id = a.current_stage_id
             WHERE a.job_id = $1
             GROUP BY a.status, s.name, s.position`,
      params: [jobId],
    },
  };
}

/**
 * Open applications by last heard: applications_open_last_heard_idx for the page; the count sums the
 * open statuses' rows of application_status_counts and the changes to them not yet folded, which
 * triggers on applications append in each writer's transaction (migration 1795957100000, ADR 0084),
 * so it never reads the open applications themselves.
 */
export function waitingQueries(cursor: KeysetCursor | null, limit: number) {
  return {
    page: pageQuery([openApplicationSql('a')], [], 'a.last_heard_at', cursor, limit),
    count: {
      sql: `SELECT ((SELECT coalesce(sum(c.applications), 0) FROM application_status_counts c WHERE c.status = ANY($1::text[]))
                  + (SELECT coalesce(sum(d.applications), 0) FROM application_status_changes d WHERE d.status = ANY($1::text[]))
                 )::int AS total`,
      params: [OPEN_STATUSES],
    },
  };
}
