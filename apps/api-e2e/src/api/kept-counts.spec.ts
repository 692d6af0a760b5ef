import {
  ApplicationView,
  CandidateApplicationView,
  CountedPage,
  FeedbackDecision,
  FeedbackQueuePage,
  WaitingApplication,
} from '@heardback/contracts';
import { database } from '../support/database';
import {
  apply,
  createOpenJob,
  expectStatus,
  interviewHeld,
  recordFeedback,
  registerCandidate,
  staffForTheseTests,
} from '../support/factories';

const MAY_OWE = `(s.state IN ('scheduled', 'awaiting_feedback') OR (s.held_at IS NOT NULL AND s.state IN ('pending', 'skipped')))`;
const OPEN = `status IN ('applied', 'screening', 'interviewing', 'offer')`;

/**
 * Each kept key beside what it counts, in one statement (one snapshot, so other spec files' writes
 * cannot make them differ): the keys where they differ. What is kept is the folded count plus the
 * changes not yet folded, as the totals read them. Per status (a status at zero keeps its row):
 */
const STATUS_MISMATCHES = `
  SELECT coalesce(k.status, c.status) AS status, k.n AS counted, c.applications AS kept
    FROM (SELECT status, count(*) AS n FROM applications GROUP BY 1) k
    FULL JOIN (SELECT status, sum(applications) AS applications
                 FROM (SELECT status, applications FROM application_status_counts
                       UNION ALL SELECT status, applications FROM application_status_changes) kept
                GROUP BY status) c ON c.status = k.status
   WHERE coalesce(k.n, 0) <> coalesce(c.applications, 0)`;
/** Per day (a day at zero has no row): */
const WAITING_MISMATCHES = `
  SELECT coalesce(k.day, c.day) AS day, k.n AS counted, c.stages AS kept
    FROM (SELECT date_trunc('day', s.feedback_waiting_from, 'UTC') AS day, count(*) AS n
            FROM application_stages s WHERE s.feedback_waiting_from IS NOT NULL AND ${MAY_OWE} GROUP BY 1) k
    FULL JOIN (SELECT day, sum(stages) AS stages
                 FROM (SELECT day, stages FROM feedback_waiting_counts
                       UNION ALL SELECT day, stages FROM feedback_waiting_changes) kept
                GROUP BY day HAVING sum(stages) <> 0) c ON c.day = k.day
   WHERE k.n IS DISTINCT FROM c.stages`;
/** What the fold leaves: no kept day at zero or below. */
const EMPTY_KEPT_DAYS = `SELECT day, stages FROM feedback_waiting_counts WHERE stages <= 0`;

/** The queue as FeedbackQueueService counted it before its total was kept: every stage owing feedback now. */
const QUEUE_NOW = `SELECT count(*)::int AS n FROM application_stages s WHERE ${MAY_OWE} AND s.feedback_waiting_from <= now()`;
const OPEN_NOW = `SELECT count(*)::int AS n FROM applications WHERE ${OPEN}`;

async function mismatches(sql: string, query = (text: string) => database().query(text)): Promise<unknown[]> {
  return (await query(sql)).rows;
}

async function expectKept(): Promise<void> {
  expect(await mismatches(STATUS_MISMATCHES)).toEqual([]);
  expect(await mismatches(WAITING_MISMATCHES)).toEqual([]);
}

/**
 * Folds the changes appended so far into the counts as the worker does every minute, in batches (of
 * two here, so that a fold takes several): every change there was must have moved (nothing else
 * folds on the shared database: its API runs no background work), and the counts must still agree,
 * with no day left at zero.
 */
async function foldAndExpectKept(): Promise<void> {
  await database().query(`DO $$
    DECLARE
      waiting integer := (SELECT count(*) FROM feedback_waiting_changes);
      statuses integer := (SELECT count(*) FROM application_status_changes);
      moved integer;
      waiting_moved integer := 0;
      statuses_moved integer := 0;
    BEGIN
      LOOP
        moved := fold_feedback_waiting_changes(2);
        waiting_moved := waiting_moved + moved;
        EXIT WHEN moved < 2;
      END LOOP;
      LOOP
        moved := fold_application_status_changes(2);
        statuses_moved := statuses_moved + moved;
        EXIT WHEN moved < 2;
      END LOOP;
      IF waiting_moved < waiting OR statuses_moved < statuses THEN
        RAISE EXCEPTION 'folded % of % day changes and % of % status changes', waiting_moved, waiting, statuses_moved, statuses;
      END IF;
    END $$`);
  await expectKept();
  expect(await mismatches(EMPTY_KEPT_DAYS)).toEqual([]);
}

/** A day's folded count and the changes to it still waiting to be folded. */
async function keptDay(day: string): Promise<{ counted: number | null; unfolded: number }> {
  const { rows } = await database().query<{ counted: number | null; unfolded: number }>(
    `SELECT (SELECT stages::int FROM feedback_waiting_counts WHERE day = $1) AS counted,
            (SELECT count(*)::int FROM feedback_waiting_changes WHERE day = $1) AS unfolded`,
    [day],
  );
  return rows[0];
}

/** The shard the counts were kept under before ADR 0084: eight by the row id's last byte (count_shard, now dropped). */
const OLD_SHARD = (column: string) => `(get_byte(uuid_send(${column}), 15) % 8)`;

/**
 * Two writers in their own transactions, the first still open while the second writes: the second
 * must not wait (it gives up after half a second if it does). `ids` are nine rows, so that two of
 * them share an old shard (eight of them): the pair written is such a pair.
 */
async function expectNeitherWaits(ids: string[], write: (id: string) => { text: string; values: unknown[] }) {
  const { rows: pair } = await database().query<{ first: string; second: string }>(
    `SELECT a.id AS first, b.id AS second
       FROM unnest($1::uuid[]) a(id) JOIN unnest($1::uuid[]) b(id) ON a.id < b.id AND ${OLD_SHARD('a.id')} = ${OLD_SHARD('b.id')}
      LIMIT 1`,
    [ids],
  );
  expect(pair).toHaveLength(1);
  const first = await database().connect();
  const second = await database().connect();
  try {
    await first.query('BEGIN');
    await first.query(write(pair[0].first));
    await second.query('BEGIN');
    await second.query(`SET LOCAL lock_timeout = '500ms'`);
    await expect(second.query(write(pair[0].second))).resolves.toBeDefined();
    await second.query('COMMIT');
    await first.query('COMMIT');
  } finally {
    await first.query('ROLLBACK').catch(() => undefined);
    await second.query('ROLLBACK').catch(() => undefined);
    first.release();
    second.release();
  }
}

async function countNow(sql: string): Promise<number> {
  return (await database().query<{ n: number }>(sql)).rows[0].n;
}

/**
 * A total the API gave, against the truth just before and just after: other spec files write
 * meanwhile, and time only adds to the queue, so it must lie between the two (equal when nothing moved).
 */
async function expectTotalBetween(total: () => Promise<number>, truth: string): Promise<void> {
  const before = await countNow(truth);
  const given = await total();
  const after = await countNow(truth);
  expect(given).toBeGreaterThanOrEqual(Math.min(before, after));
  expect(given).toBeLessThanOrEqual(Math.max(before, after));
}

describe('the kept counts behind the queue and who-is-waiting totals', () => {
  const staff = staffForTheseTests();
  const current = async (id: string) => (await staff.get<ApplicationView>(`/api/applications/${id}`)).body;
  const queueTotal = async () => (await staff.get<FeedbackQueuePage>('/api/feedback/queue?limit=1')).body.total;
  const waitingTotal = async () =>
    (await staff.get<CountedPage<WaitingApplication>>('/api/agency/waiting?limit=1')).body.total;
  const expectTotals = async () => {
    await expectTotalBetween(queueTotal, QUEUE_NOW);
    await expectTotalBetween(waitingTotal, OPEN_NOW);
  };

  /** Books the stage at `position` from `startsAt` for an hour, through the API. */
  async function book(application: CandidateApplicationView, position: number, startsAt: Date) {
    const response = await staff.post<ApplicationView>(
      `/api/applications/${application.id}/stages/${application.stages[position].id}/schedule`,
      {
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        location: 'Video call',
        interviewers: ['Hiring manager'],
        version: application.version,
      },
    );
    expectStatus(response, 200, 'book an interview');
    return response.body;
  }

  it('equal the applications and stages after applying, booking, feedback, rejecting, withdrawing and reopening', async () => {
    const job = await createOpenJob(staff);
    const candidates = await Promise.all([registerCandidate(), registerCandidate(), registerCandidate()]);
    const applied: CandidateApplicationView[] = [];
    for (const candidate of candidates) applied.push(await apply(candidate.session, job.id));
    await expectKept();
    await expectTotals();

    // An interview that took place an hour ago (in the queue), one next week (not yet).
    await interviewHeld(staff, applied[0], 0);
    await book(await current(applied[1].id), 0, new Date(Date.now() + 7 * 86_400_000));
    await expectKept();
    await expectTotals();

    // Rebooked to another day, then feedback: out of the queue, on to the next stage.
    await book(await current(applied[1].id), 0, new Date(Date.now() + 9 * 86_400_000));
    await recordFeedback(staff, await current(applied[0].id), 0);
    await expectKept();
    await expectTotals();
    await foldAndExpectKept();
    await expectTotals();

    // Rejected at its interview; the third candidate withdraws.
    await interviewHeld(staff, await current(applied[1].id), 0);
    await recordFeedback(staff, await current(applied[1].id), 0, FeedbackDecision.Reject);
    await interviewHeld(staff, await current(applied[2].id), 0);
    expectStatus(
      await candidates[2].session.post(`/api/applications/${applied[2].id}/withdraw`, {
        reason: 'Found something closer to home',
        version: (await current(applied[2].id)).version,
      }),
      200,
      'withdraw',
    );
    await expectKept();
    await expectTotals();

    // A data fix reopens both at once: their untouched stages owe feedback again.
    await database().query(`UPDATE applications SET status = 'interviewing' WHERE id = ANY($1)`, [
      [applied[1].id, applied[2].id],
    ]);
    await expectKept();
    await expectTotals();
  });

  it('follow stages across days, today before and after now, a held mark and statements of many rows', async () => {
    const job = await createOpenJob(staff);
    const applied: CandidateApplicationView[] = [];
    for (let index = 0; index < 3; index += 1) {
      applied.push(await interviewHeld(staff, await apply((await registerCandidate()).session, job.id), 0));
    }
    // The fourth is booked to start in ten minutes: not waiting yet (later today, or early tomorrow).
    const booked = await apply((await registerCandidate()).session, job.id);
    applied.push(await book(booked, 0, new Date(Date.now() + 10 * 60_000)));
    const stages = applied.map((application) => application.stages[0].id);
    await expectKept();

    // One statement moves the three that took place to yesterday, earlier today (counted from the
    // index, not the kept days) and 2001, each to a different day. (A stage that took place without
    // feedback cannot be moved into the future: the feedback rule refuses it.)
    await database().query(
      `UPDATE application_stages s
          SET starts_at = m.ends_at - interval '1 hour', ends_at = m.ends_at
         FROM (SELECT * FROM unnest($1::uuid[], ARRAY[
                 date_trunc('day', now(), 'UTC') - interval '2 hours',
                 greatest(date_trunc('day', now(), 'UTC'), now() - interval '1 minute'),
                 '2001-01-01T10:00:00Z'::timestamptz]) AS m(id, ends_at)) m
        WHERE s.id = m.id`,
      [stages.slice(0, 3)],
    );
    await expectKept();
    await expectTotals();

    // All four moved in one statement to the same day, then a later stage marked held ('-infinity').
    await database().query(
      `UPDATE application_stages SET starts_at = '2002-02-02T09:00:00Z', ends_at = '2002-02-02T10:00:00Z' WHERE id = ANY($1)`,
      [stages],
    );
    await expectKept();
    const later = [...applied[0].stages].sort((a, b) => a.position - b.position)[1];
    await database().query('UPDATE application_stages SET held_at = now() WHERE id = $1', [later.id]);
    await expectKept();
    await expectTotals();
    await foldAndExpectKept();

    // Feedback on two. Then, in a transaction rolled back after checking: rows added and removed in
    // one statement each (stages booked from yesterday to tomorrow, and the not-yet-held ones
    // removed; applications inserted with two statuses, then deleted).
    await recordFeedback(staff, await current(applied[1].id), 0);
    await recordFeedback(staff, await current(applied[2].id), 0, FeedbackDecision.Reject);
    await expectKept();
    const spare = await createOpenJob(staff);
    const client = await database().connect();
    const expectKeptInTransaction = async () => {
      expect(await mismatches(STATUS_MISMATCHES, (text) => client.query(text))).toEqual([]);
      expect(await mismatches(WAITING_MISMATCHES, (text) => client.query(text))).toEqual([]);
    };
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO application_stages (application_id, position, name, state, starts_at, ends_at)
         SELECT $1, p, 'Extra ' || p, 'scheduled', now() + (p - 11) * interval '1 day',
                now() + (p - 11) * interval '1 day' + interval '1 hour'
           FROM generate_series(10, 12) p`,
        [applied[3].id],
      );
      await expectKeptInTransaction();
      await client.query(
        `DELETE FROM application_stages WHERE application_id = $1 AND position >= 10 AND ends_at > now()`,
        [applied[3].id],
      );
      await expectKeptInTransaction();
      await client.query(
        `INSERT INTO applications (job_id, candidate_id, status)
         SELECT $1, a.candidate_id, CASE WHEN a.id = $2 THEN 'applied' ELSE 'screening' END
           FROM applications a WHERE a.id = ANY($3)`,
        [spare.id, applied[0].id, [applied[0].id, applied[1].id]],
      );
      await expectKeptInTransaction();
      await client.query(`DELETE FROM applications WHERE job_id = $1`, [spare.id]);
      await expectKeptInTransaction();
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    await expectKept();
    await expectTotals();
    await foldAndExpectKept();
    await expectTotals();
  });

  it('let recruiters booking interviews on the same day, and moving applications to the same status, write at once', async () => {
    const job = await createOpenJob(staff);
    const applied: CandidateApplicationView[] = [];
    for (let index = 0; index < 9; index += 1) applied.push(await apply((await registerCandidate()).session, job.id));

    // Two interviews booked onto one day: each writer changes that day's count of stages owing feedback.
    await expectNeitherWaits(
      applied.map((application) => application.stages[0].id),
      (id) => ({
        text: `UPDATE application_stages SET state = 'scheduled', starts_at = '2031-03-04T09:00:00Z', ends_at = '2031-03-04T10:00:00Z'
                WHERE id = $1`,
        values: [id],
      }),
    );
    // Two applications screened: each writer takes one from 'applied' and adds one to 'screening'.
    await expectNeitherWaits(
      applied.map((application) => application.id),
      (id) => ({ text: `UPDATE applications SET status = 'screening' WHERE id = $1`, values: [id] }),
    );
    await expectKept();
    await foldAndExpectKept();
    // Both bookings were folded into their day, and nothing of that day waits to be folded.
    expect(await keptDay('2031-03-04T00:00:00Z')).toEqual({ counted: 2, unfolded: 0 });
    await expectTotals();

    // Moved off that day, and folded: the day's row goes when nothing is owed from it.
    await database().query(
      `UPDATE application_stages SET starts_at = '2031-03-05T09:00:00Z', ends_at = '2031-03-05T10:00:00Z'
        WHERE starts_at = '2031-03-04T09:00:00Z' AND id = ANY($1)`,
      [applied.map((application) => application.stages[0].id)],
    );
    await foldAndExpectKept();
    expect(await keptDay('2031-03-04T00:00:00Z')).toEqual({ counted: null, unfolded: 0 });
    expect(await keptDay('2031-03-05T00:00:00Z')).toEqual({ counted: 2, unfolded: 0 });
  });
});
