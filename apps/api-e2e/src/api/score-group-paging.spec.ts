import {
  ApiError,
  SCORE_GROUPS_CURSOR_MAX_LENGTH,
  SCORE_GROUPS_MAX_LIMIT,
  SCORE_MAX_GROUPS,
  ScoreGroupSort,
  ScoreGroupsPage,
  ScoreReport,
  ScoreRow,
  SortDirection,
  UserRole,
} from '@heardback/contracts';
import { Pool } from 'pg';
import { ApiSession } from '../support/api-client';
import { insertAgencyUser, signIn } from '../support/factories';
import { ownApi } from '../support/own-api';
import { SCORE_READ_LIMITS } from './heardback-score.fixture';

jest.setTimeout(300_000);

/** More jobs than the report's old cap of SCORE_MAX_GROUPS, so every table must page to show them all. */
const JOBS = SCORE_MAX_GROUPS + 20;
const PERIOD = 'from=2026-01-05&to=2026-01-18';

/**
 * JOBS jobs of one client, one open application each (Bo's every third, Ada's the rest), so each has
 * a longest silence; three in four have an interview on Monday 5 January 10:00 with its feedback
 * 0–4 working hours later, the fourth has none (its median is null). Titles repeat every 40 jobs and
 * figures every few, so every sort has long runs of ties to page across.
 */
async function manyJobs(pool: Pool, people: { ada: string; bo: string; staff: string }): Promise<void> {
  const client = (await pool.query(`INSERT INTO clients (name) VALUES ('Paging Co') RETURNING id`)).rows[0].id;
  const candidate = (
    await pool.query(
      `INSERT INTO users (email, password_hash, full_name, role)
       VALUES ('paging-candidate@example.test', 'x', 'Paging Candidate', 'candidate') RETURNING id`,
    )
  ).rows[0].id;
  await pool.query(
    `INSERT INTO jobs (client_id, client_name, title, description, location, work_mode, employment_type, status, pipeline,
                       answer_within_working_days, screening_within_working_days, published_at)
     SELECT $1, 'Paging Co', 'Role ' || (i % 40), 'n=' || i, 'London', 'hybrid', 'full_time', 'open', ARRAY['Technical'],
            2, 5, '2025-11-01T09:00:00Z'
       FROM generate_series(1, $2::int) i`,
    [client, JOBS],
  );
  await pool.query(
    `INSERT INTO applications (job_id, candidate_id, status, recruiter_id, created_at)
     SELECT j.id, $2, 'interviewing', CASE WHEN n % 3 = 0 THEN $4::uuid ELSE $3::uuid END,
            '2025-12-01T09:00:00Z'::timestamptz + (n % 17) * interval '1 hour'
       FROM jobs j CROSS JOIN LATERAL (SELECT substring(j.description FROM 3)::int AS n) x
      WHERE j.client_id = $1`,
    [client, candidate, people.ada, people.bo],
  );
  await pool.query(
    `INSERT INTO application_stages (application_id, position, name, state, starts_at, ends_at)
     SELECT a.id, 0, 'Technical', 'feedback_recorded', '2026-01-05T09:00:00Z', '2026-01-05T10:00:00Z'
       FROM applications a JOIN jobs j ON j.id = a.job_id
      WHERE j.client_id = $1 AND substring(j.description FROM 3)::int % 4 <> 0`,
    [client],
  );
  await pool.query(
    `INSERT INTO feedback (stage_id, application_id, decision, rating, candidate_message, recorded_by, recorded_at, version)
     SELECT s.id, a.id, 'advance', 3, 'You explained your approach clearly.', $2,
            '2026-01-05T10:00:00Z'::timestamptz + (substring(j.description FROM 3)::int % 5) * interval '1 hour', 1
       FROM application_stages s JOIN applications a ON a.id = s.application_id JOIN jobs j ON j.id = a.job_id
      WHERE j.client_id = $1`,
    [client, people.staff],
  );
}

/**
 * Jobs of two clients whose one interview each (Monday 2 February, 09:00–10:00) had feedback `hours`
 * working hours later: equal figures, so their order is their names'.
 */
async function tiedJobs(
  pool: Pool,
  jobs: { id: string; title: string; client: string; hours: number }[],
): Promise<void> {
  const clients = new Map<string, string>();
  for (const name of new Set(jobs.map((job) => job.client))) {
    clients.set(name, (await pool.query(`INSERT INTO clients (name) VALUES ($1) RETURNING id`, [name])).rows[0].id);
  }
  const staff = (await pool.query(`SELECT id FROM users WHERE role = 'staff' LIMIT 1`)).rows[0].id;
  const recruiter = (await pool.query(`SELECT id FROM users WHERE role = 'recruiter' LIMIT 1`)).rows[0].id;
  for (const [index, job] of jobs.entries()) {
    await pool.query(
      `INSERT INTO jobs (id, client_id, client_name, title, description, location, work_mode, employment_type, status,
                         pipeline, answer_within_working_days, screening_within_working_days, published_at)
       VALUES ($1, $2, $3, $4, 'Ties.', 'London', 'hybrid', 'full_time', 'open', ARRAY['Technical'], 2, 5,
               '2026-01-01T09:00:00Z')`,
      [job.id, clients.get(job.client), job.client, job.title],
    );
    const candidate = (
      await pool.query(
        `INSERT INTO users (email, password_hash, full_name, role)
         VALUES ($1, 'x', 'Tie Candidate', 'candidate') RETURNING id`,
        [`tie-candidate-${index}@example.test`],
      )
    ).rows[0].id;
    const application = (
      await pool.query(
        `INSERT INTO applications (job_id, candidate_id, status, recruiter_id, created_at)
         VALUES ($1, $2, 'interviewing', $3, '2026-01-20T09:00:00Z') RETURNING id`,
        [job.id, candidate, recruiter],
      )
    ).rows[0].id;
    const stage = (
      await pool.query(
        `INSERT INTO application_stages (application_id, position, name, state, starts_at, ends_at)
         VALUES ($1, 0, 'Technical', 'feedback_recorded', '2026-02-02T09:00:00Z', '2026-02-02T10:00:00Z') RETURNING id`,
        [application],
      )
    ).rows[0].id;
    await pool.query(
      `INSERT INTO feedback (stage_id, application_id, decision, rating, candidate_message, recorded_by, recorded_at, version)
       VALUES ($1, $2, 'advance', 3, 'You explained your approach clearly.', $3,
               '2026-02-02T10:00:00Z'::timestamptz + $4::int * interval '1 hour', 1)`,
      [stage, application, staff, job.hours],
    );
  }
}

/** What each sort orders by, as the rows show it; null sorts last either way. */
const VALUE: Record<ScoreGroupSort, (row: ScoreRow) => number | string | null> = {
  [ScoreGroupSort.Name]: (row) => row.name.toLowerCase(),
  [ScoreGroupSort.Interviews]: (row) => row.timeToFeedback.count,
  [ScoreGroupSort.Median]: (row) => row.timeToFeedback.medianWorkingDays,
  [ScoreGroupSort.P90]: (row) => row.timeToFeedback.p90WorkingDays,
  [ScoreGroupSort.Kept]: (row) => row.promises.keptShare,
  [ScoreGroupSort.Redated]: (row) => row.promises.redatedShare,
  [ScoreGroupSort.Broken]: (row) => row.promises.brokenShare,
  // Longest silence first is the oldest instant last heard.
  [ScoreGroupSort.Silence]: (row) => (row.silence.since ? -Date.parse(row.silence.since) : null),
  [ScoreGroupSort.Words]: (row) => row.rejections.share,
  [ScoreGroupSort.Cnps]: (row) => row.satisfaction.cnps,
  [ScoreGroupSort.Ghosted]: (row) => row.satisfaction.feltGhostedPercent,
};

/**
 * Whether `b` may follow `a`: by value (nulls last) in the table's direction, ties by the name shown,
 * then its detail, A first either way, then id; sorting by name turns the whole order round.
 */
function inOrder(a: ScoreRow, b: ScoreRow, sort: ScoreGroupSort, direction: SortDirection): boolean {
  const [left, right] = [VALUE[sort](a), VALUE[sort](b)];
  const sign = direction === SortDirection.Asc ? 1 : -1;
  if (left === null || right === null) {
    if (left !== right) return right === null;
  } else if (left !== right) {
    return (left < right ? 1 : -1) * sign > 0;
  }
  const tieSign = sort === ScoreGroupSort.Name ? sign : 1;
  const tie = (row: ScoreRow) => [row.name.toLowerCase(), (row.detail ?? '').toLowerCase(), row.id];
  const [from, to] = [tie(a), tie(b)];
  const differs = from.findIndex((part, index) => part !== to[index]);
  return differs !== -1 && (from[differs] < to[differs] ? 1 : -1) * tieSign > 0;
}

describe('the score group tables, paged by cursor (ADR 0045)', () => {
  const api = ownApi({ ...SCORE_READ_LIMITS, RUN_BACKGROUND: 'false', AGENCY_TIME_ZONE: 'Europe/London' });
  let staff: ApiSession;
  let bo: ApiSession;

  beforeAll(async () => {
    const staffUser = await insertAgencyUser(api.pool, UserRole.Staff, 'Paging Staff');
    const adaUser = await insertAgencyUser(api.pool, UserRole.Recruiter, 'Ada Pager');
    const boUser = await insertAgencyUser(api.pool, UserRole.Recruiter, 'Bo Pager');
    await manyJobs(api.pool, { ada: adaUser.id, bo: boUser.id, staff: staffUser.id });
    staff = await signIn(api.browser(), staffUser.email);
    bo = await signIn(api.browser(), boUser.email);
  });

  async function page(session: ApiSession, query: string, period = PERIOD): Promise<ScoreGroupsPage> {
    const response = await session.get<ScoreGroupsPage>(`/api/agency/score/groups?${period}&${query}`);
    expect(response.status).toBe(200);
    return response.body;
  }

  /** Every page of a table, following nextCursor; checks each page's size and total on the way. */
  async function allPages(session: ApiSession, query: string, limit: number, period = PERIOD): Promise<ScoreRow[]> {
    const rows: ScoreRow[] = [];
    let cursor: string | null = null;
    let total: number | null = null;
    do {
      const next: ScoreGroupsPage = await page(
        session,
        `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        period,
      );
      total ??= next.total;
      expect(next.total).toBe(total);
      expect(next.items.length).toBeLessThanOrEqual(limit);
      if (next.nextCursor) expect(next.items).toHaveLength(limit);
      rows.push(...next.items);
      cursor = next.nextCursor;
    } while (cursor);
    expect(rows).toHaveLength(total ?? -1);
    return rows;
  }

  const allPagesIn = (period: string, query: string, limit: number) => allPages(staff, query, limit, period);

  const jobIds = async (session: ApiSession) => {
    const all = await allPages(session, 'grouping=job', SCORE_GROUPS_MAX_LIMIT);
    return new Set(all.map((row) => row.id));
  };

  const orders = Object.values(ScoreGroupSort).flatMap((sort) =>
    Object.values(SortDirection).map((direction) => [sort, direction] as const),
  );

  it.each(orders)(
    'joins the pages sorted by %s %s into every group once, in order, ties by name',
    async (sort, direction) => {
      const rows = await allPages(staff, `grouping=job&sort=${sort}&direction=${direction}`, 150);
      expect(rows).toHaveLength(JOBS);
      expect(new Set(rows.map((row) => row.id)).size).toBe(JOBS);
      const misplaced = rows.findIndex((row, index) => index > 0 && !inOrder(rows[index - 1], row, sort, direction));
      expect(misplaced).toBe(-1);
    },
  );

  it('pages a tie-heavy sort in small pages without a gap or a repeat', async () => {
    const small = await allPages(staff, 'grouping=job&sort=interviews&direction=desc', 7);
    const whole = await allPages(staff, 'grouping=job&sort=interviews&direction=desc', SCORE_GROUPS_MAX_LIMIT);
    expect(small.map((row) => row.id)).toEqual(whole.map((row) => row.id));
    // Three in four jobs had an interview with feedback: those first, then the rest.
    expect(small.filter((row) => row.timeToFeedback.count === 1)).toHaveLength(JOBS - Math.floor(JOBS / 4));
    expect(small.slice(0, JOBS - Math.floor(JOBS / 4)).every((row) => row.timeToFeedback.count === 1)).toBe(true);
  });

  it('gives the same figures as the report, with medians null last either way', async () => {
    const first = await page(staff, 'grouping=job&sort=median&direction=asc&limit=200');
    expect(first.total).toBe(JOBS);
    const report = (await staff.get<ScoreReport>(`/api/agency/score?${PERIOD}&by=job`)).body;
    const fromReport = new Map(report.rows.map((row) => [row.id, row]));
    for (const row of first.items) expect(row).toEqual(fromReport.get(row.id) ?? row);
    // 0, 1, 2, 3 or 4 working hours of an eight-hour day: the smallest first.
    expect(first.items[0].timeToFeedback.medianWorkingDays).toBe(0);
    const descending = await allPages(staff, 'grouping=job&sort=median&direction=desc', SCORE_GROUPS_MAX_LIMIT);
    expect(descending[0].timeToFeedback.medianWorkingDays).toBe(0.5);
    expect(descending.slice(-Math.floor(JOBS / 4)).every((row) => row.timeToFeedback.medianWorkingDays === null)).toBe(
      true,
    );
  });

  it('counts the other groupings truly too', async () => {
    expect((await page(staff, 'grouping=recruiter')).total).toBe(2);
    expect((await page(staff, 'grouping=client')).items.map((row) => row.name)).toEqual(['Paging Co']);
    expect((await page(staff, 'grouping=interviewer')).total).toBe(0);
  });

  it("shows a recruiter only their own work's groups, exactly as the report does", async () => {
    const own = await jobIds(bo);
    expect(own.size).toBe(Math.floor(JOBS / 3));
    const report = (await bo.get<ScoreReport>(`/api/agency/score?${PERIOD}&by=job`)).body;
    expect(report.ownWorkOnly).toBe(true);
    expect(new Set(report.rows.map((row) => row.id))).toEqual(own);
    const recruiters = await page(bo, 'grouping=recruiter');
    expect(recruiters.items.map((row) => row.name)).toEqual(['Bo Pager']);
    expect(recruiters.total).toBe(1);
  });

  it('exports every group in the CSV, beyond the cap the report keeps', async () => {
    const report = (await staff.get<ScoreReport>(`/api/agency/score?${PERIOD}&by=job`)).body;
    expect(report.rows).toHaveLength(SCORE_MAX_GROUPS);
    expect(report.truncated).toBe(true);
    const csv = await staff.send('GET', `/api/agency/score.csv?${PERIOD}&by=job`);
    expect(csv.status).toBe(200);
    const lines = csv.text.split('\r\n').filter((line) => line !== '');
    // The header, "Everyone", then every job.
    expect(lines).toHaveLength(2 + JOBS);
    expect(lines.slice(2).every((line) => line.startsWith('job,Role '))).toBe(true);
  });

  it('leaves out the group table from the report when no grouping is asked for', async () => {
    const report = (await staff.get<ScoreReport>(`/api/agency/score?${PERIOD}`)).body;
    expect(report.by).toBeNull();
    expect(report.rows).toEqual([]);
    expect(report.overall.timeToFeedback.count).toBe(JOBS - Math.floor(JOBS / 4));
  });

  it('refuses a cursor of another order, naming the cursor', async () => {
    const first = await page(staff, 'grouping=job&sort=name&limit=5');
    const cursor = encodeURIComponent(first.nextCursor ?? '');
    for (const other of ['grouping=job&sort=median', 'grouping=job&sort=name&direction=desc', 'grouping=client']) {
      const response = await staff.get<ApiError>(`/api/agency/score/groups?${PERIOD}&${other}&cursor=${cursor}`);
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'cursor' })]);
    }
  });

  it.each([
    ['grouping=team', 'grouping'],
    ['sort=name', 'grouping'],
    ['grouping=job&sort=salary', 'sort'],
    ['grouping=job&direction=up', 'direction'],
    ['grouping=job&limit=0', 'limit'],
    [`grouping=job&limit=${SCORE_GROUPS_MAX_LIMIT + 1}`, 'limit'],
    ['grouping=job&limit=ten', 'limit'],
    ['grouping=job&cursor=not-a-cursor', 'cursor'],
    [`grouping=job&cursor=${Buffer.from('["job","name","asc",false,"x","1"]').toString('base64url')}`, 'cursor'],
    [
      `grouping=job&sort=median&cursor=${Buffer.from(
        '["job","median","asc",false,"1; DROP TABLE jobs","00000000-0000-0000-0000-000000000000"]',
      ).toString('base64url')}`,
      'cursor',
    ],
    [
      // The form before names broke ties: the place it marks has no name, so it is refused, not guessed.
      `grouping=job&sort=median&cursor=${Buffer.from(
        '["job","median","asc",null,false,"1","00000000-0000-4000-8000-000000000000"]',
      ).toString('base64url')}`,
      'cursor',
    ],
    [`grouping=job&cursor=${'a'.repeat(SCORE_GROUPS_CURSOR_MAX_LENGTH + 1)}`, 'cursor'],
  ])('refuses %s, naming %s', async (query, field) => {
    const response = await staff.get<ApiError>(`/api/agency/score/groups?${PERIOD}&${query}`);
    expect(response.status).toBe(400);
    expect(response.body.details?.map((detail) => detail.field)).toContain(field);
  });

  it('refuses a bad period here as on the report', async () => {
    const response = await staff.get<ApiError>('/api/agency/score/groups?from=2026-01-10&to=2026-01-09&grouping=job');
    expect(response.status).toBe(400);
    expect(response.body.details?.map((detail) => detail.field)).toContain('to');
  });

  // Last: its jobs' open applications join every period's tables (silence is measured now).
  it('breaks ties by the name shown, then the client, A first in either direction, across pages and in the CSV', async () => {
    const period = 'from=2026-02-02&to=2026-02-13';
    // Ids in no order of the names, so an order by id cannot pass for one by name.
    const jobs = [
      { id: '30000000-0000-4000-8000-000000000000', title: 'Alpha Analyst', client: 'Acme Ties', hours: 1 },
      { id: '10000000-0000-4000-8000-000000000000', title: 'alpha analyst', client: 'Beta Ties', hours: 1 },
      { id: '40000000-0000-4000-8000-000000000000', title: 'Mid Analyst', client: 'Beta Ties', hours: 1 },
      { id: '20000000-0000-4000-8000-000000000000', title: 'Zeta Analyst', client: 'Acme Ties', hours: 1 },
      { id: '50000000-0000-4000-8000-000000000000', title: 'Bravo Analyst', client: 'Acme Ties', hours: 3 },
    ];
    await tiedJobs(api.pool, jobs);
    const shown = (rows: ScoreRow[]) => rows.map((row) => `${row.name} (${row.detail})`);
    const tied = [
      'Alpha Analyst (Acme Ties)',
      'alpha analyst (Beta Ties)',
      'Mid Analyst (Beta Ties)',
      'Zeta Analyst (Acme Ties)',
    ];
    const slower = 'Bravo Analyst (Acme Ties)';
    // The jobs with a median come first either way (the others' is null): their first pages are enough.
    const measured = async (direction: SortDirection, limit: number) => {
      const rows: ScoreRow[] = [];
      let cursor: string | null = null;
      do {
        const next: ScoreGroupsPage = await page(
          staff,
          `grouping=job&sort=median&direction=${direction}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          period,
        );
        rows.push(...next.items);
        cursor = next.nextCursor;
      } while (cursor && rows.length <= jobs.length);
      return shown(rows.filter((row) => row.timeToFeedback.medianWorkingDays !== null));
    };
    // Two a page, so the tie runs across pages: each page starts where the last one's name left off.
    expect(await measured(SortDirection.Asc, 2)).toEqual([...tied, slower]);
    expect(await measured(SortDirection.Desc, 2)).toEqual([slower, ...tied]);
    expect(await measured(SortDirection.Desc, 1)).toEqual(await measured(SortDirection.Desc, SCORE_GROUPS_MAX_LIMIT));

    // By name, the same names tie on their client, and the other way round is the whole order turned round.
    const byName = await allPagesIn(period, 'grouping=job&sort=name&direction=asc', 100);
    expect(shown(byName).filter((name) => name.includes('Ties'))).toEqual([
      'Alpha Analyst (Acme Ties)',
      'alpha analyst (Beta Ties)',
      'Bravo Analyst (Acme Ties)',
      'Mid Analyst (Beta Ties)',
      'Zeta Analyst (Acme Ties)',
    ]);
    const backwards = await allPagesIn(period, 'grouping=job&sort=name&direction=desc', 100);
    expect(backwards.map((row) => row.id)).toEqual(byName.map((row) => row.id).reverse());

    // The CSV in the table's order, its ties as the pages break them.
    const csv = await staff.send('GET', `/api/agency/score.csv?${period}&by=job&sort=median&direction=desc`);
    expect(csv.status).toBe(200);
    const lines = csv.text.split('\r\n').filter((line) => line !== '');
    expect(lines.slice(2, 7).map((line) => line.split(',').slice(1, 3).join(','))).toEqual([
      'Bravo Analyst,Acme Ties',
      'Alpha Analyst,Acme Ties',
      'alpha analyst,Beta Ties',
      'Mid Analyst,Beta Ties',
      'Zeta Analyst,Acme Ties',
    ]);
    const unsorted = await staff.send('GET', `/api/agency/score.csv?${period}&by=job&sort=salary`);
    expect(unsorted.status).toBe(400);
  });
});
