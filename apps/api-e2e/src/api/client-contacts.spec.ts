import {
  ApplicationView,
  AuditAction,
  CandidateApplicationView,
  ClientContactView,
  ClientDetailView,
  ErrorCode,
  INTERVIEWERS_MAX,
  JobDetail,
  UserRole,
} from '@heardback/contracts';
import { randomUUID } from 'node:crypto';
import { ApiSession, asError } from '../support/api-client';
import { database } from '../support/database';
import {
  apply,
  createOpenJob,
  expectStatus,
  insertAgencyUser,
  registerCandidate,
  signInAsAgency,
  staffForTheseTests,
  uniqueEmail,
} from '../support/factories';

const HOUR = 3_600_000;

/** Issue 13 (1): a client's contacts, kept by staff, picked as a stage's interviewers by recruiters. */
describe('client contacts', () => {
  const staff = staffForTheseTests();
  let recruiter: ApiSession;

  beforeAll(async () => {
    recruiter = await signInAsAgency(UserRole.Recruiter);
  });

  async function addContact(clientId: string, body: Record<string, unknown>): Promise<ClientContactView> {
    const response = await staff.post<ClientContactView>(`/api/clients/${clientId}/contacts`, body);
    expectStatus(response, 201, 'add contact');
    return response.body;
  }

  async function clientDetail(clientId: string, as = staff): Promise<ClientDetailView> {
    const response = await as.get<ClientDetailView>(`/api/clients/${clientId}`);
    expectStatus(response, 200, 'read client');
    return response.body;
  }

  /** A job with an application whose first stage can be scheduled, seen by the recruiter. */
  async function applicationOnNewJob(): Promise<{
    job: JobDetail;
    candidate: ApiSession;
    application: CandidateApplicationView;
  }> {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate();
    const application = await apply(candidate.session, job.id);
    return { job, candidate: candidate.session, application };
  }

  function schedule(application: { id: string; version: number; stages: { id: string }[] }, body: object) {
    const now = Date.now();
    return recruiter.post<ApplicationView>(
      `/api/applications/${application.id}/stages/${application.stages[0].id}/schedule`,
      {
        startsAt: new Date(now + 24 * HOUR).toISOString(),
        endsAt: new Date(now + 25 * HOUR).toISOString(),
        location: 'Video call',
        interviewers: ['Riley Recruiter'],
        version: application.version,
        ...body,
      },
    );
  }

  it('adds, edits and archives contacts; the client page lists the live ones by name, then the archived', async () => {
    const { clientId } = await createOpenJob(staff);
    const zoe = await addContact(clientId, { fullName: '  Zoe Zimmer ', email: ' Zoe@Client.Example ', role: 'CTO' });
    expect(zoe).toMatchObject({
      clientId,
      fullName: 'Zoe Zimmer',
      email: 'zoe@client.example',
      role: 'CTO',
      archivedAt: null,
    });
    const adam = await addContact(clientId, { fullName: 'Adam Alder', email: 'adam@client.example' });
    expect(adam.role).toBe('');
    const bea = await addContact(clientId, { fullName: 'Bea Birch', email: 'bea@client.example' });

    const edited = await staff.patch<ClientContactView>(`/api/clients/${clientId}/contacts/${adam.id}`, {
      role: 'Head of Engineering',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      fullName: 'Adam Alder',
      email: 'adam@client.example',
      role: 'Head of Engineering',
    });

    const archived = await staff.post<ClientContactView>(`/api/clients/${clientId}/contacts/${adam.id}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    // Archiving again changes nothing.
    const again = await staff.post<ClientContactView>(`/api/clients/${clientId}/contacts/${adam.id}/archive`);
    expect(again.body.archivedAt).toBe(archived.body.archivedAt);

    const detail = await clientDetail(clientId);
    expect(detail.contacts.map((contact) => contact.fullName)).toEqual(['Bea Birch', 'Zoe Zimmer', 'Adam Alder']);
    expect(detail.archivedContactsTotal).toBe(1);
    expect(detail.contacts.find((contact) => contact.id === bea.id)?.archivedAt).toBeNull();
    // Recruiters read the client too: they pick interviewers from it.
    expect((await clientDetail(clientId, recruiter)).contacts).toHaveLength(3);

    // An archived contact is kept as it was.
    const editArchived = await staff.patch(`/api/clients/${clientId}/contacts/${adam.id}`, { role: 'CEO' });
    expect(editArchived.status).toBe(409);
    expect(asError(editArchived).code).toBe(ErrorCode.ClientContactArchived);

    const { rows } = await database().query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_type = 'client' AND entity_id = $1 ORDER BY occurred_at, id`,
      [clientId],
    );
    expect(rows.map((row) => row.action)).toEqual([
      AuditAction.ClientCreated,
      AuditAction.ClientContactAdded,
      AuditAction.ClientContactAdded,
      AuditAction.ClientContactAdded,
      AuditAction.ClientContactUpdated,
      AuditAction.ClientContactArchived,
    ]);
  });

  it('refuses a contact without a name, with a malformed email or an over-long role, naming the field', async () => {
    const { clientId } = await createOpenJob(staff);
    const cases: [Record<string, unknown>, string][] = [
      [{ fullName: '   ', email: 'ok@client.example' }, 'fullName'],
      [{ email: 'ok@client.example' }, 'fullName'],
      [{ fullName: 'No Email', email: 'not-an-email' }, 'email'],
      [{ fullName: 'Long Role', email: 'ok@client.example', role: 'x'.repeat(121) }, 'role'],
      // Names are one line: they go into greetings, subjects, CSV cells and headings.
      [{ fullName: 'Evil\r\nBcc: x@evil.example', email: 'ok@client.example' }, 'fullName'],
      [{ fullName: 'Tabbed Role', email: 'ok@client.example', role: 'Head\tof Data' }, 'role'],
    ];
    for (const [body, field] of cases) {
      const response = await staff.post(`/api/clients/${clientId}/contacts`, body);
      expect(response.status).toBe(400);
      expect(asError(response).code).toBe(ErrorCode.ValidationFailed);
      expect(asError(response).details?.map((detail) => detail.field)).toContain(field);
    }
    const blankName = await staff.patch(`/api/clients/${clientId}/contacts/${randomUUID()}`, { fullName: '' });
    expect(blankName.status).toBe(400);
    expect(asError(blankName).details?.map((detail) => detail.field)).toEqual(['fullName']);
    // Null is sent, so it must be valid too: not a quiet "nothing changed".
    for (const field of ['fullName', 'email']) {
      const nulled = await staff.patch(`/api/clients/${clientId}/contacts/${randomUUID()}`, { [field]: null });
      expect(nulled.status).toBe(400);
      expect(asError(nulled).details?.map((detail) => detail.field)).toEqual([field]);
    }
    expect((await clientDetail(clientId)).contacts).toEqual([]);
  });

  it('refuses a second live contact with the same email at the same client (409), but not at another client or once archived', async () => {
    const { clientId } = await createOpenJob(staff);
    const first = await addContact(clientId, { fullName: 'Ada One', email: 'ada@client.example' });
    const duplicate = await staff.post(`/api/clients/${clientId}/contacts`, {
      fullName: 'Ada Two',
      email: 'ADA@client.example',
    });
    expect(duplicate.status).toBe(409);
    expect(asError(duplicate).code).toBe(ErrorCode.ClientContactEmailTaken);

    const other = await addContact(clientId, { fullName: 'Other', email: 'other@client.example' });
    const renamedOnto = await staff.patch(`/api/clients/${clientId}/contacts/${other.id}`, {
      email: 'ada@client.example',
    });
    expect(renamedOnto.status).toBe(409);
    expect(asError(renamedOnto).code).toBe(ErrorCode.ClientContactEmailTaken);

    const { clientId: otherClientId } = await createOpenJob(staff);
    await addContact(otherClientId, { fullName: 'Ada Elsewhere', email: 'ada@client.example' });

    await staff.post(`/api/clients/${clientId}/contacts/${first.id}/archive`);
    await addContact(clientId, { fullName: 'Ada Back', email: 'ada@client.example' });
  });

  it('answers 404 for an unknown client or contact, and for a contact of another client', async () => {
    const { clientId } = await createOpenJob(staff);
    const { clientId: otherClientId } = await createOpenJob(staff);
    const contact = await addContact(clientId, { fullName: 'Only Here', email: 'here@client.example' });
    expect((await staff.get(`/api/clients/${randomUUID()}`)).status).toBe(404);
    expect((await staff.get('/api/clients/not-an-id')).status).toBe(404);
    expect(
      (await staff.post(`/api/clients/${randomUUID()}/contacts`, { fullName: 'A', email: 'a@client.example' })).status,
    ).toBe(404);
    expect((await staff.patch(`/api/clients/${otherClientId}/contacts/${contact.id}`, { role: 'x' })).status).toBe(404);
    expect((await staff.post(`/api/clients/${otherClientId}/contacts/${contact.id}/archive`)).status).toBe(404);
    expect((await staff.post(`/api/clients/${clientId}/contacts/${randomUUID()}/archive`)).status).toBe(404);
  });

  it('lets only staff change contacts and settings (403 for a recruiter, 401 signed out)', async () => {
    const { clientId } = await createOpenJob(staff);
    const contact = await addContact(clientId, { fullName: 'Kept', email: 'kept@client.example' });
    const add = await recruiter.post(`/api/clients/${clientId}/contacts`, {
      fullName: 'Nope',
      email: 'n@client.example',
    });
    expect(add.status).toBe(403);
    expect((await recruiter.patch(`/api/clients/${clientId}/contacts/${contact.id}`, { role: 'x' })).status).toBe(403);
    expect((await recruiter.post(`/api/clients/${clientId}/contacts/${contact.id}/archive`)).status).toBe(403);
    expect((await recruiter.patch(`/api/clients/${clientId}`, { autoPublishClientFeedback: true })).status).toBe(403);
    expect((await new ApiSession().get(`/api/clients/${clientId}`)).status).toBe(401);
    const candidate = await registerCandidate();
    expect((await candidate.session.get(`/api/clients/${clientId}`)).status).toBe(403);
    const detail = await clientDetail(clientId);
    expect(detail.contacts.map((each) => each.fullName)).toEqual(['Kept']);
    expect(detail.autoPublishClientFeedback).toBe(false);
  });

  it('sets the account owner (an active agency person only) and auto-publish, and audits the change', async () => {
    const { clientId } = await createOpenJob(staff);
    const owner = await insertAgencyUser(database(), UserRole.Recruiter, 'Owen Owner');
    const updated = await staff.patch<ClientDetailView>(`/api/clients/${clientId}`, {
      accountOwnerId: owner.id,
      autoPublishClientFeedback: true,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      accountOwner: { id: owner.id, fullName: 'Owen Owner', active: true },
      autoPublishClientFeedback: true,
    });

    const candidate = await registerCandidate();
    const disabled = await insertAgencyUser(database(), UserRole.Staff, 'Gone Staff');
    await database().query('UPDATE users SET disabled_at = now() WHERE id = $1', [disabled.id]);
    for (const accountOwnerId of [candidate.id, disabled.id, randomUUID()]) {
      const refused = await staff.patch(`/api/clients/${clientId}`, { accountOwnerId });
      expect(refused.status).toBe(400);
      expect(asError(refused).details?.map((detail) => detail.field)).toEqual(['accountOwnerId']);
    }
    const badFlag = await staff.patch(`/api/clients/${clientId}`, { autoPublishClientFeedback: 'yes' });
    expect(badFlag.status).toBe(400);
    expect(asError(badFlag).details?.map((detail) => detail.field)).toEqual(['autoPublishClientFeedback']);

    const cleared = await staff.patch<ClientDetailView>(`/api/clients/${clientId}`, { accountOwnerId: null });
    expect(cleared.body).toMatchObject({ accountOwner: null, autoPublishClientFeedback: true });

    const { rows } = await database().query<{ changes: Record<string, { before?: unknown; after?: unknown }> }>(
      `SELECT changes FROM audit_events WHERE entity_id = $1 AND action = $2 ORDER BY occurred_at, id`,
      [clientId, AuditAction.ClientSettingsChanged],
    );
    expect(rows.map((row) => row.changes)).toEqual([
      {
        accountOwnerId: { before: null, after: owner.id },
        autoPublishClientFeedback: { before: false, after: true },
      },
      { accountOwnerId: { before: owner.id, after: null } },
    ]);
  });

  it('says when the account owner is disabled, and still saves other settings around them', async () => {
    const { clientId } = await createOpenJob(staff);
    const owner = await insertAgencyUser(database(), UserRole.Recruiter, 'Leaving Owner');
    expectStatus(await staff.patch(`/api/clients/${clientId}`, { accountOwnerId: owner.id }), 200, 'set the owner');
    await database().query('UPDATE users SET disabled_at = now() WHERE id = $1', [owner.id]);

    expect((await clientDetail(clientId)).accountOwner).toEqual({
      id: owner.id,
      fullName: 'Leaving Owner',
      active: false,
    });
    const saved = await staff.patch<ClientDetailView>(`/api/clients/${clientId}`, { autoPublishClientFeedback: true });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      accountOwner: { id: owner.id, active: false },
      autoPublishClientFeedback: true,
    });
    // Sent again, the disabled owner is refused: staff are asked to choose someone who can act.
    const refused = await staff.patch(`/api/clients/${clientId}`, { accountOwnerId: owner.id });
    expect(asError(refused).details?.map((detail) => detail.field)).toEqual(['accountOwnerId']);
  });

  it('schedules with picked contacts: the agency sees them, the candidate never does, the timeline names them', async () => {
    const { job, candidate, application } = await applicationOnNewJob();
    const grace = await addContact(job.clientId, {
      fullName: 'Grace Hopper',
      email: 'grace@client.example',
      role: 'CTO',
    });
    const scheduled = await schedule(application, { clientInterviewerIds: [grace.id] });
    expectStatus(scheduled, 200, 'schedule with a client interviewer');

    const seen = await recruiter.get<ApplicationView>(`/api/applications/${application.id}`);
    expect(seen.body.job.clientId).toBe(job.clientId);
    expect(seen.body.stages[0].interviewers).toEqual(['Riley Recruiter']);
    expect(seen.body.stages[0].clientInterviewers).toEqual([
      { id: grace.id, fullName: 'Grace Hopper', email: 'grace@client.example', role: 'CTO' },
    ]);
    expect(seen.body.stages[1].clientInterviewers).toEqual([]);
    expect(seen.body.timeline.map((entry) => entry.text)).toContainEqual(
      expect.stringContaining('with Riley Recruiter, Grace Hopper (client, CTO).'),
    );

    const candidateView = await candidate.get<CandidateApplicationView>(`/api/applications/${application.id}`);
    expect(candidateView.status).toBe(200);
    expect(JSON.stringify(candidateView.body)).not.toContain('Grace Hopper');
    expect(JSON.stringify(candidateView.body)).not.toContain(grace.id);
    expect(candidateView.body.stages[0]).not.toHaveProperty('clientInterviewers');
    expect(candidateView.body.job).not.toHaveProperty('clientId');

    const { rows } = await database().query<{ changes: Record<string, { before?: unknown; after?: unknown }> }>(
      `SELECT changes FROM audit_events WHERE entity_id = $1 AND action = $2`,
      [application.id, AuditAction.StageScheduled],
    );
    expect(rows[0].changes['clientInterviewers']).toEqual({ before: [], after: ['Grace Hopper'] });
  });

  it('replaces the picks on a reschedule, and treats new picks alone as a change', async () => {
    const { job, application } = await applicationOnNewJob();
    const grace = await addContact(job.clientId, { fullName: 'Grace Hopper', email: 'grace@client.example' });
    const alan = await addContact(job.clientId, { fullName: 'Alan Turing', email: 'alan@client.example' });
    const first = await schedule(application, { clientInterviewerIds: [grace.id, alan.id] });
    expectStatus(first, 200, 'schedule');
    // The same request again changes nothing.
    const sameSlot = { startsAt: first.body.stages[0].startsAt, endsAt: first.body.stages[0].endsAt };
    const repeated = await schedule(first.body, { ...sameSlot, clientInterviewerIds: [alan.id, grace.id] });
    expect(repeated.body.version).toBe(first.body.version);

    const replaced = await schedule(first.body, { ...sameSlot, clientInterviewerIds: [alan.id] });
    expectStatus(replaced, 200, 'reschedule with other picks');
    expect(replaced.body.version).toBeGreaterThan(first.body.version);
    expect(replaced.body.stages[0].clientInterviewers?.map((contact) => contact.fullName)).toEqual(['Alan Turing']);

    const none = await schedule(replaced.body, { ...sameSlot, clientInterviewerIds: [] });
    expect(none.body.version).toBeGreaterThan(replaced.body.version);
    expect(none.body.stages[0].clientInterviewers).toEqual([]);
    const { rows } = await database().query('SELECT 1 FROM stage_client_interviewers WHERE stage_id = $1', [
      application.stages[0].id,
    ]);
    expect(rows).toHaveLength(0);
  });

  it('refuses to pick an archived contact, another client’s contact, or more interviewers than allowed, naming clientInterviewerIds', async () => {
    const { job, application } = await applicationOnNewJob();
    const { clientId: otherClientId } = await createOpenJob(staff);
    const stranger = await addContact(otherClientId, { fullName: 'Not Theirs', email: 'stranger@client.example' });
    const leaver = await addContact(job.clientId, { fullName: 'Left Already', email: 'left@client.example' });
    await staff.post(`/api/clients/${job.clientId}/contacts/${leaver.id}/archive`);
    const present = await addContact(job.clientId, { fullName: 'Still Here', email: 'here@client.example' });

    const manyNames = Array.from({ length: INTERVIEWERS_MAX }, (_, index) => `Interviewer ${index}`);
    const refusals: object[] = [
      { clientInterviewerIds: [stranger.id] },
      { clientInterviewerIds: [present.id, leaver.id] },
      { clientInterviewerIds: [present.id], interviewers: manyNames },
      { clientInterviewerIds: [present.id, present.id] },
      { clientInterviewerIds: ['not-an-id'] },
    ];
    for (const body of refusals) {
      const refused = await schedule(application, body);
      expect(refused.status).toBe(400);
      expect(asError(refused).code).toBe(ErrorCode.ValidationFailed);
      expect(asError(refused).details?.map((detail) => detail.field)).toEqual(['clientInterviewerIds']);
    }
    // Nothing was written by the refusals.
    const seen = await recruiter.get<ApplicationView>(`/api/applications/${application.id}`);
    expect(seen.body.version).toBe(application.version);
    expect(seen.body.stages[0].startsAt).toBeNull();
    expect(seen.body.stages[0].clientInterviewers).toEqual([]);

    // The live one alone is fine.
    expectStatus(await schedule(application, { clientInterviewerIds: [present.id] }), 200, 'schedule');
    // A contact archived after being picked stays on the stage (the history), but cannot be picked again.
    await staff.post(`/api/clients/${job.clientId}/contacts/${present.id}/archive`);
    const afterArchive = await recruiter.get<ApplicationView>(`/api/applications/${application.id}`);
    expect(afterArchive.body.stages[0].clientInterviewers?.map((contact) => contact.id)).toEqual([present.id]);
    const pickAgain = await schedule(afterArchive.body, {
      location: 'Office',
      clientInterviewerIds: [present.id],
    });
    expect(pickAgain.status).toBe(400);
  });

  it('refuses a client’s contact beyond the limit of live contacts', async () => {
    const { clientId } = await createOpenJob(staff);
    // Filled directly: two hundred requests would only slow the suite.
    await database().query(
      `INSERT INTO client_contacts (client_id, full_name, email)
       SELECT $1, 'Contact ' || n, 'contact' || n || '@client.example' FROM generate_series(1, 200) n`,
      [clientId],
    );
    const full = await staff.post(`/api/clients/${clientId}/contacts`, {
      fullName: 'One More',
      email: uniqueEmail('more'),
    });
    expect(full.status).toBe(409);
    expect(asError(full).code).toBe(ErrorCode.ClientContactsFull);
    const detail = await clientDetail(clientId);
    expect(detail.contacts).toHaveLength(200);
  });
});
