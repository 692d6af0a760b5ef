import {
  ApplicationView,
  CandidateApplicationView,
  CandidateUpdateKind,
  ErrorCode,
  MyApplicationsPage,
  TimelineEventType,
  UserRole,
} from '@heardback/contracts';
import { ApiSession, asError } from '../support/api-client';
import {
  applicationAwaitingFeedback,
  recordFeedback,
  registerCandidate,
  signInAsAgency,
  staffForTheseTests,
} from '../support/factories';

describe('who may see and do what', () => {
  const staff = staffForTheseTests();

  it("answers 404 when a candidate opens another candidate's application, exactly as for one that does not exist", async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    const stranger = await registerCandidate('Nosy Parker');
    const theirs = await stranger.session.get(`/api/applications/${application.id}`);
    const missing = await stranger.session.get('/api/applications/00000000-0000-4000-8000-000000000000');
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(missing.body);
    expect(JSON.stringify(theirs.body)).not.toContain(application.candidate.fullName);
  });

  it("answers 404 when a candidate tries to withdraw another candidate's application, and changes nothing", async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    const stranger = await registerCandidate();
    const response = await stranger.session.post(`/api/applications/${application.id}/withdraw`, {
      reason: 'mischief',
      version: application.version,
    });
    expect(response.status).toBe(404);
    const after = await staff.get<ApplicationView>(`/api/applications/${application.id}`);
    expect(after.body.status).toBe(application.status);
    expect(after.body.version).toBe(application.version);
  });

  it('never shows internal notes or internal timeline events to the candidate', async () => {
    const { application, candidate } = await applicationAwaitingFeedback(staff);
    await recordFeedback(staff, application, 0);
    const candidateView = await candidate.session.get<ApplicationView>(`/api/applications/${application.id}`);
    const agencyView = await staff.get<ApplicationView>(`/api/applications/${application.id}`);
    expect(JSON.stringify(candidateView.body)).not.toContain('INTERNAL');
    expect(candidateView.body.stages[0].feedback).not.toHaveProperty('internalNotes');
    expect(agencyView.body.stages[0].feedback?.internalNotes).toBe('INTERNAL: salary expectations above band.');
    expect(agencyView.body.timeline.length).toBeGreaterThan(candidateView.body.timeline.length);
    expect(candidateView.body.timeline.map((event) => event.text).join('\n')).not.toMatch(/rating/);
    // The agency's page can tell the candidate's words from its own history; the candidate is not told which is which.
    const toCandidate = agencyView.body.timeline.filter((event) => event.toCandidate).map((event) => event.text);
    expect(toCandidate).toEqual(candidateView.body.timeline.map((event) => event.text));
    expect(agencyView.body.timeline.some((event) => event.toCandidate === false)).toBe(true);
    expect(candidateView.body.timeline.every((event) => !('toCandidate' in event))).toBe(true);
  });

  it("does not give the agency the candidate's own words as words the candidate was told", async () => {
    const { application, candidate } = await applicationAwaitingFeedback(staff);
    const asked = await candidate.session.post(`/api/applications/${application.id}/updates`, {
      kind: CandidateUpdateKind.RequestUpdate,
      text: 'Could you tell me where my application stands?',
      version: application.version,
    });
    expect(asked.status).toBe(201);
    const agencyView = await staff.get<ApplicationView>(`/api/applications/${application.id}`);
    const request = agencyView.body.timeline.find((event) => event.type === TimelineEventType.CandidateUpdate);
    expect(request?.text).toContain('where my application stands');
    expect(request?.toCandidate).toBe(false);
    expect(agencyView.body.timeline.find((event) => event.type === TimelineEventType.Applied)?.toCandidate).toBe(true);
  });

  it("gives the candidate only their feedback's words: no rating, no interviewer's name, no notes", async () => {
    const { application, candidate } = await applicationAwaitingFeedback(staff);
    await recordFeedback(staff, application, 0);
    const own = await candidate.session.get<CandidateApplicationView>(`/api/applications/${application.id}`);
    expect(own.status).toBe(200);
    const feedback = own.body.stages[0].feedback;
    expect(feedback?.candidateMessage).toBeTruthy();
    expect(Object.keys(feedback ?? {}).sort()).toEqual(['candidateMessage', 'id', 'onHold', 'recordedAt']);
    for (const key of ['rating', 'givenBy', 'internalNotes']) {
      expect(feedback).not.toHaveProperty(key);
    }
    const mine = await candidate.session.get<MyApplicationsPage>('/api/me/applications');
    expect(mine.status).toBe(200);
    for (const body of [own.body, mine.body]) {
      expect(JSON.stringify(body)).not.toMatch(/"(rating|givenBy|internalNotes)"/);
    }
    const agency = await staff.get<ApplicationView>(`/api/applications/${application.id}`);
    expect(agency.body.stages[0].feedback).toMatchObject({ rating: expect.any(Number), givenBy: expect.any(String) });
  });

  it('lists only my own applications under /me', async () => {
    const { candidate, application } = await applicationAwaitingFeedback(staff);
    const other = await applicationAwaitingFeedback(staff);
    const mine = await candidate.session.get<MyApplicationsPage>('/api/me/applications');
    expect(mine.body.items.map((item) => item.id)).toEqual([application.id]);
    expect(mine.body.totals).toEqual({ open: 1, closed: 0 });
    expect(mine.body.items.map((item) => item.id)).not.toContain(other.application.id);
  });

  it('keeps candidates away from agency actions', async () => {
    const { application, candidate } = await applicationAwaitingFeedback(staff);
    const feedback = await candidate.session.post(
      `/api/applications/${application.id}/stages/${application.stages[0].id}/feedback`,
      {
        decision: 'advance',
        rating: 4,
        candidateMessage: 'I was great',
        version: application.version,
      },
    );
    expect(feedback.status).toBe(403);
    expect((await candidate.session.get('/api/feedback/queue')).status).toBe(403);
    expect((await candidate.session.post('/api/clients', { name: 'Mine' })).status).toBe(403);
  });

  it('lets recruiters record feedback but only staff create users, clients and jobs', async () => {
    const recruiter = await signInAsAgency(UserRole.Recruiter);
    const created = await recruiter.post('/api/users', { email: 'x@example.test', fullName: 'X', role: 'staff' });
    expect(created.status).toBe(403);
    expect(asError(created).code).toBe(ErrorCode.Forbidden);
    const { application } = await applicationAwaitingFeedback(staff);
    const recorded = await recordFeedback(recruiter, application, 0);
    expect(recorded.stages[0].feedback?.givenBy).toBe('Test Recruiter');
  });

  it('asks visitors to sign in for anything but the public board', async () => {
    const visitor = new ApiSession();
    const response = await visitor.get('/api/me/applications');
    expect(response.status).toBe(401);
    expect(asError(response)).toEqual({
      statusCode: 401,
      code: ErrorCode.Unauthenticated,
      message: 'Please sign in to continue.',
    });
    expect((await visitor.get('/api/jobs')).status).toBe(200);
  });
});
