import {
  ApplicationView,
  DeadlineSweepResult,
  EscalationView,
  FeedbackQueueItem,
  TimelineEventType,
  UserRole,
} from '@heardback/contracts';
import { ApiSession } from '../support/api-client';
import { closeDatabase, database } from '../support/database';
import {
  apply,
  createOpenJob,
  insertAgencyUser,
  recordFeedback,
  registerCandidate,
  signInAsAgency,
} from '../support/factories';
import { everyItem } from '../support/pages';
import { future } from '../support/future-dates';

const HOUR = 3_600_000;

/**
 * Simulated time: instead of moving the clock, every time on the stage (its interview, its due
 * time and the due time its alerts were fired for) moves back by the same amount.
 */
async function letTimePass(stageId: string, hours: number): Promise<void> {
  const interval = `${hours} hours`;
  await database().query(
    `UPDATE application_stages SET starts_at = starts_at - $2::interval, ends_at = ends_at - $2::interval,
            feedback_due_at = feedback_due_at - $2::interval WHERE id = $1`,
    [stageId, interval],
  );
  await database().query('UPDATE deadline_alerts SET due_at = due_at - $2::interval WHERE stage_id = $1', [
    stageId,
    interval,
  ]);
  // The answer promised on the stage moves with it (the candidate was told that date).
  await database().query(
    `UPDATE application_promises SET due_at = due_at - $2::interval, made_at = made_at - $2::interval,
            check_in_at = check_in_at - $2::interval WHERE stage_id = $1`,
    [stageId, interval],
  );
}

async function alertsOf(stageId: string): Promise<string[]> {
  const { rows } = await database().query(
    'SELECT kind FROM deadline_alerts WHERE stage_id = $1 ORDER BY fired_at, kind',
    [stageId],
  );
  return rows.map((row: { kind: string }) => row.kind);
}

async function notificationsFor(
  applicationId: string,
  kind: string,
): Promise<{ recipient_email: string; subject: string; body: string }[]> {
  const { rows } = await database().query(
    'SELECT recipient_email, subject, body FROM notifications WHERE application_id = $1 AND kind = $2 ORDER BY sequence',
    [applicationId, kind],
  );
  return rows;
}

describe('deadlines, reminders and escalation', () => {
  let staff: ApiSession;
  let recruiter: ApiSession;

  beforeAll(async () => {
    staff = await signInAsAgency();
    recruiter = await signInAsAgency(UserRole.Recruiter);
  });

  afterAll(closeDatabase);

  const sweep = async () => (await staff.post<DeadlineSweepResult>('/api/agency/deadlines/sweep')).body;

  async function scheduledInterview(
    startsAt = new Date(Date.now() + HOUR).toISOString(),
    endsAt = new Date(Date.now() + 2 * HOUR).toISOString(),
  ) {
    const recruiterId = (await recruiter.get<{ id: string }>('/api/auth/me')).body.id;
    const job = await createOpenJob(staff, { ownerId: recruiterId, answerWithinWorkingDays: 2 });
    const candidate = await registerCandidate();
    const applied = await apply(candidate.session, job.id);
    const stage = applied.stages[0];
    const scheduled = await staff.post<ApplicationView>(`/api/applications/${applied.id}/stages/${stage.id}/schedule`, {
      startsAt,
      endsAt,
      location: 'Video call',
      interviewers: ['Hiring manager'],
      version: applied.version,
    });
    return { candidate, application: scheduled.body, stageId: stage.id };
  }

  it('promises the answer by the end of the 2nd working day after the interview, skipping the weekend', async () => {
    // Thursday 10 January (2030, or a later year like it: future()), 10:00–11:00 in London (GMT): Friday is one working day, Monday two.
    const { application } = await scheduledInterview(
      future('2030-01-10T10:00:00.000Z'),
      future('2030-01-10T11:00:00.000Z'),
    );
    expect(application.stages[0].feedbackDueAt).toBe(future('2030-01-14T17:00:00.000Z'));
  });

  it('marks an interview as awaiting feedback once it has ended, and tells the candidate when to expect an answer', async () => {
    const { application, stageId, candidate } = await scheduledInterview();
    await sweep();
    expect((await staff.get<ApplicationView>(`/api/applications/${application.id}`)).body.stages[0].state).toBe(
      'scheduled',
    );
    await letTimePass(stageId, 3);
    await sweep();
    const seen = await candidate.session.get<ApplicationView>(`/api/applications/${application.id}`);
    expect(seen.body.stages[0].state).toBe('awaiting_feedback');
    expect(seen.body.timeline.map((event) => event.text).join('\n')).toMatch(
      /Your Phone screen is done\. You will hear how it went by \w+day/,
    );
    const emails = await notificationsFor(application.id, 'candidate_update');
    expect(emails.some((email) => email.body.includes('Your Phone screen is done'))).toBe(true);
  });

  it('reminds the recruiter a day before and at the due time, escalates a working day after, each exactly once', async () => {
    const { application, stageId, candidate } = await scheduledInterview();
    await letTimePass(stageId, 3);
    const { rows } = await database().query(
      `UPDATE application_stages SET feedback_due_at = now() + interval '30 hours' WHERE id = $1 RETURNING feedback_due_at`,
      [stageId],
    );
    expect(rows).toHaveLength(1);
    await database().query(
      `UPDATE application_promises SET due_at = $2, check_in_at = NULL WHERE stage_id = $1 AND ended_at IS NULL`,
      [stageId, rows[0].feedback_due_at],
    );

    await sweep();
    expect(await alertsOf(stageId)).toEqual([]);

    await letTimePass(stageId, 7); // due in 23 hours
    await Promise.all([sweep(), sweep(), sweep()]);
    expect(await alertsOf(stageId)).toEqual(['reminder_before_due']);
    const reminders = await notificationsFor(application.id, 'feedback_reminder');
    expect(reminders).toHaveLength(1);
    // Ahead of time the reminder names the due time itself, in the agency's words for it.
    expect(reminders[0].subject).toMatch(/^Feedback due \w+day, \d+ \w+ \d{4} at /);

    await letTimePass(stageId, 23.5); // due half an hour ago
    await Promise.all([sweep(), sweep()]);
    expect(await alertsOf(stageId)).toEqual(['reminder_before_due', 'reminder_at_due']);
    expect((await notificationsFor(application.id, 'feedback_reminder'))[1].subject).toMatch(/^Feedback due now: /);
    const late = await candidate.session.get<ApplicationView>(`/api/applications/${application.id}`);
    expect(late.body.timeline.map((event) => event.text).join('\n')).toContain('We have chased it');
    // At the due time the candidate hears, honestly and once, with a new date (the promise sweep).
    expect(late.body.timeline.filter((event) => event.type === TimelineEventType.PromiseUpdated)).toEqual([
      expect.objectContaining({ stageId }),
    ]);
    expect(late.body.promise).toMatchObject({ kind: 'answer', stageId, automatic: true });
    expect(await notificationsFor(application.id, 'escalation')).toHaveLength(0);

    // A working day overdue, whatever today is: four days always hold one.
    await letTimePass(stageId, 96);
    await Promise.all([sweep(), sweep()]);
    expect(await alertsOf(stageId)).toEqual(['reminder_before_due', 'reminder_at_due', 'escalation']);
    const escalations = await everyItem<EscalationView>(staff, '/api/agency/escalations');
    expect(escalations.map((item) => item.applicationId)).toContain(application.id);
    // Every escalation names whom to chase: the job's owner.
    const owner = (await recruiter.get<{ id: string; fullName: string }>('/api/auth/me')).body;
    expect(escalations.find((item) => item.applicationId === application.id)).toMatchObject({
      ownerId: owner.id,
      ownerName: owner.fullName,
      candidateName: 'Test Candidate',
    });
    // Four days on, the date the candidate was given at the due time has lapsed too: staff also hear
    // of that (the promise's own ladder, promises.spec); here, the feedback escalation.
    const staffEmails = (await notificationsFor(application.id, 'escalation')).filter(
      (email) => !email.subject.includes('was promised'),
    );
    const { rows: staffCount } = await database().query(
      `SELECT count(*)::int AS n FROM users WHERE role = 'staff' AND disabled_at IS NULL`,
    );
    expect(staffEmails).toHaveLength(staffCount[0].n);
    expect(new Set(staffEmails.map((email) => email.recipient_email)).size).toBe(staffEmails.length);
    expect(staffEmails[0].body).toContain(`Whom to chase: ${owner.fullName}, whose work this stage is`);
    expect(staffEmails[0].body).toContain("Test Candidate's Phone screen");

    await sweep();
    expect(await alertsOf(stageId)).toHaveLength(3);
    expect(await notificationsFor(application.id, 'feedback_reminder')).toHaveLength(2);
  });

  it('reminds the active recruiters, not the owner, when the owner has left (their account disabled)', async () => {
    const left = await insertAgencyUser(database(), UserRole.Recruiter, 'Left The Agency');
    const job = await createOpenJob(staff, { ownerId: left.id, answerWithinWorkingDays: 2 });
    const candidate = await registerCandidate();
    const applied = await apply(candidate.session, job.id);
    const stageId = applied.stages[0].id;
    const scheduled = await staff.post<ApplicationView>(`/api/applications/${applied.id}/stages/${stageId}/schedule`, {
      startsAt: new Date(Date.now() + HOUR).toISOString(),
      endsAt: new Date(Date.now() + 2 * HOUR).toISOString(),
      location: 'Video call',
      interviewers: ['Hiring manager'],
      version: applied.version,
    });
    expect(scheduled.status).toBe(200);
    await database().query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [left.id]);
    await letTimePass(stageId, 3);
    await database().query(
      `UPDATE application_stages SET feedback_due_at = now() + interval '20 hours' WHERE id = $1`,
      [stageId],
    );

    await sweep();
    expect(await alertsOf(stageId)).toEqual(['reminder_before_due']);
    const reminders = await notificationsFor(applied.id, 'feedback_reminder');
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.map((reminder) => reminder.recipient_email)).not.toContain(left.email);
    const { rows: told } = await database().query(
      `SELECT DISTINCT role, disabled_at IS NULL AS active FROM users WHERE email = ANY($1)`,
      [reminders.map((reminder) => reminder.recipient_email)],
    );
    expect(told).toEqual([{ role: 'recruiter', active: true }]);
  });

  it('stops chasing once feedback is recorded, and takes it off the escalation list', async () => {
    const { application, stageId } = await scheduledInterview();
    await letTimePass(stageId, 3);
    await database().query(
      // Five days always hold more than the working day after which staff are told.
      `UPDATE application_stages SET feedback_due_at = now() - interval '5 days' WHERE id = $1`,
      [stageId],
    );
    await sweep();
    expect(await alertsOf(stageId)).toHaveLength(3);
    // A sweep that finds it already late says so, and sends no "due soon" reminder for the past.
    const reminders = await notificationsFor(application.id, 'feedback_reminder');
    expect(reminders.map((email) => email.subject)).toEqual([
      expect.stringMatching(/^Feedback overdue since \w+day, /),
    ]);
    const current = (await staff.get<ApplicationView>(`/api/applications/${application.id}`)).body;
    await recordFeedback(recruiter, current, 0);
    const escalations = await everyItem<EscalationView>(staff, '/api/agency/escalations');
    expect(escalations.map((item) => item.applicationId)).not.toContain(application.id);
    const queue = await everyItem<FeedbackQueueItem>(recruiter, '/api/feedback/queue');
    expect(queue.map((item) => item.applicationId)).not.toContain(application.id);
  });

  it('emails every candidate-visible event the agency caused, a receipt for the application, and nothing internal', async () => {
    const { application, candidate } = await scheduledInterview();
    const { rows: visible } = await database().query<{ text: string; by_candidate: boolean }>(
      `SELECT t.text, t.actor_id IS NOT DISTINCT FROM $2::uuid AS by_candidate
         FROM timeline_events t WHERE t.application_id = $1 AND t.candidate_visible ORDER BY t.at`,
      [application.id, candidate.id],
    );
    const emails = await notificationsFor(application.id, 'candidate_update');
    const told = (text: string) => emails.some((email) => email.body.includes(text));
    // The page's "You applied" sentence is not echoed: the receipt says it in its own words (ADR 0083). The
    // interview booked by the agency is mailed.
    expect(visible.map((event) => [event.by_candidate, told(event.text)])).toEqual([
      [true, false],
      [false, true],
    ]);
    const client = emails[0].subject.split(' at ').slice(1).join(' at ');
    expect(emails.map((email) => email.subject)).toEqual([
      `Application received: Integration Test Engineer at ${client}`,
      `Interview booked: Integration Test Engineer at ${client}`,
    ]);
    expect(emails[0].body).toContain(`We have received your application for Integration Test Engineer at ${client}.`);
    expect(emails.map((email) => email.body).join('\n')).not.toContain('Hiring manager');
    for (const email of emails) expect(email.body).toMatch(/What happens next: /);
  });
});
