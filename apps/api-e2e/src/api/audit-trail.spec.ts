import {
  AgencyUserView,
  AUDIT_TEXT_CHANGED,
  AgencyJobDetail,
  AuditAction,
  AuditEventPage,
  AuditEventView,
  ClientPage,
  ClientView,
  ErrorCode,
  UserRole,
  UserView,
} from '@heardback/contracts';
import { randomUUID } from 'node:crypto';
import { ApiSession, asError } from '../support/api-client';
import { closeDatabase, database } from '../support/database';
import {
  applicationAwaitingFeedback,
  createOpenJob,
  recordFeedback,
  registerCandidate,
  signInAsAgency,
  uniqueEmail,
} from '../support/factories';

/** Rule 8: every change an agency person makes is in the audit trail, and only staff read it. */
describe('the audit trail', () => {
  let staff: ApiSession;
  let staffId: string;

  beforeAll(async () => {
    staff = await signInAsAgency();
    staffId = (await staff.get<UserView>('/api/auth/me')).body.id;
  });

  afterAll(closeDatabase);

  async function events(query: Record<string, string | number>): Promise<AuditEventPage> {
    const response = await staff.get<AuditEventPage>(`/api/audit-events?${new URLSearchParams(toStrings(query))}`);
    expect(response.status).toBe(200);
    return response.body;
  }

  /** Every row the database holds for a record, in order, as stored. */
  async function storedFor(entityId: string): Promise<{ action: string; changes: unknown }[]> {
    const { rows } = await database().query(
      'SELECT action, changes FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, id',
      [entityId],
    );
    return rows;
  }

  it('records who created a client and who changed a job, what and when, with the changed fields before and after', async () => {
    const job = await createOpenJob(staff, { title: 'Audit Engineer' });
    const edited = await staff.patch<AgencyJobDetail>(`/api/jobs/${job.id}`, {
      title: 'Senior Audit Engineer',
      pipeline: ['Phone screen', 'Final'],
      location: 'Rotterdam',
    });
    expect(edited.status).toBe(200);

    const { items } = await events({ entityId: job.id });
    expect(items.map((event) => event.action)).toEqual([AuditAction.JobUpdated, AuditAction.JobCreated]);
    const [updated, created] = items;
    expect(updated).toMatchObject({
      actor: { id: staffId, fullName: 'Test Staff', role: UserRole.Staff },
      entity: { type: 'job', id: job.id, label: 'Senior Audit Engineer' },
      requestId: edited.headers.get('x-request-id'),
    });
    // The location did not change, so it is not there.
    expect(updated.changes).toEqual({
      title: { before: 'Audit Engineer', after: 'Senior Audit Engineer' },
      pipeline: { before: ['Phone screen', 'Technical', 'Final'], after: ['Phone screen', 'Final'] },
    });
    expect(Date.parse(updated.occurredAt)).toBeGreaterThanOrEqual(Date.parse(created.occurredAt));
    expect(created.changes).toMatchObject({ title: { after: 'Audit Engineer' }, status: { after: 'open' } });
    expect(created.changes['title']).not.toHaveProperty('before');

    const clients = await events({ entityType: 'client', actorId: staffId, action: AuditAction.ClientCreated });
    expect(clients.items.find((event) => event.entity.id === job.clientId)?.changes).toEqual({
      name: { after: job.clientName },
    });
  });

  it('records feedback a recruiter gives, and the interview staff scheduled, without the words of either', async () => {
    const recruiter = await signInAsAgency(UserRole.Recruiter);
    const { application } = await applicationAwaitingFeedback(staff);
    await recordFeedback(recruiter, application, 0);

    const { items } = await events({ entityId: application.id });
    expect(items.map((event) => [event.action, event.actor.role])).toEqual([
      [AuditAction.FeedbackRecorded, UserRole.Recruiter],
      [AuditAction.StageScheduled, UserRole.Staff],
    ]);
    expect(items[0].changes).toEqual({
      stage: { before: 'Phone screen', after: 'Phone screen' },
      decision: { before: null, after: 'advance' },
      rating: { before: null, after: 3 },
      candidateMessage: { after: AUDIT_TEXT_CHANGED },
      internalNotes: { after: AUDIT_TEXT_CHANGED },
      state: { before: 'awaiting_feedback', after: 'feedback_recorded' },
      currentStage: { before: 'Phone screen', after: 'Technical' },
      status: { before: 'screening', after: 'interviewing' },
    });
    expect(items[1].changes).toMatchObject({
      location: { before: null, after: 'Video call' },
      interviewers: { before: [], after: ['Hiring manager'] },
    });
    const stored = JSON.stringify(await storedFor(application.id));
    expect(stored).not.toContain('explained your approach');
    expect(stored).not.toContain('INTERNAL');
  });

  it('records creating, disabling and enabling an account, never its password or hash', async () => {
    const email = uniqueEmail('audited');
    const created = await staff.post<AgencyUserView>('/api/users', {
      email,
      fullName: 'Audited Recruiter',
      role: 'recruiter',
    });
    expect(created.status).toBe(201);
    const userId = created.body.id;
    for (const step of ['disable', 'disable', 'enable']) {
      expect((await staff.post(`/api/users/${userId}/${step}`)).status).toBe(200);
    }

    const { items } = await events({ entityId: userId });
    // Disabling an account already disabled changed nothing, so it recorded nothing.
    expect(items.map((event) => event.action)).toEqual([
      AuditAction.UserEnabled,
      AuditAction.UserDisabled,
      AuditAction.UserCreated,
    ]);
    expect(items[2].changes).toEqual({
      email: { after: email },
      fullName: { after: 'Audited Recruiter' },
      role: { after: 'recruiter' },
    });
    expect(items[1].changes['disabledAt']).toEqual({ before: null, after: expect.any(String) });
    expect(items[0].changes['disabledAt']).toEqual({ before: items[1].changes['disabledAt'].after, after: null });
    const stored = JSON.stringify(await storedFor(userId));
    expect(stored).not.toMatch(/password|hash|argon2|quiet harbour/i);
  });

  it('records nothing when a command is refused: a stale version, a bad field, a taken name', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    const job = await createOpenJob(staff);
    const before = { application: await storedFor(application.id), job: await storedFor(job.id) };

    const stale = await staff.post(`/api/applications/${application.id}/reject`, {
      candidateMessage: 'Thank you for your time.',
      version: application.version - 1,
    });
    expect(asError(stale).code).toBe(ErrorCode.StaleVersion);
    const invalid = await staff.patch(`/api/jobs/${job.id}`, { title: '' });
    expect(asError(invalid).code).toBe(ErrorCode.ValidationFailed);
    const taken = await staff.post('/api/clients', { name: job.clientName });
    expect(asError(taken).code).toBe(ErrorCode.ClientNameTaken);

    expect({ application: await storedFor(application.id), job: await storedFor(job.id) }).toEqual(before);
    const { rows } = await database().query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'client.created' AND changes->'name'->>'after' = $1`,
      [job.clientName],
    );
    expect(rows[0].n).toBe(1);
  });

  it('undoes the change itself when its audit row cannot be written', async () => {
    const name = `Refused by the trail ${randomUUID().slice(0, 8)}`;
    await database().query(
      `ALTER TABLE audit_events ADD CONSTRAINT audit_events_test_refusal CHECK (changes->'name'->>'after' IS DISTINCT FROM '${name}') NOT VALID`,
    );
    try {
      const response = await staff.post<ClientView>('/api/clients', { name });
      expect(response.status).toBe(500);
    } finally {
      await database().query('ALTER TABLE audit_events DROP CONSTRAINT audit_events_test_refusal');
    }
    const clients = await staff.get<ClientPage>(`/api/clients?q=${encodeURIComponent(name)}`);
    expect(clients.body).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  describe('reading it', () => {
    const entityId = randomUUID();
    let otherId: string;

    /** Fixed times around midnight in London's summer (UTC+1), so a day in the agency's zone is not a UTC day. */
    const FIXTURE: [string, 'staff' | 'other', AuditAction][] = [
      ['2031-07-09T23:30:00Z', 'staff', AuditAction.JobCreated], // 10 July, 00:30 in London
      ['2031-07-10T08:00:00Z', 'other', AuditAction.JobUpdated],
      ['2031-07-10T22:59:59Z', 'staff', AuditAction.JobUpdated], // 10 July, 23:59:59 in London
      ['2031-07-10T23:00:00Z', 'staff', AuditAction.JobUpdated], // 11 July, midnight in London
      ['2031-07-12T09:00:00Z', 'other', AuditAction.JobClosed],
    ];

    beforeAll(async () => {
      const other = await signInAsAgency(UserRole.Recruiter);
      otherId = (await other.get<UserView>('/api/auth/me')).body.id;
      for (const [index, [at, who, action]] of FIXTURE.entries()) {
        await database().query(
          `INSERT INTO audit_events (occurred_at, actor_id, actor_role, action, entity_type, entity_id, changes)
           VALUES ($1, $2, $3, $4, 'job', $5, $6)`,
          [
            at,
            who === 'staff' ? staffId : otherId,
            who === 'staff' ? 'staff' : 'recruiter',
            action,
            entityId,
            { n: { after: index } },
          ],
        );
      }
    });

    const numbers = (items: AuditEventView[]) => items.map((event) => event.changes['n'].after);

    it('pages newest first with a cursor until the end', async () => {
      const seen: unknown[] = [];
      let cursor: string | null = null;
      do {
        const page: AuditEventPage = await events({ entityId, limit: 2, ...(cursor ? { cursor } : {}) });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...numbers(page.items));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(seen).toEqual([4, 3, 2, 1, 0]);
    });

    it("filters by actor, action, kind of record and whole days in the agency's time zone", async () => {
      const all = await events({ entityId });
      expect(all.timeZone).toBe('Europe/London');
      expect(numbers((await events({ entityId, actorId: otherId })).items)).toEqual([4, 1]);
      expect(numbers((await events({ entityId, action: AuditAction.JobUpdated })).items)).toEqual([3, 2, 1]);
      expect(numbers((await events({ entityId, entityType: 'client' })).items)).toEqual([]);
      expect(numbers((await events({ entityId, from: '2031-07-10', to: '2031-07-10' })).items)).toEqual([2, 1, 0]);
      expect(numbers((await events({ entityId, from: '2031-07-11' })).items)).toEqual([4, 3]);
      expect(numbers((await events({ entityId, to: '2031-07-09' })).items)).toEqual([]);
      expect(all.items[0].actor).toEqual({ id: otherId, fullName: 'Test Recruiter', role: UserRole.Recruiter });
      expect(all.items[0].entity.label).toBeNull();
    });

    it.each([
      ['limit=101', 'limit'],
      ['from=2031-02-30', 'from'],
      ['to=10-07-2031', 'to'],
      ['from=2031-07-11&to=2031-07-10', 'to'],
      ['entityType=invoice', 'entityType'],
      ['action=job.deleted', 'action'],
      ['actorId=me', 'actorId'],
      ['cursor=not-a-cursor', 'cursor'],
    ])('refuses %s with the field and the reason', async (query, field) => {
      const response = await staff.get(`/api/audit-events?${query}`);
      expect(response.status).toBe(400);
      expect(asError(response).details?.map((detail) => detail.field)).toEqual([field]);
    });

    it('is for staff only', async () => {
      const recruiter = await signInAsAgency(UserRole.Recruiter);
      const candidate = await registerCandidate();
      expect(asError(await recruiter.get('/api/audit-events')).code).toBe(ErrorCode.Forbidden);
      expect(asError(await candidate.session.get('/api/audit-events')).code).toBe(ErrorCode.Forbidden);
      expect((await new ApiSession().get('/api/audit-events')).status).toBe(401);
    });
  });
});

function toStrings(query: Record<string, string | number>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).map(([key, value]) => [key, String(value)]));
}
