import { EmploymentType, JobStatus, JobSummary, WorkMode } from '@heardback/contracts';
import { escapeLike } from './job-search-terms';
import { JobSummaryRow, salaryRange } from './job-view';

/** What narrows the board, as the API understood the visitor's search. */
export interface BoardFilter {
  /** Every typed word, as a prefix tsquery (job-search-terms.ts); null for no keyword search. */
  tsQuery: string | null;
  /** A fragment of the location, matched anywhere in it. */
  location: string | null;
  workMode: WorkMode | null;
  employmentType: EmploymentType | null;
  clientId: string | null;
}

/**
 * The WHERE clause of the board and its values ($1, $2, …). Each condition is one an index answers:
 * open jobs only (every board index is partial on it), the words through jobs_open_search_idx (the
 * expression is the indexed column itself), the location through jobs_open_location_trgm_idx.
 */
export function boardConditions(filter: BoardFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [JobStatus.Open];
  const conditions = ['j.status = $1'];
  const add = (sql: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (filter.tsQuery) add((p) => `j.search_vector @@ to_tsquery('english', ${p})`, filter.tsQuery);
  if (filter.location) add((p) => `j.location ILIKE ${p} ESCAPE '\\'`, `%${escapeLike(filter.location)}%`);
  if (filter.workMode) add((p) => `j.work_mode = ${p}`, filter.workMode);
  if (filter.employmentType) add((p) => `j.employment_type = ${p}`, filter.employmentType);
  if (filter.clientId) add((p) => `j.client_id = ${p}`, filter.clientId);
  return { where: conditions.join(' AND '), params };
}

/** The columns a board card shows: never the description, which only the job page needs. */
export const BOARD_COLUMNS = `j.id, j.title, j.client_id, j.client_name, j.location, j.work_mode, j.employment_type,
  j.salary_min, j.salary_max, j.salary_currency, j.pay_period, j.status, j.published_at,
  j.published_at::text AS cursor_at`;

export interface BoardRow extends JobSummaryRow {
  published_at: Date;
  /** PostgreSQL's full-precision text of published_at, for the cursor. */
  cursor_at: string;
}

export function toBoardSummary(row: BoardRow): JobSummary {
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
    publishedAt: row.published_at.toISOString(),
  };
}
