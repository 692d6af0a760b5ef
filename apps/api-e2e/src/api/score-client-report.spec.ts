import {
  ApiError,
  ClientMonthlyScore,
  SCORE_GROUPS_DEFAULT_LIMIT,
  ScoreGroupsPage,
  ScoreRow,
  UserRole,
} from '@heardback/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { ApiSession } from '../support/api-client';
import { insertAgencyUser, signIn } from '../support/factories';
import { ownApi } from '../support/own-api';
import { SCORE_API_SETTINGS } from './heardback-score.fixture';

jest.setTimeout(300_000);

const MONTH = 'month=2026-01';
const PERIOD = 'from=2026-01-01&to=2026-01-31';

/** A client's groups in January 2026: each job's one interview, reviewed by its own contact for the first `interviewers`. */
interface ClientGroups {
  id: string;
  jobs: string[];
  interviewers: string[];
}

/**
 * `jobs` jobs of a new client, one application each (Ada's), whose interview on Monday 5 January
 * got its feedback one, two or three working days later (job n: 1 + n % 3); the first `interviewers`
 * of them were reviewed through a client contact's link, a contact each, so each contact is one
 * interviewer row.
 */
async function clientWith(
  pool: Pool,
  name: string,
  counts: { jobs: number; interviewers: number },
  people: { ada: string; staff: string; candidate: string },
): Promise<ClientGroups> {
  const one = async (sql: string, values: unknown[]): Promise<string> => (await pool.query(sql, values)).rows[0].id;
  const client = await one(`INSERT INTO clients (name) VALUES ($1) RETURNING id`, [name]);
  const groups: ClientGroups = { id: client, jobs: [], interviewers: [] };
  for (let n = 0; n < counts.jobs; n++) {
    const job = await one(
      `INSERT INTO jobs (client_id, client_name, title, description, location, work_mode, employment_type, status, pipeline,
                         answer_within_working_days, screening_within_working_days, published_at)
       VALUES ($1, $2, $3, 'A role.', 'London', 'hybrid', 'full_time', 'open', ARRAY['Technical'], 2, 5, '2025-11-01T09:00:00Z')
       RETURNING id`,
      [client, name, `${name} role ${String(n).padStart(2, '0')}`],
    );
    groups.jobs.push(job);
    const application = await one(
      `INSERT INTO applications (job_id, candidate_id, status, recruiter_id, created_at)
       VALUES ($1, $2, 'interviewing', $3, '2025-12-01T09:00:00Z') RETURNING id`,
      [job, people.candidate, people.ada],
    );
    const stage = await one(
      `INSERT INTO application_stages (application_id, position, name, state, starts_at, ends_at)
       VALUES ($1, 0, 'Technical', 'feedback_recorded', '2026-01-05T09:00:00Z', '2026-01-05T10:00:00Z') RETURNING id`,
      [application],
    );
    // Tuesday, Wednesday or Thursday: 1, 2 or 3 working days after the interview ended.
    const day = `2026-01-0${6 + (n % 3)}`;
    const feedback = await one(
      `INSERT INTO feedback (stage_id, application_id, decision, rating, candidate_message, recorded_by, recorded_at, version)
       VALUES ($1, $2, 'advance', 3, 'You explained your approach clearly.', $3, $4, 1) RETURNING id`,
      [stage, application, people.staff, `${day}T10:00:00Z`],
    );
    if (n >= counts.interviewers) continue;
    const contact = await one(
      `INSERT INTO client_contacts (client_id, full_name, email, role) VALUES ($1, $2, $3, 'Engineer') RETURNING id`,
      [client, `${name} contact ${String(n).padStart(2, '0')}`, `c${n}-${randomBytes(3).toString('hex')}@client.test`],
    );
    groups.interviewers.push(contact);
    const link = await one(
      `INSERT INTO client_review_links (stage_id, application_id, contact_id, token_hash, created_at, expires_at, submitted_at)
       VALUES ($1, $2, $3, $4, '2026-01-05T10:00:00Z', '2026-01-19T10:00:00Z', $5) RETURNING id`,
      [stage, application, contact, createHash('sha256').update(randomBytes(32)).digest(), `${day}T09:00:00Z`],
    );
    await pool.query(
      `INSERT INTO client_feedback_drafts (link_id, stage_id, application_id, contact_id, decision, rating, candidate_message,
                                           submitted_at, published_at, published_by, feedback_id)
       VALUES ($1, $2, $3, $4, 'advance', 3, 'Clear thinking.', $7, $8, $5, $6)`,
      [link, stage, application, contact, people.ada, feedback, `${day}T09:00:00Z`, `${day}T10:00:00Z`],
    );
  }
  return groups;
}

/**
 * The printable monthly report per client, paged (issue 12; ADR 0047): its interviewers and jobs
 * are the first page of that client's groups, and the rest follow from the group tables filtered to
 * the client. More of each than a page holds, beside another client's, in a database of its own.
 */
describe('a client’s monthly report, paged', () => {
  const api = ownApi(SCORE_API_SETTINGS);
  const MANY = { jobs: SCORE_GROUPS_DEFAULT_LIMIT + 6, interviewers: SCORE_GROUPS_DEFAULT_LIMIT + 3 };
  let many: ClientGroups;
  let few: ClientGroups;
  let staff: ApiSession;
  let recruiter: ApiSession;

  beforeAll(async () => {
    const staffUser = await insertAgencyUser(api.pool, UserRole.Staff, 'Report Staff');
    const ada = await insertAgencyUser(api.pool, UserRole.Recruiter, 'Ada Reporter');
    const bo = await insertAgencyUser(api.pool, UserRole.Recruiter, 'Bo Reporter');
    const candidate = (
      await api.pool.query(
        `INSERT INTO users (email, password_hash, full_name, role)
         VALUES ('report-candidate@example.test', 'x', 'Report Candidate', 'candidate') RETURNING id`,
      )
    ).rows[0].id;
    const people = { ada: ada.id, staff: staffUser.id, candidate };
    many = await clientWith(api.pool, 'Many Co', MANY, people);
    few = await clientWith(api.pool, 'Few Co', { jobs: 3, interviewers: 2 }, people);
    staff = await signIn(api.browser(), staffUser.email);
    recruiter = await signIn(api.browser(), bo.email);
  });

  async function month(client: string, order = ''): Promise<ClientMonthlyScore> {
    const response = await staff.get<ClientMonthlyScore>(
      `/api/agency/score/clients/${client}/monthly?${MONTH}${order}`,
    );
    expect(response.status).toBe(200);
    return response.body;
  }

  /** The report's first page, then every next one from the group table filtered to the client, in the page's order. */
  async function walk(first: ScoreGroupsPage, client: string): Promise<ScoreRow[]> {
    const rows = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const response = await staff.get<ScoreGroupsPage>(
        `/api/agency/score/groups?${PERIOD}&grouping=${first.grouping}&client=${client}` +
          `&sort=${first.sort}&direction=${first.direction}&cursor=${encodeURIComponent(cursor)}`,
      );
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(first.total);
      rows.push(...response.body.items);
      cursor = response.body.nextCursor;
    }
    return rows;
  }

  it('gives the first page of each table with its total, and paging walks every interviewer and job once', async () => {
    const report = await month(many.id);
    expect(report.interviewers).toMatchObject({ grouping: 'interviewer', sort: 'name', direction: 'asc' });
    expect(report.interviewers.items).toHaveLength(SCORE_GROUPS_DEFAULT_LIMIT);
    expect(report.interviewers.total).toBe(MANY.interviewers);
    expect(report.jobs.items).toHaveLength(SCORE_GROUPS_DEFAULT_LIMIT);
    expect(report.jobs.total).toBe(MANY.jobs);
    // The figures are the month's whatever the table: one interview per job.
    expect(report.overall.timeToFeedback.count).toBe(MANY.jobs);

    const interviewers = await walk(report.interviewers, many.id);
    expect(interviewers.map((row) => row.id)).toHaveLength(MANY.interviewers);
    expect(new Set(interviewers.map((row) => row.id))).toEqual(new Set(many.interviewers));
    const names = interviewers.map((row) => row.name);
    expect(names).toEqual([...names].sort());
    const jobs = await walk(report.jobs, many.id);
    expect(jobs.map((row) => row.id)).toHaveLength(MANY.jobs);
    expect(new Set(jobs.map((row) => row.id))).toEqual(new Set(many.jobs));
    expect(jobs.every((row) => row.timeToFeedback.count === 1)).toBe(true);

    // The report's page is the group table's first page for that client.
    const table = await staff.get<ScoreGroupsPage>(`/api/agency/score/groups?${PERIOD}&grouping=job&client=${many.id}`);
    expect(table.body).toEqual(report.jobs);
  });

  it('sorts each table as asked, each in its own order', async () => {
    const report = await month(
      few.id,
      '&interviewerSort=median&interviewerDirection=desc&jobSort=median&jobDirection=asc',
    );
    const medians = (page: ScoreGroupsPage) => page.items.map((row) => row.timeToFeedback.medianWorkingDays);
    expect(report.interviewers).toMatchObject({ sort: 'median', direction: 'desc', total: 2 });
    expect(report.interviewers.items.map((row) => row.id)).toEqual([...few.interviewers].reverse());
    expect(medians(report.interviewers)).toEqual([2, 1]);
    expect(report.jobs).toMatchObject({ sort: 'median', direction: 'asc', total: 3 });
    expect(report.jobs.items.map((row) => row.id)).toEqual(few.jobs);
    expect(medians(report.jobs)).toEqual([1, 2, 3]);
    // Asked for one table only, the other stays by name.
    const jobsOnly = await month(few.id, '&jobSort=median&jobDirection=desc');
    expect(jobsOnly.jobs.items.map((row) => row.id)).toEqual([...few.jobs].reverse());
    expect(jobsOnly.interviewers).toMatchObject({ sort: 'name', direction: 'asc' });
    expect(jobsOnly.interviewers.items.map((row) => row.id)).toEqual(few.interviewers);
  });

  it('pages a sorted table on in its order, every job once', async () => {
    const report = await month(many.id, '&jobSort=median&jobDirection=desc');
    const jobs = await walk(report.jobs, many.id);
    expect(new Set(jobs.map((row) => row.id))).toEqual(new Set(many.jobs));
    expect(jobs).toHaveLength(MANY.jobs);
    const medians = jobs.map((row) => row.timeToFeedback.medianWorkingDays ?? 0);
    expect(medians).toEqual([...medians].sort((a, b) => b - a));
    expect(medians[0]).toBe(3);
    // Its cursor is refused by the table in another order.
    const byName = await staff.get<ApiError>(
      `/api/agency/score/groups?${PERIOD}&grouping=job&client=${many.id}&cursor=${encodeURIComponent(report.jobs.nextCursor ?? '')}`,
    );
    expect(byName.status).toBe(400);
    expect(byName.body.details?.map((detail) => detail.field)).toEqual(['cursor']);
  });

  it('refuses an order that is not a column, naming the field', async () => {
    const response = await staff.get<ApiError>(
      `/api/agency/score/clients/${few.id}/monthly?${MONTH}&interviewerSort=salary&jobDirection=up`,
    );
    expect(response.status).toBe(400);
    expect(response.body.details?.map((detail) => detail.field).sort()).toEqual(['interviewerSort', 'jobDirection']);
  });

  it('never shows another client’s interviewers or jobs', async () => {
    const report = await month(few.id);
    expect(report.interviewers).toMatchObject({ total: 2, nextCursor: null });
    expect(new Set(report.interviewers.items.map((row) => row.id))).toEqual(new Set(few.interviewers));
    expect(report.jobs).toMatchObject({ total: 3, nextCursor: null });
    expect(new Set(report.jobs.items.map((row) => row.id))).toEqual(new Set(few.jobs));
    expect(report.overall.timeToFeedback.count).toBe(3);

    const manyIds = new Set([...many.jobs, ...many.interviewers]);
    for (const grouping of ['job', 'interviewer', 'client', 'recruiter']) {
      const page = await staff.get<ScoreGroupsPage>(
        `/api/agency/score/groups?${PERIOD}&grouping=${grouping}&client=${few.id}&limit=200`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.some((row) => manyIds.has(row.id) || row.id === many.id)).toBe(false);
    }
    // Without the filter, both clients' jobs.
    const all = await staff.get<ScoreGroupsPage>(`/api/agency/score/groups?${PERIOD}&grouping=job&limit=1`);
    expect(all.body.total).toBe(MANY.jobs + 3);
  });

  it('keeps the report to staff, and a recruiter’s filtered table to their own work', async () => {
    const refused = await recruiter.get<ApiError>(`/api/agency/score/clients/${many.id}/monthly?${MONTH}`);
    expect(refused.status).toBe(403);
    const own = await recruiter.get<ScoreGroupsPage>(
      `/api/agency/score/groups?${PERIOD}&grouping=job&client=${many.id}`,
    );
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ items: [], total: 0, nextCursor: null });
  });

  it('pages a report opened with the client’s id in capitals like any other', async () => {
    const report = await month(many.id.toUpperCase());
    const jobs = await walk(report.jobs, many.id);
    expect(new Set(jobs.map((row) => row.id))).toEqual(new Set(many.jobs));
  });

  it('refuses one client’s cursor on another client’s table, or on every client’s, naming cursor', async () => {
    const report = await month(many.id);
    const cursor = encodeURIComponent(report.jobs.nextCursor ?? '');
    expect(cursor).not.toBe('');
    for (const elsewhere of [`&client=${few.id}`, '']) {
      const response = await staff.get<ApiError>(
        `/api/agency/score/groups?${PERIOD}&grouping=job${elsewhere}&cursor=${cursor}`,
      );
      expect(response.status).toBe(400);
      expect(response.body.details?.map((detail) => detail.field)).toEqual(['cursor']);
    }
  });

  it('refuses a client filter that is not a client’s id, naming client', async () => {
    const response = await staff.get<ApiError>(`/api/agency/score/groups?${PERIOD}&grouping=job&client=acme`);
    expect(response.status).toBe(400);
    expect(response.body.details?.map((detail) => detail.field)).toEqual(['client']);
  });
});
