import { ApplicationView, ErrorCode } from '@heardback/contracts';
import { ApiResponse, asError } from '../support/api-client';
import { database } from '../support/database';
import { apply, createOpenJob, registerCandidate, staffForTheseTests } from '../support/factories';

/**
 * ADR 0002: every command that changes an application names the version its caller saw, and one
 * made from a version someone else has since changed is refused with 409 STALE_VERSION, changing nothing.
 */
describe('a change made from a stale version of the application', () => {
  const staff = staffForTheseTests();

  /** What the agency sees of the application, and what it has written anywhere. */
  async function everything(applicationId: string) {
    const view = (await staff.get<ApplicationView>(`/api/applications/${applicationId}`)).body;
    const { rows } = await database().query(
      `SELECT (SELECT count(*) FROM candidate_updates WHERE application_id = $1)::int AS updates,
              (SELECT count(*) FROM timeline_events WHERE application_id = $1)::int AS events,
              (SELECT count(*) FROM notifications WHERE application_id = $1)::int AS notifications`,
      [applicationId],
    );
    return { view, written: rows[0] };
  }

  async function expectRefusedChangingNothing(send: () => Promise<ApiResponse>, applicationId: string): Promise<void> {
    const before = await everything(applicationId);
    const response = await send();
    expect(response.status).toBe(409);
    expect(asError(response).code).toBe(ErrorCode.StaleVersion);
    expect(asError(response).message).toMatch(/Reload/);
    expect(await everything(applicationId)).toEqual(before);
  }

  /** The candidate loaded their application; then the recruiter wrote to them, a change they have not seen. */
  async function candidateBehindTheAgency() {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate();
    const seen = await apply(candidate.session, job.id);
    const message = await staff.post<ApplicationView>(`/api/applications/${seen.id}/messages`, {
      text: 'The client will call you this week.',
      version: seen.version,
    });
    expect(message.status).toBe(201);
    expect(message.body.version).toBeGreaterThan(seen.version);
    return { candidate, seen };
  }

  /** The recruiter loaded the application; then the candidate told them something they have not seen. */
  async function agencyBehindTheCandidate() {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate();
    const seen = await apply(candidate.session, job.id);
    const note = await candidate.session.post<ApplicationView>(`/api/applications/${seen.id}/updates`, {
      kind: 'availability',
      text: 'I am away all next week.',
      version: seen.version,
    });
    expect(note.status).toBe(201);
    expect(note.body.version).toBeGreaterThan(seen.version);
    return { candidate, seen };
  }

  it('refuses to schedule an interview', async () => {
    const { seen } = await agencyBehindTheCandidate();
    await expectRefusedChangingNothing(
      () =>
        staff.post(`/api/applications/${seen.id}/stages/${seen.stages[0].id}/schedule`, {
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 90_000_000).toISOString(),
          location: 'Office',
          interviewers: ['Hiring manager'],
          version: seen.version,
        }),
      seen.id,
    );
  });

  it("refuses a recruiter's message to the candidate", async () => {
    const { seen } = await agencyBehindTheCandidate();
    await expectRefusedChangingNothing(
      () => staff.post(`/api/applications/${seen.id}/messages`, { text: 'Any day now.', version: seen.version }),
      seen.id,
    );
  });

  it('refuses to withdraw', async () => {
    const { candidate, seen } = await candidateBehindTheAgency();
    await expectRefusedChangingNothing(
      () =>
        candidate.session.post(`/api/applications/${seen.id}/withdraw`, {
          reason: 'I found another job.',
          version: seen.version,
        }),
      seen.id,
    );
  });

  it("refuses the candidate's update or request for an update", async () => {
    const { candidate, seen } = await candidateBehindTheAgency();
    await expectRefusedChangingNothing(
      () =>
        candidate.session.post(`/api/applications/${seen.id}/updates`, {
          kind: 'request_update',
          text: 'Any news?',
          version: seen.version,
        }),
      seen.id,
    );
    await expectRefusedChangingNothing(
      () =>
        candidate.session.post(`/api/applications/${seen.id}/updates`, {
          kind: 'other_offer',
          text: 'An offer from Acme.',
          deadline: new Date(Date.now() + 5 * 86_400_000).toISOString(),
          version: seen.version,
        }),
      seen.id,
    );
  });

  it("refuses to set or clear the candidate's decision date", async () => {
    const { candidate, seen } = await candidateBehindTheAgency();
    const path = `/api/applications/${seen.id}/decision-date`;
    await expectRefusedChangingNothing(
      () =>
        candidate.session.request('PUT', path, {
          decisionDate: new Date(Date.now() + 86_400_000).toISOString(),
          version: seen.version,
        }),
      seen.id,
    );
    await expectRefusedChangingNothing(
      () => candidate.session.request('PUT', path, { decisionDate: null, version: seen.version }),
      seen.id,
    );
  });

  it('refuses a command that names no version at all, saying which field is missing', async () => {
    const { candidate, seen } = await candidateBehindTheAgency();
    const response = await candidate.session.post(`/api/applications/${seen.id}/withdraw`, { reason: 'Moving on.' });
    expect(response.status).toBe(400);
    expect(asError(response).details?.map((detail) => detail.field)).toEqual(['version']);
  });
});
