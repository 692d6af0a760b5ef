import { ApplicationView, CandidateApplicationView, DeadlineSweepResult, EscalationView } from '@heardback/contracts';
import { ApiSession } from '../support/api-client';
import { ALERTS_PER_DUE_TIME, DUE_TIME_LADDER } from '@heardback/domain';
import { database } from '../support/database';
import {
  apply,
  createOpenJob,
  expectStatus,
  recordFeedback,
  registerCandidate,
  staffForTheseTests,
} from '../support/factories';
import { everyItem } from '../support/pages';

const HOUR = 3_600_000;
const MAY_OWE = `(s.state IN ('scheduled', 'awaiting_feedback') OR (s.held_at IS NOT NULL AND s.state IN ('pending', 'skipped')))`;

/**
 * What the stage's stored feedback marks (migration 1795898400000, ADR 0037) stand for, worked out
 * from the source tables as the queries did before they were stored: `$1` the domain's alert ladder,
 * `$2` how many alerts complete it. Besides each mark, the three questions the API asks of them are
 * compared with the SQL that asked them before (the feedback queue, the escalation list, the sweep's
 * alerts), for the same instant; a WHERE clause reads a null as false, and so do these.
 */
const MARKS_BY_DEFINITION = `
  SELECT s.id, s.feedback_waiting_from, s.feedback_escalated_at, s.feedback_alerts_done_for,
         CASE WHEN x.owes THEN CASE WHEN s.held_at IS NOT NULL THEN '-infinity'::timestamptz ELSE s.ends_at END END AS waiting_from,
         CASE WHEN x.owes AND ${MAY_OWE} THEN x.escalation END AS escalated_at,
         CASE WHEN x.ladder >= $2 THEN s.feedback_due_at END AS alerts_done_for,
         coalesce((${MAY_OWE} AND a.closed_at IS NULL AND stage_took_place(s.ends_at, s.held_at) AND x.no_original), false) AS queued_before,
         coalesce((${MAY_OWE} AND s.feedback_waiting_from <= now()), false) AS queued_now,
         coalesce((${MAY_OWE} AND a.closed_at IS NULL AND x.no_original AND x.escalation IS NOT NULL), false) AS escalated_before,
         coalesce((s.feedback_escalated_at IS NOT NULL), false) AS escalated_now,
         coalesce((a.closed_at IS NULL AND s.state <> 'feedback_recorded' AND s.feedback_due_at IS NOT NULL
          AND stage_took_place(s.ends_at, s.held_at) AND x.owes AND x.ladder < $2), false) AS alerting_before,
         coalesce((s.feedback_waiting_from <= now() AND s.feedback_due_at IS NOT NULL AND s.feedback_alerts_done_for IS NULL), false) AS alerting_now
    FROM application_stages s
    JOIN applications a ON a.id = s.application_id
   CROSS JOIN LATERAL (
     SELECT a.closed_at IS NULL AND s.state <> 'feedback_recorded'
              AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = s.id) AS owes,
            NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = s.id AND f.supersedes_id IS NULL) AS no_original,
            (SELECT d.fired_at FROM deadline_alerts d
              WHERE d.stage_id = s.id AND d.kind = 'escalation' AND d.due_at = s.feedback_due_at) AS escalation,
            (SELECT count(*) FROM deadline_alerts d
              WHERE d.stage_id = s.id AND d.due_at = s.feedback_due_at AND d.kind = ANY($1)) AS ladder) x`;

const WRONG = `(feedback_waiting_from, feedback_escalated_at, feedback_alerts_done_for)
                 IS DISTINCT FROM (waiting_from, escalated_at, alerts_done_for)
               OR queued_before IS DISTINCT FROM queued_now OR escalated_before IS DISTINCT FROM escalated_now
               OR alerting_before IS DISTINCT FROM alerting_now`;

interface Marks {
  waiting: Date | null;
  escalated: Date | null;
  done: Date | null;
}

/** The stored marks of an application's stages in pipeline order, after checking each against the definition. */
async function expectMarksAsDefined(applicationId: string): Promise<Marks[]> {
  const { rows } = await database().query(
    `SELECT m.* FROM (${MARKS_BY_DEFINITION}) m JOIN application_stages s ON s.id = m.id
      WHERE s.application_id = $3 ORDER BY s.position`,
    [DUE_TIME_LADDER, ALERTS_PER_DUE_TIME, applicationId],
  );
  for (const row of rows) {
    expect({
      waiting: row.feedback_waiting_from,
      escalated: row.feedback_escalated_at,
      done: row.feedback_alerts_done_for,
      queued: row.queued_now,
      escalatedNow: row.escalated_now,
      alerting: row.alerting_now,
    }).toEqual({
      waiting: row.waiting_from,
      escalated: row.escalated_at,
      done: row.alerts_done_for,
      queued: row.queued_before,
      escalatedNow: row.escalated_before,
      alerting: row.alerting_before,
    });
  }
  return rows.map((row) => ({
    waiting: row.feedback_waiting_from,
    escalated: row.feedback_escalated_at,
    done: row.feedback_alerts_done_for,
  }));
}

describe('feedback marks stored on the stage', () => {
  const staff = staffForTheseTests();
  const sweep = async () => {
    const swept = await staff.post<DeadlineSweepResult>('/api/agency/deadlines/sweep');
    expectStatus(swept, 200, 'sweep');
  };
  const current = async (id: string) => (await staff.get<ApplicationView>(`/api/applications/${id}`)).body;
  const schedule = async (application: CandidateApplicationView, position: number, startsIn: number) => {
    const response = await staff.post<ApplicationView>(
      `/api/applications/${application.id}/stages/${application.stages[position].id}/schedule`,
      {
        startsAt: new Date(Date.now() + startsIn).toISOString(),
        endsAt: new Date(Date.now() + startsIn + HOUR).toISOString(),
        location: 'Video call',
        interviewers: ['Hiring manager'],
        version: (await current(application.id)).version,
      },
    );
    expectStatus(response, 200, 'schedule');
    return response.body;
  };

  it('equal their definition after each write that can change them: scheduling, the interview ending, alerts, feedback', async () => {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate();
    const applied = await apply(candidate.session, job.id);
    const stageId = applied.stages[0].id;
    expect(await expectMarksAsDefined(applied.id)).toEqual(
      applied.stages.map(() => ({ waiting: null, escalated: null, done: null })),
    );

    // Booked for tomorrow: owed from its end, so not in the queue yet.
    await schedule(applied, 0, 24 * HOUR);
    const [booked] = await expectMarksAsDefined(applied.id);
    expect(booked.waiting?.getTime()).toBeGreaterThan(Date.now());
    // Moved to an hour ago: it took place and waits.
    await schedule(applied, 0, -2 * HOUR);
    const [held] = await expectMarksAsDefined(applied.id);
    expect(held.waiting?.getTime()).toBeLessThan(Date.now());
    // The sweep marks it ended (awaiting feedback): still waiting, from the same time.
    await sweep();
    expect((await expectMarksAsDefined(applied.id))[0]).toEqual(held);

    // Long overdue: the sweep fires the whole ladder at once, escalation included, and the stage says both.
    await database().query(`UPDATE application_stages SET feedback_due_at = now() - interval '5 days' WHERE id = $1`, [
      stageId,
    ]);
    await expectMarksAsDefined(applied.id);
    await sweep();
    const [escalated] = await expectMarksAsDefined(applied.id);
    expect(escalated.escalated).not.toBeNull();
    expect(escalated.done).not.toBeNull();
    const listed = await everyItem<EscalationView>(staff, '/api/agency/escalations');
    expect(listed.find((item) => item.stageId === stageId)?.escalatedAt).toBe(escalated.escalated?.toISOString());

    // Alerts written by hand: moved with the due time (as tests move time), one removed, put back, refired later.
    await database().query(
      `UPDATE application_stages SET feedback_due_at = feedback_due_at - interval '1 hour' WHERE id = $1`,
      [stageId],
    );
    expect((await expectMarksAsDefined(applied.id))[0]).toMatchObject({ escalated: null, done: null });
    await database().query(`UPDATE deadline_alerts SET due_at = due_at - interval '1 hour' WHERE stage_id = $1`, [
      stageId,
    ]);
    expect((await expectMarksAsDefined(applied.id))[0].done).not.toBeNull();
    await database().query(`DELETE FROM deadline_alerts WHERE stage_id = $1 AND kind = 'escalation'`, [stageId]);
    expect((await expectMarksAsDefined(applied.id))[0]).toMatchObject({ escalated: null, done: null });
    await database().query(
      `INSERT INTO deadline_alerts (stage_id, kind, due_at, fired_at)
       SELECT id, 'escalation', feedback_due_at, now() - interval '1 day' FROM application_stages WHERE id = $1`,
      [stageId],
    );
    await expectMarksAsDefined(applied.id);
    await database().query(
      `UPDATE deadline_alerts SET fired_at = fired_at - interval '1 hour' WHERE stage_id = $1 AND kind = 'escalation'`,
      [stageId],
    );
    await expectMarksAsDefined(applied.id);
    // A write of the marks themselves is worked out again.
    await database().query(
      `UPDATE application_stages SET feedback_waiting_from = NULL, feedback_escalated_at = NULL, feedback_alerts_done_for = now()
        WHERE id = $1`,
      [stageId],
    );
    expect((await expectMarksAsDefined(applied.id))[0].waiting).not.toBeNull();

    // Feedback recorded, then corrected: nothing owed; the completed ladder stays the fact it is.
    const fed = await recordFeedback(staff, await current(applied.id), 0);
    const [answered] = await expectMarksAsDefined(applied.id);
    expect(answered).toMatchObject({ waiting: null, escalated: null });
    expect(answered.done).not.toBeNull();
    await schedule(fed, 1, -2 * HOUR);
    await recordFeedback(staff, await current(applied.id), 1);
    await expectMarksAsDefined(applied.id);
  });

  it('follow the application closing and reopening, a cancelled interview, and a stage marked held by hand', async () => {
    const job = await createOpenJob(staff);
    const withdraw = async (candidate: { session: ApiSession }, applicationId: string) =>
      expectStatus(
        await candidate.session.post(`/api/applications/${applicationId}/withdraw`, {
          reason: 'Found something closer to home',
          version: (await current(applicationId)).version,
        }),
        200,
        'withdraw',
      );

    // An interview that took place, then the candidate withdraws: nothing is owed on a closed application.
    const candidate = await registerCandidate();
    const applied = await apply(candidate.session, job.id);
    await schedule(applied, 0, -2 * HOUR);
    const [took] = await expectMarksAsDefined(applied.id);
    expect(took.waiting).not.toBeNull();
    await withdraw(candidate, applied.id);
    expect((await expectMarksAsDefined(applied.id)).map((marks) => marks.waiting)).toEqual([null, null, null]);
    // Reopened by hand: the interview is owed again.
    await database().query(`UPDATE applications SET status = 'interviewing' WHERE id = $1`, [applied.id]);
    expect((await expectMarksAsDefined(applied.id))[0].waiting).toEqual(took.waiting);
    // A data fix marks a pending stage held: owed at once, whatever its times.
    await database().query(`UPDATE application_stages SET held_at = now() WHERE id = $1`, [applied.stages[2].id]);
    await expectMarksAsDefined(applied.id);
    const { rows } = await database().query(
      `SELECT feedback_waiting_from = '-infinity' AS since_ever FROM application_stages WHERE id = $1`,
      [applied.stages[2].id],
    );
    expect(rows[0].since_ever).toBe(true);

    // An interview still to come, cancelled when the candidate withdraws.
    const other = await registerCandidate();
    const booked = await apply(other.session, job.id);
    await schedule(booked, 0, 24 * HOUR);
    expect((await expectMarksAsDefined(booked.id))[0].waiting).not.toBeNull();
    await withdraw(other, booked.id);
    expect((await expectMarksAsDefined(booked.id))[0].waiting).toBeNull();
  });

  it('hold for every stage in the run so far', async () => {
    const { rows } = await database().query(
      `SELECT count(*)::int AS wrong, (SELECT count(*)::int FROM application_stages) AS stages
         FROM (${MARKS_BY_DEFINITION}) m WHERE ${WRONG}`,
      [DUE_TIME_LADDER, ALERTS_PER_DUE_TIME],
    );
    expect(rows[0].stages).toBeGreaterThan(0);
    expect(rows[0].wrong).toBe(0);
  });
});
