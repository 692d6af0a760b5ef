import { ApplicationStatus, FoundApplication } from '@heardback/contracts';

/** The columns every finding query selects, and how a row becomes what the agency reads. */
export const FOUND_APPLICATION_COLUMNS = `
  a.id, a.status, a.created_at, a.created_at::text AS cursor_at,
  u.id AS candidate_id, u.full_name, u.email, j.id AS job_id, j.title, c.name AS client_name`;

export interface FoundApplicationRow {
  id: string;
  status: ApplicationStatus;
  created_at: Date;
  /** PostgreSQL's text of created_at, full precision, for the keyset cursor. */
  cursor_at: string;
  candidate_id: string;
  full_name: string;
  email: string;
  job_id: string;
  title: string;
  client_name: string;
}

export function toFoundApplication(row: FoundApplicationRow): FoundApplication {
  return {
    id: row.id,
    status: row.status,
    candidate: { id: row.candidate_id, fullName: row.full_name, email: row.email },
    job: { id: row.job_id, title: row.title, clientName: row.client_name },
    appliedAt: row.created_at.toISOString(),
  };
}
