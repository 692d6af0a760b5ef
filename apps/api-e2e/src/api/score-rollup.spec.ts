import { FeedbackDecision, ScoreReport, UserRole } from '@heardback/contracts';
import { ApiSession } from '../support/api-client';
import {
  apply,
  createOpenJob,
  expectStatus,
  insertAgencyUser,
  interviewHeld,
  recordFeedback,
  registerCandidate,
  signIn,
} from '../support/factories';
import { ownApi } from '../support/own-api';

jest.setTimeout(180_000);

const NIL = '00000000-0000-0000-0000-000000000000';

/** What the rollup must hold: the feedback facts counted per calendar, grouping, group, week and value. */
const ROLLUP_FROM_THE_FACTS = `
  SELECT f.calendar_version, k.kind, f.week, k.key, round(f.working_days * 100)::int AS hundredths,
         CASE WHEN f.working_days < 1 THEN 0 WHEN f.working_days < 2 THEN 1 WHEN f.working_days < 3 THEN 2
              WHEN f.working_days < 5 THEN 3 ELSE 4 END AS bucket, count(*)::int AS count
    FROM score_feedback_facts f
    CROSS JOIN LATERAL (VALUES ('all', '${NIL}'::uuid), ('recruiter', f.recruiter_id), ('client', f.client_id),
                               ('job', f.job_id), ('interviewer', f.contact_id)) k(kind, key)
   WHERE k.key IS NOT NULL AND f.calendar_version IS NOT NULL AND f.working_days IS NOT NULL AND f.ended_at IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6`;
const STORED_ROLLUP = `
  SELECT calendar_version, kind, week, key, hundredths, bucket::int, count FROM score_feedback_rollup WHERE count > 0`;

/**
 * Staff's time to feedback over whole weeks comes from `score_feedback_rollup` (ADR 0040). On
 * generated facts spread over ten weeks (periods starting and ending mid-week and mid-month, values
 * on and just below the buckets' boundaries), plus an application's real feedback, correction and
 * reassignment, the rolled-up report must equal, to the digit, the report the API gives when it
 * reads every fact (which it does while any fact waits for the calendar's refill).
 */
describe("the score's weekly rollup", () => {
  const api = ownApi({
    RUN_BACKGROUND: 'false',
    AGENCY_TIME_ZONE: 'Europe/London',
    WORKDAY_STARTS_AT: '9',
    WORKDAY_ENDS_AT: '17',
  });
  let staff: ApiSession;
  let staffId: string;

  beforeAll(async () => {
    const staffUser = await insertAgencyUser(api.pool, UserRole.Staff, 'Rollup Staff');
    staffId = staffUser.id;
    staff = await signIn(api.browser(), staffUser.email);
  });

  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  // Mid-week and mid-month starts and ends, a period of exactly whole weeks' worth of days, one shorter than a week.
  const periods = [
    [day(-66), day(0)],
    [day(-40), day(-3)],
    [day(-27), day(1)],
    [day(-5), day(-1)],
  ];
  const groupings = ['recruiter', 'client', 'job', 'interviewer'];

  async function reports(): Promise<ScoreReport[]> {
    const all: ScoreReport[] = [];
    for (const [from, to] of periods) {
      for (const by of groupings) {
        const response = await staff.get<ScoreReport>(`/api/agency/score?from=${from}&to=${to}&by=${by}`);
        expectStatus(response, 200, `the score by ${by} from ${from} to ${to}`);
        all.push({ ...response.body, at: 'the moment asked' });
      }
    }
    return all;
  }

  /** The reports read from every fact: a fact waiting for the calendar's refill makes the API skip the rollup. */
  async function readingEveryFact(): Promise<ScoreReport[]> {
    await api.pool.query(
      `INSERT INTO score_feedback_facts (feedback_id, application_id, recorded_at, job_id, client_id)
       VALUES (gen_random_uuid(), gen_random_uuid(), '2001-01-01', gen_random_uuid(), gen_random_uuid())`,
    );
    try {
      return await reports();
    } finally {
      await api.pool.query(`DELETE FROM score_feedback_facts WHERE recorded_at = '2001-01-01'`);
    }
  }

  async function expectRollupAsTheFactsSay(): Promise<void> {
    const { rows } = await api.pool.query(
      `(SELECT 'stored only' AS side, * FROM (${STORED_ROLLUP} EXCEPT ${ROLLUP_FROM_THE_FACTS}) x)
       UNION ALL (SELECT 'missing' AS side, * FROM (${ROLLUP_FROM_THE_FACTS} EXCEPT ${STORED_ROLLUP}) y)`,
    );
    expect(rows).toEqual([]);
  }

  async function expectRolledUpEqualsEveryFact(): Promise<void> {
    await expectRollupAsTheFactsSay();
    const rolledUp = await reports();
    expect(rolledUp.some((report) => report.overall.timeToFeedback.count > 10)).toBe(true);
    expect(rolledUp).toEqual(await readingEveryFact());
  }

  it('gives the figures of every fact, before and after a correction, a reassignment and rewritten facts', async () => {
    // 600 generated facts over ten weeks: three recruiters, four jobs of two clients, three
    // interviewers or none, a few values on or just below a bucket's boundary.
    await api.pool.query(`SELECT setseed(0.13)`);
    await api.pool.query(
      `WITH keys AS (
         SELECT array_agg(gen_random_uuid()) FILTER (WHERE n <= 3) AS recruiters,
                array_agg(gen_random_uuid()) FILTER (WHERE n > 3 AND n <= 7) AS jobs,
                array_agg(gen_random_uuid()) FILTER (WHERE n > 7 AND n <= 9) AS clients,
                array_agg(gen_random_uuid()) FILTER (WHERE n > 9) AS contacts
           FROM generate_series(1, 12) n
       ), spread AS (
         SELECT i, now() - random() * interval '70 days' AS recorded_at, random() AS r FROM generate_series(1, 600) i
       )
       INSERT INTO score_feedback_facts (feedback_id, application_id, recorded_at, ended_at, recruiter_id, job_id,
                                         client_id, contact_id, calendar_version, working_days, week)
       SELECT gen_random_uuid(), gen_random_uuid(), s.recorded_at, s.recorded_at - s.r * interval '9 days',
              k.recruiters[1 + i % 3], k.jobs[1 + i % 4], k.clients[1 + i % 2],
              CASE WHEN i % 4 = 3 THEN NULL ELSE k.contacts[1 + i % 3] END, c.version,
              CASE i % 50 WHEN 0 THEN 0.996 WHEN 1 THEN 1 WHEN 2 THEN 2.995 WHEN 3 THEN 4.9999 WHEN 4 THEN 0.125
                   ELSE score_working_days(s.recorded_at - s.r * interval '9 days', s.recorded_at, c) END,
              date_trunc('week', s.recorded_at AT TIME ZONE c.time_zone)::date
         FROM spread s CROSS JOIN keys k CROSS JOIN score_calendar c`,
    );
    await expectRolledUpEqualsEveryFact();

    // An application's real feedback and its correction (the fact stays the original's).
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate('Rolf Rollup', api.browser());
    const applied = await apply(candidate.session, job.id);
    const held = await interviewHeld(staff, applied, 0);
    const first = await recordFeedback(staff, held, 0, FeedbackDecision.Hold);
    await recordFeedback(staff, first, 0, FeedbackDecision.Advance);
    await expectRolledUpEqualsEveryFact();

    // Reassigned: the stage gets another owner, its interview an earlier end (the facts are rebuilt).
    const recruiter = await insertAgencyUser(api.pool, UserRole.Recruiter, 'Rhea Reassigned');
    await api.pool.query(
      `UPDATE application_stages SET recruiter_id = $2, ends_at = ends_at - interval '2 days',
              starts_at = starts_at - interval '2 days' WHERE id = $1`,
      [held.stages[0].id, recruiter.id],
    );
    await api.pool.query(`UPDATE applications SET recruiter_id = $2 WHERE id = $1`, [applied.id, staffId]);
    // Generated facts moved to another recruiter and interviewer, some deleted, some moved a week.
    await api.pool.query(
      `UPDATE score_feedback_facts SET recruiter_id = (SELECT recruiter_id FROM score_feedback_facts LIMIT 1),
              contact_id = NULL WHERE working_days BETWEEN 1.2 AND 1.6`,
    );
    await api.pool.query(`DELETE FROM score_feedback_facts WHERE working_days BETWEEN 2.1 AND 2.3`);
    await api.pool.query(
      `UPDATE score_feedback_facts SET recorded_at = recorded_at - interval '7 days', week = week - 7
        WHERE working_days BETWEEN 3.1 AND 3.4`,
    );
    await expectRolledUpEqualsEveryFact();
  });
});
