import {
  ApplicationStatus,
  ApplicationSummary,
  ApplicationView,
  CandidateApplicationView,
  ErrorCode,
  FeedbackDecision,
  FeedbackQueueItem,
  JobStatus,
  MyApplicationsPage,
  StageState,
  WaitingFor,
} from '@heardback/contracts';
import { DEFAULT_WORKING_CALENDAR, screeningAnswerDueAt } from '@heardback/domain';
import { asError } from '../support/api-client';
import { count } from '../support/database';
import {
  applicationAwaitingFeedback,
  apply,
  applyRequest,
  createOpenJob,
  interviewHeld,
  recordFeedback,
  registerCandidate,
  signInAsAgency,
  staffForTheseTests,
} from '../support/factories';
import { everyItem } from '../support/pages';
import { future } from '../support/future-dates';

describe('applications', () => {
  const staff = staffForTheseTests();

  it('starts a new application at the first stage, promising a date for whether it moves forward, not an interview', async () => {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate();
    const application = await apply(candidate.session, job.id);
    expect(application.status).toBe(ApplicationStatus.Applied);
    expect(application.stages.map((stage) => stage.name)).toEqual(['Phone screen', 'Technical', 'Final']);
    expect(application.waitingFor).toBe(WaitingFor.Screening);
    expect(application.currentStageId).toBe(application.stages[0].id);
    expect(application.timeline[0].text).toMatch(
      /^You applied for Integration Test Engineer at .+\. We will tell you whether you move forward; "Where you stand" shows by when\.$/,
    );
    const mine = await candidate.session.get<MyApplicationsPage>('/api/me/applications');
    expect(mine.body.items[0]).toMatchObject({
      id: application.id,
      currentStage: { name: 'Phone screen' },
      waitingFor: WaitingFor.Screening,
    });
    // The end of the fifth working day after applying, in the agency's calendar.
    expect(application.screeningAnswerDueAt).toBe(
      screeningAnswerDueAt(new Date(mine.body.items[0].appliedAt), DEFAULT_WORKING_CALENDAR).toISOString(),
    );

    // Once an interview is booked, the interview is the promise, not the screening answer.
    const booked = await staff.post<ApplicationView>(
      `/api/applications/${application.id}/stages/${application.stages[0].id}/schedule`,
      {
        startsAt: future('2030-04-02T09:00:00.000Z'),
        endsAt: future('2030-04-02T10:00:00.000Z'),
        location: 'Video call',
        interviewers: ['Hiring manager'],
        version: application.version,
      },
    );
    expect(booked.body.screeningAnswerDueAt).toBeNull();
  });

  it("lists all of the candidate's applications, open first, then newest first, each at its own stage", async () => {
    const candidate = await registerCandidate();
    const applyTo = async () => apply(candidate.session, (await createOpenJob(staff)).id);
    const fresh = await applyTo();
    const interviewed = await interviewHeld(staff, await applyTo(), 0);
    const advanced = await recordFeedback(staff, await interviewHeld(staff, await applyTo(), 0), 0);
    const toWithdraw = await applyTo();
    const withdrawn = await candidate.session.post<ApplicationView>(`/api/applications/${toWithdraw.id}/withdraw`, {
      reason: 'Moving abroad.',
      version: toWithdraw.version,
    });

    const mine = await candidate.session.get<MyApplicationsPage>('/api/me/applications');

    expect(mine.status).toBe(200);
    expect(mine.body.totals).toEqual({ open: 3, closed: 1 });
    expect(mine.body.nextCursor).toBeNull();
    const summary = (
      view: CandidateApplicationView,
      stage: number,
      state: StageState,
      waitingFor: WaitingFor,
    ): ApplicationSummary => ({
      id: view.id,
      status: view.status,
      version: view.version,
      // The agency's view also names the client's id; the candidate's list never does.
      job: { id: view.job.id, title: view.job.title, clientName: view.job.clientName },
      currentStage: {
        id: view.stages[stage].id,
        name: view.stages[stage].name,
        state,
        feedbackDueAt: view.stages[stage].feedbackDueAt,
      },
      waitingFor,
      // Open applications carry the date the candidate hears by; closed ones owe nothing.
      promise: waitingFor === WaitingFor.Nothing ? null : { kind: expect.any(String), dueAt: expect.any(String) },
      appliedAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    // Open ones first, newest first; the withdrawn one, though the newest, comes after them.
    expect(mine.body.items).toEqual([
      summary(advanced, 1, StageState.Pending, WaitingFor.Scheduling),
      summary(interviewed, 0, StageState.AwaitingFeedback, WaitingFor.Feedback),
      summary(fresh, 0, StageState.Pending, WaitingFor.Screening),
      summary(withdrawn.body, 0, StageState.Pending, WaitingFor.Nothing),
    ]);
    expect(mine.body.items[1].currentStage?.feedbackDueAt).not.toBeNull();
  });

  it('tells the agency, from the rules, where "advance" leads and which stages an offer would skip', async () => {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate();
    const applied = await apply(candidate.session, job.id);
    const [screen, technical, final] = applied.stages.map((stage) => stage.id);
    const nextSteps = ({ nextStageId, offerSkipsStageIds }: ApplicationView) => ({ nextStageId, offerSkipsStageIds });
    const owed = (view: ApplicationView) => view.feedbackOwedStageIds;

    const fresh = await staff.get<ApplicationView>(`/api/applications/${applied.id}`);
    expect(nextSteps(fresh.body)).toEqual({ nextStageId: technical, offerSkipsStageIds: [screen, technical, final] });
    // A stage that took place is not skipped by an offer: its feedback is owed first.
    const screened = await interviewHeld(staff, applied, 0);
    expect(nextSteps(screened)).toEqual({ nextStageId: technical, offerSkipsStageIds: [technical, final] });
    // Rule 1, said before any decision is tried: the portal shows it in place of "Reject…".
    expect(owed(fresh.body)).toEqual([]);
    expect(owed(screened)).toEqual([screen]);
    // Who interviews is the agency's to see (the reschedule form starts from it), never the candidate's.
    expect(screened.stages[0].interviewers).toEqual(['Hiring manager']);
    const atTechnical = await recordFeedback(staff, screened, 0);
    expect(owed(atTechnical)).toEqual([]);
    expect(nextSteps(atTechnical)).toEqual({ nextStageId: final, offerSkipsStageIds: [technical, final] });
    const atFinal = await recordFeedback(staff, await interviewHeld(staff, atTechnical, 1), 1);
    // Advancing from the last stage makes an offer: no stage follows it.
    expect(nextSteps(atFinal)).toEqual({ nextStageId: null, offerSkipsStageIds: [final] });
    const offered = await staff.post<ApplicationView>(`/api/applications/${applied.id}/offer`, {
      version: atFinal.version,
    });
    expect(nextSteps(offered.body)).toEqual({ nextStageId: null, offerSkipsStageIds: [] });

    const own = await candidate.session.get<object>(`/api/applications/${applied.id}`);
    expect(own.body).not.toHaveProperty('nextStageId');
    expect(own.body).not.toHaveProperty('offerSkipsStageIds');
    expect(own.body).not.toHaveProperty('feedbackOwedStageIds');
    expect((own.body as ApplicationView).stages[0]).not.toHaveProperty('interviewers');
  });

  it('refuses a second application to the same job with ALREADY_APPLIED', async () => {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate();
    await apply(candidate.session, job.id);
    const before = await count('applications');
    const again = await candidate.session.post(
      `/api/jobs/${job.id}/applications`,
      await applyRequest(candidate.session),
    );
    expect(again.status).toBe(409);
    expect(asError(again).code).toBe(ErrorCode.AlreadyApplied);
    expect(await count('applications')).toBe(before);
  });

  it('refuses two simultaneous applications to the same job: exactly one lands', async () => {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate();
    const body = await applyRequest(candidate.session);
    const responses = await Promise.all(
      [1, 2, 3].map(() => candidate.session.post(`/api/jobs/${job.id}/applications`, body)),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409]);
  });

  it('gives exactly one success and one STALE_VERSION when two people record feedback at once', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    const recruiter = await signInAsAgency();
    const body = (decision: FeedbackDecision) => ({
      decision,
      rating: 3,
      candidateMessage: `Decision: ${decision}`,
      version: application.version,
    });
    const path = `/api/applications/${application.id}/stages/${application.stages[0].id}/feedback`;
    const [first, second] = await Promise.all([
      staff.post(path, body(FeedbackDecision.Advance)),
      recruiter.post(path, body(FeedbackDecision.Reject)),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const loser = first.status === 409 ? first : second;
    expect(asError(loser).code).toBe(ErrorCode.StaleVersion);
    expect(asError(loser).message).toMatch(/Reload/);
    expect(await count(`feedback WHERE stage_id = '${application.stages[0].id}'`)).toBe(1);
  });

  it('refuses a change made from a stale version and says so', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    const response = await staff.post(`/api/applications/${application.id}/offer`, {
      version: application.version - 1,
    });
    expect(response.status).toBe(409);
    expect(asError(response).code).toBe(ErrorCode.StaleVersion);
  });

  it('lets a candidate withdraw with a reason, and then nothing more can happen to it', async () => {
    const { application, candidate } = await applicationAwaitingFeedback(staff);
    const withdrawn = await candidate.session.post<ApplicationView>(`/api/applications/${application.id}/withdraw`, {
      reason: 'Accepted another offer',
      version: application.version,
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe(ApplicationStatus.Withdrawn);
    expect(withdrawn.body.currentStageId).toBeNull();
    const offer = await staff.post(`/api/applications/${application.id}/offer`, { version: withdrawn.body.version });
    expect(asError(offer).code).toBe(ErrorCode.InvalidTransition);
  });

  it('refuses applications to a job that is not open', async () => {
    const draft = await createOpenJob(staff, { status: JobStatus.Draft });
    const candidate = await registerCandidate();
    const response = await candidate.session.post(
      `/api/jobs/${draft.id}/applications`,
      await applyRequest(candidate.session),
    );
    expect(response.status).toBe(404);
  });

  it('puts stages awaiting feedback on the queue, overdue first, and takes them off once recorded', async () => {
    const fresh = await applicationAwaitingFeedback(staff);
    const overdueJob = await createOpenJob(staff, { answerWithinWorkingDays: 1 });
    const candidate = await registerCandidate();
    const applied = await apply(candidate.session, overdueJob.id);
    const scheduled = await staff.post<ApplicationView>(
      `/api/applications/${applied.id}/stages/${applied.stages[0].id}/schedule`,
      {
        // Ten days ago: answered within one working day, it was due at most four days later, so it is overdue now.
        startsAt: new Date(Date.now() - 240 * 3_600_000).toISOString(),
        endsAt: new Date(Date.now() - 239 * 3_600_000).toISOString(),
        location: 'Office',
        interviewers: [],
        version: applied.version,
      },
    );
    const queue = await everyItem<FeedbackQueueItem>(staff, '/api/feedback/queue');
    const ids = queue.map((item) => item.applicationId);
    expect(ids.indexOf(applied.id)).toBeLessThan(ids.indexOf(fresh.application.id));
    expect(queue.find((item) => item.applicationId === applied.id)?.overdue).toBe(true);
    expect(queue.find((item) => item.applicationId === fresh.application.id)?.overdue).toBe(false);

    await staff.post(`/api/applications/${applied.id}/stages/${applied.stages[0].id}/feedback`, {
      decision: 'advance',
      rating: 3,
      candidateMessage: 'Well done.',
      version: scheduled.body.version,
    });
    const after = await everyItem<FeedbackQueueItem>(staff, '/api/feedback/queue');
    expect(after.map((item) => item.applicationId)).not.toContain(applied.id);
  });
});
