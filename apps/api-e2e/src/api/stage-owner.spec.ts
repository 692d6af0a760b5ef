import {
  ApplicationView,
  CandidateApplicationView,
  DeadlineSweepResult,
  FeedbackQueueItem,
  FeedbackQueuePage,
  ReassignmentResult,
  UserRole,
} from '@heardback/contracts';
import { ApiSession } from '../support/api-client';
import { database } from '../support/database';
import {
  apply,
  createOpenJob,
  expectStatus,
  insertAgencyUser,
  interviewHeld,
  recordFeedback,
  registerCandidate,
  signIn,
  staffForTheseTests,
} from '../support/factories';
import { everyItem } from '../support/pages';

const MAY_OWE = `(s.state IN ('scheduled', 'awaiting_feedback') OR (s.held_at IS NOT NULL AND s.state IN ('pending', 'skipped')))`;

/** Every stage's stored owner (migration 1795920000000, ADR 0041) beside the definition, `stage_owner()`. */
const OWNERS = `SELECT s.id, s.owner_id AS stored, stage_owner(s.application_id, s.id) AS defined FROM application_stages s`;

/** "My feedback queue" for `$1` as FeedbackQueueService asked it before the owner was stored (ADR 0037). */
const MINE_BEFORE = `SELECT s.id FROM application_stages s JOIN applications a ON a.id = s.application_id
  WHERE ${MAY_OWE} AND s.feedback_waiting_from <= now() AND coalesce(s.recruiter_id, a.recruiter_id) = $1`;

/**
 * The escalations the sweep's second level reads (SecondEscalations.sweep), with no age limit: as it
 * asked before (from the alerts, the feedback and stage_owner) and as it asks now (from the stage's
 * stored escalation mark and owner, ADR 0041).
 */
const LEFT_BEFORE = `SELECT s.id FROM deadline_alerts d
  JOIN application_stages s ON s.id = d.stage_id AND s.feedback_due_at = d.due_at
  JOIN applications a ON a.id = s.application_id
 WHERE d.kind = 'escalation' AND a.status IN ('applied', 'screening', 'interviewing', 'offer')
   AND s.state <> 'feedback_recorded' AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = s.id)
   AND d.owner_id IS NOT DISTINCT FROM stage_owner(a.id, s.id)
   AND NOT EXISTS (SELECT 1 FROM deadline_alerts d2
                    WHERE d2.stage_id = d.stage_id AND d2.due_at = d.due_at AND d2.kind = 'second_escalation')`;
const LEFT_NOW = `SELECT s.id FROM application_stages s
 WHERE s.feedback_escalated_at IS NOT NULL
   AND EXISTS (SELECT 1 FROM deadline_alerts d WHERE d.stage_id = s.id AND d.kind = 'escalation'
                 AND d.due_at = s.feedback_due_at AND d.owner_id IS NOT DISTINCT FROM s.owner_id)
   AND NOT EXISTS (SELECT 1 FROM deadline_alerts d2
                    WHERE d2.stage_id = s.id AND d2.kind = 'second_escalation' AND d2.due_at = s.feedback_due_at)`;

/** Rows of `a` not in `b` and of `b` not in `a`: none when the two queries answer the same. */
const differ = (a: string, b: string) => `((${a}) EXCEPT (${b})) UNION ALL ((${b}) EXCEPT (${a}))`;

/** The stored owners of an application's stages in pipeline order, after checking each against stage_owner(). */
async function expectOwnersAsDefined(applicationId: string): Promise<(string | null)[]> {
  const { rows } = await database().query(
    `SELECT o.* FROM (${OWNERS}) o JOIN application_stages s ON s.id = o.id WHERE s.application_id = $1 ORDER BY s.position`,
    [applicationId],
  );
  for (const row of rows) expect(row.stored).toEqual(row.defined);
  return rows.map((row) => row.stored);
}

interface Person {
  id: string;
  session: ApiSession;
}

async function agencyPerson(role: UserRole.Recruiter | UserRole.Staff): Promise<Person> {
  const { id, email } = await insertAgencyUser(database(), role);
  return { id, session: await signIn(new ApiSession(), email) };
}

describe('the owner stored on the stage', () => {
  const staff = staffForTheseTests();
  let ann: Person;
  let bob: Person;
  let carol: Person;

  beforeAll(async () => {
    ann = await agencyPerson(UserRole.Recruiter);
    bob = await agencyPerson(UserRole.Recruiter);
    carol = await agencyPerson(UserRole.Recruiter);
  });

  const current = async (id: string) => (await staff.get<ApplicationView>(`/api/applications/${id}`)).body;
  const reassign = async (body: Record<string, unknown>) => {
    const response = await staff.post<ReassignmentResult>('/api/agency/reassignments', body);
    expectStatus(response, 200, 'reassign');
  };
  const sweep = async () =>
    expectStatus(await staff.post<DeadlineSweepResult>('/api/agency/deadlines/sweep'), 200, 'sweep');

  /** The API's "mine" queue for `who`, every page, and its total, against the query it ran before. */
  async function expectMineAsBefore(who: Person) {
    const items = await everyItem<FeedbackQueueItem>(who.session, '/api/feedback/queue?mine=true');
    const first = await who.session.get<FeedbackQueuePage>('/api/feedback/queue?mine=true');
    const { rows } = await database().query(MINE_BEFORE, [who.id]);
    expect(items.map((item) => item.stageId).sort()).toEqual(rows.map((row) => row.id).sort());
    expect(first.body.total).toBe(rows.length);
    for (const item of items) expect(item).toMatchObject({ ownerId: who.id, assignedToYou: true });
    return items.map((item) => item.stageId);
  }

  it('equals stage_owner() after applying, booking, each kind of reassignment, feedback, closing and reopening', async () => {
    const job = await createOpenJob(staff, { ownerId: ann.id });
    const candidate = await registerCandidate();
    const applied: CandidateApplicationView = await apply(candidate.session, job.id);
    const [first, second] = applied.stages.map((stage) => stage.id);
    // Applying: every stage follows the application, which the job's owner owns.
    expect(await expectOwnersAsDefined(applied.id)).toEqual([ann.id, ann.id, ann.id]);

    // Booked, and the interview took place: Ann's queue shows it, as it did before.
    await interviewHeld(staff, applied, 0);
    expect(await expectMineAsBefore(ann)).toContain(first);

    // One stage given to Bob: his queue, not Ann's.
    await reassign({
      scope: 'stage',
      applicationId: applied.id,
      stageId: first,
      version: (await current(applied.id)).version,
      toUserId: bob.id,
    });
    expect(await expectOwnersAsDefined(applied.id)).toEqual([bob.id, ann.id, ann.id]);
    expect(await expectMineAsBefore(bob)).toContain(first);
    expect(await expectMineAsBefore(ann)).not.toContain(first);

    // The application given to Bob: the stages that follow it move, the one given to Carol stays hers.
    await reassign({
      scope: 'stage',
      applicationId: applied.id,
      stageId: second,
      version: (await current(applied.id)).version,
      toUserId: carol.id,
    });
    expect(await expectOwnersAsDefined(applied.id)).toEqual([bob.id, carol.id, ann.id]);
    await reassign({
      scope: 'application',
      applicationId: applied.id,
      version: (await current(applied.id)).version,
      toUserId: bob.id,
    });
    expect(await expectOwnersAsDefined(applied.id)).toEqual([bob.id, carol.id, bob.id]);

    // All of Bob's open work to Ann: the application and the stage given to him.
    await reassign({ scope: 'recruiter', fromUserId: bob.id, toUserId: ann.id });
    expect(await expectOwnersAsDefined(applied.id)).toEqual([ann.id, carol.id, ann.id]);
    expect(await expectMineAsBefore(ann)).toContain(first);
    expect(await expectMineAsBefore(bob)).not.toContain(first);

    // Written by hand: the application's recruiter, a stage's recruiter, the stored owner itself.
    await database().query(`UPDATE applications SET recruiter_id = $2 WHERE id = $1`, [applied.id, bob.id]);
    expect(await expectOwnersAsDefined(applied.id)).toEqual([bob.id, carol.id, bob.id]);
    await database().query(`UPDATE applications SET recruiter_id = NULL WHERE id = $1`, [applied.id]);
    expect(await expectOwnersAsDefined(applied.id)).toEqual([null, carol.id, null]);
    await database().query(`UPDATE application_stages SET recruiter_id = NULL WHERE id = ANY($1)`, [[first, second]]);
    expect(await expectOwnersAsDefined(applied.id)).toEqual([null, null, null]);
    await database().query(`UPDATE applications SET recruiter_id = $2 WHERE id = $1`, [applied.id, ann.id]);
    await database().query(`UPDATE application_stages SET owner_id = $2 WHERE id = $1`, [first, bob.id]);
    expect(await expectOwnersAsDefined(applied.id)).toEqual([ann.id, ann.id, ann.id]);

    // Feedback, then the next interview; the candidate withdraws; a data fix reopens it.
    await recordFeedback(staff, await current(applied.id), 0);
    expect(await expectMineAsBefore(ann)).not.toContain(first);
    await interviewHeld(staff, await current(applied.id), 1);
    expect(await expectMineAsBefore(ann)).toContain(second);
    expectStatus(
      await candidate.session.post(`/api/applications/${applied.id}/withdraw`, {
        reason: 'Found something closer to home',
        version: (await current(applied.id)).version,
      }),
      200,
      'withdraw',
    );
    await expectOwnersAsDefined(applied.id);
    expect(await expectMineAsBefore(ann)).not.toContain(second);
    await database().query(`UPDATE applications SET status = 'interviewing' WHERE id = $1`, [applied.id]);
    await expectOwnersAsDefined(applied.id);
    expect(await expectMineAsBefore(ann)).toContain(second);
  });

  it('serves the second escalation as before: left with its owner, gone when reassigned or escalated again', async () => {
    const job = await createOpenJob(staff, { ownerId: ann.id, answerWithinWorkingDays: 2 });
    const leftAlone = await interviewHeld(staff, await apply((await registerCandidate()).session, job.id), 0);
    const moved = await interviewHeld(staff, await apply((await registerCandidate()).session, job.id), 0);
    const stages = [leftAlone.stages[0].id, moved.stages[0].id];
    await database().query(
      `UPDATE application_stages SET feedback_due_at = now() - interval '5 days' WHERE id = ANY($1)`,
      [stages],
    );
    await sweep();
    const left = async () => (await database().query(LEFT_NOW)).rows.map((row) => row.id);
    expect(await left()).toEqual(expect.arrayContaining(stages));

    // Given to Bob after the escalation named Ann: it never goes up, the other one still may.
    await reassign({
      scope: 'stage',
      applicationId: moved.id,
      stageId: stages[1],
      version: (await current(moved.id)).version,
      toUserId: bob.id,
    });
    expect(await expectOwnersAsDefined(moved.id)).toEqual([bob.id, ann.id, ann.id]);
    expect(await left()).toContain(stages[0]);
    expect(await left()).not.toContain(stages[1]);

    // A working day later the sweep sends it up once; then it is no longer left.
    await database().query(
      `UPDATE deadline_alerts SET fired_at = fired_at - interval '5 days' WHERE stage_id = ANY($1) AND kind = 'escalation'`,
      [stages],
    );
    await sweep();
    const { rows } = await database().query(
      `SELECT kind FROM deadline_alerts WHERE stage_id = $1 AND kind = 'second_escalation'`,
      [stages[0]],
    );
    expect(rows).toHaveLength(1);
    expect(await left()).not.toContain(stages[0]);
    const { rows: none } = await database().query(differ(LEFT_BEFORE, LEFT_NOW));
    expect(none).toEqual([]);
  });

  it('holds for every stage in the run so far, and so do the queue and the second escalation', async () => {
    const { rows } = await database().query(
      `SELECT count(*)::int AS wrong, (SELECT count(*)::int FROM application_stages) AS stages
         FROM (${OWNERS}) o WHERE o.stored IS DISTINCT FROM o.defined`,
    );
    expect(rows[0].stages).toBeGreaterThan(0);
    expect(rows[0].wrong).toBe(0);
    // Every queued stage with its owner, before and now: the same pairs, so everyone's "mine" is the same.
    const queuedBefore = `SELECT s.id, coalesce(s.recruiter_id, a.recruiter_id) AS owner
      FROM application_stages s JOIN applications a ON a.id = s.application_id
     WHERE ${MAY_OWE} AND s.feedback_waiting_from <= now()`;
    const queuedNow = `SELECT s.id, s.owner_id FROM application_stages s WHERE ${MAY_OWE} AND s.feedback_waiting_from <= now()`;
    expect((await database().query(differ(queuedBefore, queuedNow))).rows).toEqual([]);
    expect((await database().query(differ(LEFT_BEFORE, LEFT_NOW))).rows).toEqual([]);
  });
});
