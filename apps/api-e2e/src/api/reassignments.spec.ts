import {
  ApiError,
  ApplicationView,
  AuditEventPage,
  DeadlineSweepResult,
  ErrorCode,
  EscalationView,
  FeedbackQueueItem,
  ReassignmentResult,
  TimelineEventType,
  UserAccessResult,
  UserRole,
} from '@heardback/contracts';
import { ApiSession } from '../support/api-client';
import { closeDatabase, database } from '../support/database';
import { apply, createOpenJob, insertAgencyUser, interviewHeld, registerCandidate, signIn } from '../support/factories';
import { everyItem } from '../support/pages';

interface Person {
  id: string;
  fullName: string;
  session: ApiSession;
}

async function agencyPerson(role: UserRole.Recruiter | UserRole.Staff, fullName: string): Promise<Person> {
  const { id, email } = await insertAgencyUser(database(), role, fullName);
  return { id, fullName, session: await signIn(new ApiSession(), email) };
}

async function emailsTo(userId: string, kind: string): Promise<{ subject: string; body: string }[]> {
  const { rows } = await database().query(
    'SELECT subject, body FROM notifications WHERE recipient_id = $1 AND kind = $2 ORDER BY sequence',
    [userId, kind],
  );
  return rows;
}

async function alertsOf(stageId: string): Promise<string[]> {
  const { rows } = await database().query(
    'SELECT kind FROM deadline_alerts WHERE stage_id = $1 ORDER BY fired_at, kind',
    [stageId],
  );
  return rows.map((row: { kind: string }) => row.kind);
}

const asError = (body: unknown) => body as ApiError;

describe('staff reassign work, and the escalation ladder ends in action', () => {
  let staff: Person;
  let ann: Person;
  let bob: Person;

  beforeAll(async () => {
    staff = await agencyPerson(UserRole.Staff, 'Sam Reassigning Staff');
    ann = await agencyPerson(UserRole.Recruiter, 'Ann Slow Recruiter');
    bob = await agencyPerson(UserRole.Recruiter, 'Bob Quick Recruiter');
  });

  afterAll(closeDatabase);

  const sweep = async () => (await staff.session.post<DeadlineSweepResult>('/api/agency/deadlines/sweep')).body;
  const reassign = (body: Record<string, unknown>, as: Person = staff) =>
    as.session.post<ReassignmentResult>('/api/agency/reassignments', body);
  const view = async (applicationId: string) =>
    (await staff.session.get<ApplicationView>(`/api/applications/${applicationId}`)).body;
  const queue = async (who: Person, mine = false) =>
    everyItem<FeedbackQueueItem>(who.session, `/api/feedback/queue${mine ? '?mine=true' : ''}`);

  /** An application on a job `owner` owns whose first interview took place an hour ago, with no feedback. */
  async function awaitingFeedback(owner: Person, candidateName = 'Casey Candidate') {
    const job = await createOpenJob(staff.session, { ownerId: owner.id, answerWithinWorkingDays: 2 });
    const candidate = await registerCandidate(candidateName);
    const applied = await apply(candidate.session, job.id);
    const application = await interviewHeld(staff.session, applied, 0);
    return { application, stageId: application.stages[0].id, candidate };
  }

  /** Feedback due `daysAgo` days ago (5 days always hold more than a working day, whatever today is). */
  async function dueDaysAgo(stageId: string, daysAgo: number) {
    await database().query(
      `UPDATE application_stages SET feedback_due_at = now() - make_interval(days => $2) WHERE id = $1`,
      [stageId, daysAgo],
    );
  }

  it('gives a new application to the job owner', async () => {
    const { application } = await awaitingFeedback(ann);
    const { rows } = await database().query('SELECT recruiter_id FROM applications WHERE id = $1', [application.id]);
    expect(rows[0].recruiter_id).toBe(ann.id);
    expect((await queue(ann, true)).map((item) => item.stageId)).toContain(application.stages[0].id);
  });

  it('reassigns one stage: the new recruiter sees it as theirs, with a timeline entry, an audit row and one email', async () => {
    const { application, stageId } = await awaitingFeedback(ann, 'Stella Stage');
    const response = await reassign({
      scope: 'stage',
      applicationId: application.id,
      stageId,
      version: application.version,
      toUserId: bob.id,
    });
    expect(response.status).toBe(200);
    expect(response.body.to).toEqual({ id: bob.id, fullName: bob.fullName });
    expect(response.body.work).toEqual([
      expect.objectContaining({
        applicationId: application.id,
        applicationVersion: application.version + 1,
        candidateName: 'Stella Stage',
        stages: [expect.objectContaining({ id: stageId, name: 'Phone screen' })],
      }),
    ]);

    const bobs = await queue(bob, true);
    expect(bobs.find((item) => item.stageId === stageId)).toMatchObject({ assignedToYou: true, ownerId: bob.id });
    expect((await queue(ann, true)).map((item) => item.stageId)).not.toContain(stageId);
    expect((await queue(ann)).find((item) => item.stageId === stageId)).toMatchObject({
      assignedToYou: false,
      ownerName: bob.fullName,
    });

    const after = await view(application.id);
    expect(after.version).toBe(application.version + 1);
    expect(after.timeline.filter((event) => event.type === TimelineEventType.Reassigned)).toEqual([
      expect.objectContaining({
        stageId,
        text: `Stage Phone screen reassigned from ${ann.fullName} to ${bob.fullName} by ${staff.fullName}.`,
      }),
    ]);
    const audit = await staff.session.get<AuditEventPage>(`/api/audit-events?entityId=${application.id}`);
    expect(audit.body.items.find((event) => event.action === 'application.reassigned')?.changes).toEqual({
      stage: { before: 'Phone screen', after: 'Phone screen' },
      recruiterId: { before: ann.id, after: bob.id },
    });
    const mail = (await emailsTo(bob.id, 'work_assigned')).filter((email) => email.body.includes('Stella Stage'));
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe('Now yours: Stella Stage (Integration Test Engineer)');
    expect(mail[0].body).toMatch(/Phone screen \(feedback due \w+day, /);
    expect(mail[0].body).toContain(`${staff.fullName} gave you this work`);
  });

  it('reassigns an application: its open stages follow, a stage given to someone else stays with them', async () => {
    const { application, stageId } = await awaitingFeedback(ann, 'Arthur Application');
    const technical = application.stages[1].id;
    const given = await reassign({
      scope: 'stage',
      applicationId: application.id,
      stageId: technical,
      version: application.version,
      toUserId: staff.id,
    });
    const response = await reassign({
      scope: 'application',
      applicationId: application.id,
      version: given.body.work[0].applicationVersion,
      toUserId: bob.id,
    });
    expect(response.status).toBe(200);
    expect(response.body.work[0].stages.map((stage) => stage.name)).toEqual(['Phone screen', 'Final']);
    const { rows } = await database().query(
      'SELECT stage_owner(application_id, id) AS owner FROM application_stages WHERE application_id = $1 ORDER BY position',
      [application.id],
    );
    expect(rows.map((row: { owner: string }) => row.owner)).toEqual([bob.id, staff.id, bob.id]);
    expect((await queue(bob, true)).map((item) => item.stageId)).toContain(stageId);
    const texts = (await view(application.id)).timeline.map((event) => event.text);
    expect(texts).toContain(`Application reassigned from ${ann.fullName} to ${bob.fullName} by ${staff.fullName}.`);
  });

  it('reassigns all of one recruiter’s open work in one step, with one email naming every candidate', async () => {
    const carol = await agencyPerson(UserRole.Recruiter, 'Carol Leaving Recruiter');
    const dave = await agencyPerson(UserRole.Recruiter, 'Dave Taking Over');
    const first = await awaitingFeedback(carol, 'Fiona First');
    const second = await awaitingFeedback(carol, 'Sven Second');
    const elsewhere = await awaitingFeedback(ann, 'Greta Given');
    await reassign({
      scope: 'stage',
      applicationId: elsewhere.application.id,
      stageId: elsewhere.stageId,
      version: elsewhere.application.version,
      toUserId: carol.id,
    });

    const openApplications = async (who: Person) =>
      (await staff.session.get<UserAccessResult>(`/api/users/${who.id}/open-work`)).body.openWork
        .filter((item) => item.kind === 'application')
        .map((item) => item.id)
        .sort();
    const carols = [first, second, elsewhere].map((item) => item.application.id).sort();
    expect(await openApplications(carol)).toEqual(carols);

    const response = await reassign({ scope: 'recruiter', fromUserId: carol.id, toUserId: dave.id });
    expect(response.status).toBe(200);
    expect(await openApplications(carol)).toEqual([]);
    expect(await openApplications(dave)).toEqual(carols);
    expect(response.body.work.map((item) => item.candidateName).sort()).toEqual([
      'Fiona First',
      'Greta Given',
      'Sven Second',
    ]);
    expect((await queue(carol, true)).map((item) => item.stageId)).toEqual([]);
    expect((await queue(dave, true)).map((item) => item.stageId).sort()).toEqual(
      [first.stageId, second.stageId, elsewhere.stageId].sort(),
    );
    // The application Greta's stage belongs to is still Ann's: only the stage given to Carol moved.
    const { rows } = await database().query('SELECT recruiter_id FROM applications WHERE id = $1', [
      elsewhere.application.id,
    ]);
    expect(rows[0].recruiter_id).toBe(ann.id);
    const mail = await emailsTo(dave.id, 'work_assigned');
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toMatch(/^Now yours: 3 applications, from /);
    for (const name of ['Fiona First', 'Sven Second', 'Greta Given']) expect(mail[0].body).toContain(name);

    const again = await reassign({ scope: 'recruiter', fromUserId: carol.id, toUserId: dave.id });
    expect(again.status).toBe(400);
    expect(asError(again.body).details).toEqual([
      { field: 'fromUserId', reasons: ['This person has no open work to reassign.'] },
    ]);
  });

  it('is for staff only: a recruiter gets 403', async () => {
    const { application } = await awaitingFeedback(ann);
    const response = await reassign(
      { scope: 'application', applicationId: application.id, version: application.version, toUserId: bob.id },
      ann,
    );
    expect(response.status).toBe(403);
    expect(asError(response.body).code).toBe(ErrorCode.Forbidden);
  });

  it('refuses bad input with 400 naming the field, and a stale version with 409', async () => {
    const { application, stageId, candidate } = await awaitingFeedback(ann);
    const base = { scope: 'application', applicationId: application.id, version: application.version };
    const fieldOf = async (body: Record<string, unknown>) => {
      const response = await reassign(body);
      expect(response.status).toBe(400);
      return asError(response.body).details?.map((detail) => detail.field);
    };
    expect(await fieldOf({ ...base, toUserId: ann.id })).toEqual(['toUserId']);
    expect(await fieldOf({ ...base, toUserId: '00000000-0000-4000-8000-000000000000' })).toEqual(['toUserId']);
    expect(await fieldOf({ ...base, toUserId: candidate.id })).toEqual(['toUserId']);
    expect(await fieldOf({ ...base, toUserId: 'bob' })).toEqual(['toUserId']);
    expect(await fieldOf({ ...base, scope: 'everything', toUserId: bob.id })).toEqual(['scope']);
    expect(await fieldOf({ scope: 'stage', applicationId: application.id, version: 1, toUserId: bob.id })).toEqual([
      'stageId',
    ]);
    expect(await fieldOf({ scope: 'recruiter', fromUserId: ann.id, toUserId: ann.id })).toEqual(['toUserId']);
    expect(await fieldOf({ scope: 'recruiter', fromUserId: candidate.id, toUserId: bob.id })).toEqual(['fromUserId']);
    const disabled = await agencyPerson(UserRole.Recruiter, 'Dora Disabled');
    await database().query('UPDATE users SET disabled_at = now() WHERE id = $1', [disabled.id]);
    expect(await fieldOf({ ...base, toUserId: disabled.id })).toEqual(['toUserId']);

    const stale = await reassign({ ...base, version: application.version - 1, toUserId: bob.id });
    expect(stale.status).toBe(409);
    expect(asError(stale.body).code).toBe(ErrorCode.StaleVersion);

    await database().query(`UPDATE applications SET status = 'withdrawn' WHERE id = $1`, [application.id]);
    expect(await fieldOf({ ...base, toUserId: bob.id })).toEqual(['applicationId']);
    expect(
      await fieldOf({
        scope: 'stage',
        applicationId: application.id,
        stageId,
        version: application.version,
        toUserId: bob.id,
      }),
    ).toEqual(['applicationId']);
  });

  it('refuses in the database too: work goes only to an active recruiter or staff member', async () => {
    const { application, candidate } = await awaitingFeedback(ann);
    await expect(
      database().query('UPDATE applications SET recruiter_id = $2 WHERE id = $1', [application.id, candidate.id]),
    ).rejects.toMatchObject({ constraint: 'work_owner_is_active_agency_user' });
    await expect(
      database().query('UPDATE application_stages SET recruiter_id = $2 WHERE id = $1', [
        application.stages[0].id,
        candidate.id,
      ]),
    ).rejects.toMatchObject({ constraint: 'work_owner_is_active_agency_user' });
    await expect(
      database().query(`UPDATE users SET is_agency_lead = true WHERE id = $1`, [ann.id]),
    ).rejects.toMatchObject({ constraint: 'users_agency_lead_is_staff' });
  });

  it('escalates a working day after the due time, not before, naming the owner and the candidate', async () => {
    const { application, stageId } = await awaitingFeedback(ann, 'Esme Escalated');
    // Due an hour ago: at most an hour of working time has passed, whatever the day.
    await database().query(`UPDATE application_stages SET feedback_due_at = now() - interval '1 hour' WHERE id = $1`, [
      stageId,
    ]);
    await sweep();
    expect(await alertsOf(stageId)).not.toContain('escalation');
    await dueDaysAgo(stageId, 5);
    await sweep();
    expect(await alertsOf(stageId)).toContain('escalation');
    const row = (await everyItem<EscalationView>(staff.session, '/api/agency/escalations')).find(
      (item) => item.stageId === stageId,
    );
    expect(row).toMatchObject({
      ownerId: ann.id,
      ownerName: ann.fullName,
      candidateName: 'Esme Escalated',
      applicationVersion: (await view(application.id)).version,
      secondEscalatedAt: null,
    });
    const [mail] = (await emailsTo(staff.id, 'escalation')).filter((email) => email.body.includes('Esme Escalated'));
    expect(mail.body).toContain(`Whom to chase: ${ann.fullName}, whose work this stage is`);
  });

  it('goes up a level once when an escalation is left a working day: to all staff while there is no lead, then to the leads', async () => {
    const left = await awaitingFeedback(ann, 'Lena Left');
    const reassigned = await awaitingFeedback(ann, 'Rita Reassigned');
    for (const { stageId } of [left, reassigned]) await dueDaysAgo(stageId, 5);
    await sweep();
    expect(await alertsOf(left.stageId)).toContain('escalation');
    // Staff act on one of them: the stage goes to Bob.
    const current = await view(reassigned.application.id);
    await reassign({
      scope: 'stage',
      applicationId: current.id,
      stageId: reassigned.stageId,
      version: current.version,
      toUserId: bob.id,
    });
    // Still within the working day after the escalation: nothing more.
    await sweep();
    expect(await alertsOf(left.stageId)).not.toContain('second_escalation');

    // A working day (and more) later.
    await database().query(
      `UPDATE deadline_alerts SET fired_at = fired_at - interval '5 days' WHERE stage_id = ANY($1) AND kind = 'escalation'`,
      [[left.stageId, reassigned.stageId]],
    );
    await Promise.all([sweep(), sweep()]);
    await sweep();
    expect((await alertsOf(left.stageId)).filter((kind) => kind === 'second_escalation')).toHaveLength(1);
    expect(await alertsOf(reassigned.stageId)).not.toContain('second_escalation');
    // No agency lead yet (this spec makes the only one, below): every staff member is told again, once.
    const told = (await emailsTo(staff.id, 'escalation')).filter(
      (email) => email.subject.startsWith('Escalation left') && email.body.includes('Lena Left'),
    );
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain(`Whom to chase: ${ann.fullName}`);
    expect(told[0].subject).toContain('Lena Left');
    const row = (await everyItem<EscalationView>(staff.session, '/api/agency/escalations')).find(
      (item) => item.stageId === left.stageId,
    );
    expect(row?.secondEscalatedAt).not.toBeNull();

    // Staff make a lead on the staff users page; from then on only the leads are told.
    const lead = await agencyPerson(UserRole.Staff, 'Lee Agency Lead');
    const made = await staff.session.request<{ isAgencyLead: boolean }>('PUT', `/api/users/${lead.id}/agency-lead`, {
      isAgencyLead: true,
    });
    expect(made.status).toBe(200);
    expect(made.body.isAgencyLead).toBe(true);
    const notStaff = await staff.session.request('PUT', `/api/users/${ann.id}/agency-lead`, { isAgencyLead: true });
    expect(notStaff.status).toBe(400);
    expect(asError(notStaff.body).details?.[0].field).toBe('isAgencyLead');

    const later = await awaitingFeedback(ann, 'Lars Later');
    await dueDaysAgo(later.stageId, 5);
    await sweep();
    await database().query(
      `UPDATE deadline_alerts SET fired_at = fired_at - interval '5 days' WHERE stage_id = $1 AND kind = 'escalation'`,
      [later.stageId],
    );
    await sweep();
    const toLead = (await emailsTo(lead.id, 'escalation')).filter(
      (email) => email.subject.startsWith('Escalation left') && email.body.includes('Lars Later'),
    );
    expect(toLead).toHaveLength(1);
    expect(toLead[0].subject).toBe(
      'Escalation left: feedback still missing for Lars Later, Phone screen (Integration Test Engineer)',
    );
    expect(toLead[0].body).toContain(`Whom to chase: ${ann.fullName}`);
    const toStaff = (await emailsTo(staff.id, 'escalation')).filter(
      (email) => email.subject.startsWith('Escalation left') && email.body.includes('Lars Later'),
    );
    expect(toStaff).toHaveLength(0);
  });
});
