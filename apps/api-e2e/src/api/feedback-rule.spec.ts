import {
  ApplicationStatus,
  ApplicationView,
  CandidateApplicationView,
  ErrorCode,
  FeedbackDecision,
  StageState,
  TimelineEventType,
} from '@heardback/contracts';
import { HIRE_BEFORE_TERMS } from '@heardback/domain';
import { asError } from '../support/api-client';
import { database } from '../support/database';
import { applicationAwaitingFeedback, interviewHeld, recordFeedback, staffForTheseTests } from '../support/factories';

describe('no stage passes without feedback (through the API)', () => {
  const staff = staffForTheseTests();

  async function unchanged(application: ApplicationView): Promise<void> {
    const now = await staff.get<ApplicationView>(`/api/applications/${application.id}`);
    expect(now.body.status).toBe(application.status);
    expect(now.body.version).toBe(application.version);
    expect(now.body.stages.map((stage) => stage.state)).toEqual(application.stages.map((stage) => stage.state));
  }

  it('shows a stage whose interview has ended as awaiting feedback, with a due date', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    expect(application.stages[0].state).toBe(StageState.AwaitingFeedback);
    expect(application.stages[0].feedbackDueAt).not.toBeNull();
    expect(application.waitingFor).toBe('feedback');
  });

  it('refuses to reject after an interview that has no feedback', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    const response = await staff.post(`/api/applications/${application.id}/reject`, {
      candidateMessage: 'We have decided not to continue.',
      version: application.version,
    });
    expect(response.status).toBe(409);
    expect(asError(response).code).toBe(ErrorCode.FeedbackRequired);
    expect(asError(response).message).toContain('Phone screen');
    await unchanged(application);
  });

  it('refuses to make an offer after an interview that has no feedback', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    const response = await staff.post(`/api/applications/${application.id}/offer`, { version: application.version });
    expect(response.status).toBe(409);
    expect(asError(response).code).toBe(ErrorCode.FeedbackRequired);
    await unchanged(application);
  });

  it('refuses to advance to the next stage without recording feedback for the current one', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    const next = application.stages[1];
    const scheduleNext = await staff.post(`/api/applications/${application.id}/stages/${next.id}/schedule`, {
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 90_000_000).toISOString(),
      location: 'Office',
      interviewers: [],
      version: application.version,
    });
    expect(scheduleNext.status).toBe(409);
    expect(asError(scheduleNext).code).toBe(ErrorCode.StageNotCurrent);
    const feedbackOnNext = await staff.post(`/api/applications/${application.id}/stages/${next.id}/feedback`, {
      decision: FeedbackDecision.Advance,
      rating: 4,
      candidateMessage: 'Skipping ahead.',
      version: application.version,
    });
    expect(feedbackOnNext.status).toBe(409);
    expect(asError(feedbackOnNext).code).toBe(ErrorCode.StageNotCurrent);
    await unchanged(application);
  });

  it('refuses to reschedule an interview that took place into the future (hiding it)', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    const response = await staff.post(
      `/api/applications/${application.id}/stages/${application.stages[0].id}/schedule`,
      {
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 90_000_000).toISOString(),
        location: 'Office',
        interviewers: [],
        version: application.version,
      },
    );
    expect(response.status).toBe(409);
    expect(asError(response).code).toBe(ErrorCode.FeedbackRequired);
    await unchanged(application);
  });

  it('refuses to hire while a stage that took place has no feedback', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    const withFeedback = await recordFeedback(staff, application, 0);
    const offered = await staff.post<ApplicationView>(`/api/applications/${application.id}/offer`, {
      version: withFeedback.version,
    });
    expect(offered.status).toBe(200);
    expect(offered.body.stages[1].state).toBe(StageState.Skipped);
    // A later stage turns out to have been held (e.g. a data fix) and nobody wrote feedback for it.
    await database().query('UPDATE application_stages SET held_at = now() WHERE id = $1', [offered.body.stages[1].id]);
    const hire = await staff.post(`/api/applications/${application.id}/hire`, { version: offered.body.version });
    expect(hire.status).toBe(409);
    expect(asError(hire).code).toBe(ErrorCode.FeedbackRequired);
  });

  it('skips interviews not yet held when an offer is made early, so the offer can still be accepted', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    const advanced = await recordFeedback(staff, application, 0);
    const scheduled = await staff.post<ApplicationView>(
      `/api/applications/${application.id}/stages/${advanced.stages[1].id}/schedule`,
      {
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 90_000_000).toISOString(),
        location: 'Office',
        interviewers: [],
        version: advanced.version,
      },
    );
    const offered = await staff.post<ApplicationView>(`/api/applications/${application.id}/offer`, {
      version: scheduled.body.version,
    });
    expect(offered.body.stages[1]).toMatchObject({
      state: StageState.Skipped,
      startsAt: null,
      endsAt: null,
      feedbackDueAt: null,
    });
    const hired = await staff.post<ApplicationView>(`/api/applications/${application.id}/hire`, {
      version: offered.body.version,
    });
    expect(hired.body.status).toBe(ApplicationStatus.Hired);
  });

  it('sends a rejection as one email that carries the words', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    await recordFeedback(staff, application, 0, FeedbackDecision.Reject);
    const { rows } = await database().query(
      `SELECT body FROM notifications WHERE application_id = $1 AND kind = 'candidate_update' ORDER BY created_at DESC LIMIT 1`,
      [application.id],
    );
    expect(rows[0].body).toContain('Thank you: you explained your approach clearly.');
    expect(rows[0].body).toContain('This application is now closed.');
  });

  it('lets the application move on once feedback is recorded, and tells the candidate', async () => {
    const { application, candidate } = await applicationAwaitingFeedback(staff);
    const advanced = await recordFeedback(staff, application, 0);
    expect(advanced.status).toBe(ApplicationStatus.Interviewing);
    expect(advanced.stages[0].state).toBe(StageState.FeedbackRecorded);
    expect(advanced.stages[1].state).toBe(StageState.Pending);
    expect(advanced.currentStageId).toBe(advanced.stages[1].id);
    const seen = await candidate.session.get<ApplicationView>(`/api/applications/${application.id}`);
    expect(seen.body.stages[0].feedback?.candidateMessage).toBe('Thank you: you explained your approach clearly.');
    expect(seen.body.timeline.map((event) => event.text).join('\n')).toContain('You are through to Technical');
    expect(seen.body.timeline.filter((event) => event.type === TimelineEventType.StageStarted)).toEqual([
      expect.objectContaining({ stageId: advanced.stages[1].id }),
    ]);
  });

  it('walks the whole pipeline to offer and hire', async () => {
    let { application } = await applicationAwaitingFeedback(staff);
    application = await recordFeedback(staff, application, 0);
    application = await recordFeedback(staff, await interviewHeld(staff, application, 1), 1);
    application = await recordFeedback(staff, await interviewHeld(staff, application, 2), 2);
    expect(application.status).toBe(ApplicationStatus.Offer);
    expect(application.currentStageId).toBeNull();
    // Passing the last stage leaves the offer's terms to write: no one is hired on an offer they never read.
    const tooSoon = await staff.post(`/api/applications/${application.id}/hire`, { version: application.version });
    expect(tooSoon.status).toBe(409);
    expect(asError(tooSoon)).toMatchObject({ code: ErrorCode.InvalidTransition, message: HIRE_BEFORE_TERMS });
    await unchanged(application);
    const offered = await staff.post<ApplicationView>(`/api/applications/${application.id}/offer`, {
      version: application.version,
    });
    expect(offered.status).toBe(200);
    const hired = await staff.post<ApplicationView>(`/api/applications/${application.id}/hire`, {
      version: offered.body.version,
    });
    expect(hired.status).toBe(200);
    expect(hired.body.status).toBe(ApplicationStatus.Hired);
  });

  it('rejects with the words the candidate will read once feedback exists', async () => {
    const { application, candidate } = await applicationAwaitingFeedback(staff);
    const rejected = await recordFeedback(staff, application, 0, FeedbackDecision.Reject);
    expect(rejected.status).toBe(ApplicationStatus.Rejected);
    const seen = await candidate.session.get<ApplicationView>(`/api/applications/${application.id}`);
    expect(seen.body.status).toBe(ApplicationStatus.Rejected);
    expect(seen.body.waitingFor).toBe('nothing');
    expect(seen.body.stages[0].feedback?.candidateMessage).toContain('explained your approach');
    // "Where you stand" leads with the words that closed it.
    expect(seen.body.closingWords).toBe(seen.body.stages[0].feedback?.candidateMessage);
  });

  it('gives the candidate the words of a rejection decided after feedback, and none while open', async () => {
    const { application, candidate } = await applicationAwaitingFeedback(staff);
    const held = await recordFeedback(staff, application, 0, FeedbackDecision.Hold);
    const open = await candidate.session.get<ApplicationView>(`/api/applications/${application.id}`);
    expect(open.body.closingWords).toBeNull();
    const words = 'Thank you for your time. The client has chosen another candidate.';
    const response = await staff.post(`/api/applications/${application.id}/reject`, {
      candidateMessage: words,
      version: held.version,
    });
    expect(response.status).toBe(200);
    const seen = await candidate.session.get<ApplicationView>(`/api/applications/${application.id}`);
    expect(seen.body.closingWords).toBe(words);
  });

  it('refuses a rejection without a message', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    const withFeedback = await recordFeedback(staff, application, 0, FeedbackDecision.Hold);
    const response = await staff.post(`/api/applications/${application.id}/reject`, {
      candidateMessage: '   ',
      version: withFeedback.version,
    });
    expect(response.status).toBe(400);
    expect(asError(response).details?.map((detail) => detail.field)).toEqual(['candidateMessage']);
  });

  it('replaces a hold with a decision as a new feedback version, keeping the old one', async () => {
    const { application, candidate } = await applicationAwaitingFeedback(staff);
    const held = await recordFeedback(staff, application, 0, FeedbackDecision.Hold);
    expect(held.status).toBe(ApplicationStatus.Screening);
    // The candidate reads a held stage as a wait, not a pass, without seeing the agency's decision codes.
    const seenHeld = await candidate.session.get<CandidateApplicationView>(`/api/applications/${application.id}`);
    expect(seenHeld.body.stages[0].feedback).toEqual({
      id: expect.any(String),
      candidateMessage: 'Thank you: you explained your approach clearly.',
      recordedAt: expect.any(String),
      onHold: true,
    });
    const decided = await recordFeedback(staff, held, 0, FeedbackDecision.Advance);
    expect(decided.stages[0].feedback?.version).toBe(2);
    const seenDecided = await candidate.session.get<CandidateApplicationView>(`/api/applications/${application.id}`);
    expect(seenDecided.body.stages[0].feedback?.onHold).toBe(false);
    const { rows } = await database().query(
      'SELECT version, supersedes_id FROM feedback WHERE stage_id = $1 ORDER BY version',
      [application.stages[0].id],
    );
    expect(rows).toHaveLength(2);
    expect(rows[1].supersedes_id).not.toBeNull();
  });

  it('refuses a second decision on a stage that already has one', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    const rejected = await recordFeedback(staff, application, 0, FeedbackDecision.Reject);
    const again = await staff.post(`/api/applications/${application.id}/stages/${application.stages[0].id}/feedback`, {
      decision: FeedbackDecision.Advance,
      rating: 4,
      candidateMessage: 'Actually, yes.',
      version: rejected.version,
    });
    expect(again.status).toBe(409);
    expect(asError(again).code).toBe(ErrorCode.InvalidTransition);
  });
});
