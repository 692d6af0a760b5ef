import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AGENCY_JOBS_DEFAULT_LIMIT,
  AGENCY_JOBS_DEFAULT_STATUSES,
  AgencyJobPage,
  AgencyJobSummary,
  ErrorCode,
  JobStatus,
} from '@heardback/contracts';
import { DomainError } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { KeysetCursor, decodeKeysetCursor, encodeKeysetCursor } from '../database/keyset-cursor';
import { JobSummaryRow, salaryRange } from './job-view';

interface AgencyJobRow extends JobSummaryRow {
  published_at: Date | null;
  created_at: Date;
  cursor_at: string;
  open_applications: number;
}

export interface AgencyJobsRequest {
  statuses?: readonly JobStatus[];
  cursor?: string;
  limit?: number;
}

/**
 * Only the columns a row shows, and the open applications of that one job: a count over
 * applications_open_idx (migrations 1795855200000 and 1795956500000), an index of open applications only
 * (`closed_at IS NULL` is exactly an open status, by applications_closed_when_not_open).
 */
const JOB_ROW_COLUMNS = `j.id, j.title, j.client_id, c.name AS client_name, j.location, j.work_mode, j.employment_type,
       j.salary_min, j.salary_max, j.salary_currency, j.pay_period, j.status, j.published_at, j.created_at,
       j.created_at::text AS cursor_at,
       (SELECT count(*)::int FROM applications a WHERE a.job_id = j.id AND a.closed_at IS NULL) AS open_applications`;

/** The bound values of one statement; `param` adds one and names it ($1, $2, …). */
class Params {
  readonly values: unknown[] = [];
  param = (value: unknown): string => `$${this.values.push(value)}`;
}

export interface AgencyJobsSql {
  sql: string;
  params: unknown[];
}

/**
 * One page, newest job first. Each wanted status is read from jobs_agency_list_idx
 * (status, created_at DESC, id DESC) in order and cut to one page, and the few rows left are
 * merged: however many jobs there are, a page reads at most a page per status.
 */
export function agencyJobsPageSql(
  statuses: readonly JobStatus[],
  cursor: KeysetCursor | null,
  size: number,
): AgencyJobsSql {
  const { values, param } = new Params();
  const wanted = param(statuses);
  const after = cursor
    ? `AND (j.created_at, j.id) < (${param(cursor.at)}::timestamptz, ${param(cursor.id)}::uuid)`
    : '';
  const limit = param(size);
  const sql = `SELECT ${JOB_ROW_COLUMNS}
      FROM (SELECT found.id
              FROM unnest(${wanted}::text[]) AS wanted(status)
              CROSS JOIN LATERAL (
                SELECT j.id, j.created_at FROM jobs j
                 WHERE j.status = wanted.status ${after}
                 ORDER BY j.created_at DESC, j.id DESC
                 LIMIT ${limit}) found
             ORDER BY found.created_at DESC, found.id DESC
             LIMIT ${limit}) page
      JOIN jobs j ON j.id = page.id
      JOIN clients c ON c.id = j.client_id
     ORDER BY j.created_at DESC, j.id DESC`;
  return { sql, params: values };
}

/**
 * How many jobs match in all: the chosen statuses' rows of job_status_counts, which triggers on jobs
 * keep in each writer's transaction, so the total never reads the jobs themselves.
 */
export function agencyJobsTotalSql(statuses: readonly JobStatus[]): AgencyJobsSql {
  return {
    sql: `SELECT coalesce(sum(jobs), 0)::int AS total FROM job_status_counts WHERE status = ANY($1::text[])`,
    params: [statuses],
  };
}

/** The agency's own list of jobs in any status, with how many applications on each are still open. */
@Injectable()
export class AgencyJobsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(request: AgencyJobsRequest = {}): Promise<AgencyJobPage> {
    const statuses = [...new Set(request.statuses?.length ? request.statuses : AGENCY_JOBS_DEFAULT_STATUSES)];
    const limit = request.limit ?? AGENCY_JOBS_DEFAULT_LIMIT;
    const cursor = request.cursor ? decodeKeysetCursor(request.cursor) : null;
    const pageQuery = agencyJobsPageSql(statuses, cursor, limit + 1);
    const rows: AgencyJobRow[] = await this.dataSource.query(pageQuery.sql, pageQuery.params);
    const totalQuery = agencyJobsTotalSql(statuses);
    const [{ total }]: { total: number }[] = await this.dataSource.query(totalQuery.sql, totalQuery.params);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toAgencyJobSummary),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor({ at: last.cursor_at, id: last.id }) : null,
      total,
    };
  }

  /** One job as a row of the list, for a page that needs its open applications (closing it). */
  async one(id: string): Promise<AgencyJobSummary> {
    const [row]: AgencyJobRow[] = await this.dataSource.query(
      `SELECT ${JOB_ROW_COLUMNS} FROM jobs j JOIN clients c ON c.id = j.client_id WHERE j.id = $1`,
      [id],
    );
    if (!row) throw new DomainError(ErrorCode.NotFound, 'This job does not exist.');
    return toAgencyJobSummary(row);
  }
}

function toAgencyJobSummary(row: AgencyJobRow): AgencyJobSummary {
  return {
    id: row.id,
    title: row.title,
    clientId: row.client_id,
    clientName: row.client_name,
    location: row.location,
    workMode: row.work_mode,
    employmentType: row.employment_type,
    salary: salaryRange(row.salary_min, row.salary_max, row.salary_currency, row.pay_period),
    status: row.status,
    publishedAt: (row.published_at ?? row.created_at).toISOString(),
    openApplications: row.open_applications,
  };
}
