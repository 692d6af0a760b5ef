import { ApplicationStatus, ErrorCode, FeedbackDecision, StageState, UserRole, WaitingFor } from '@heardback/contracts';
import { ApplicationFacts, StageFacts, effectiveStageState, stageInProgress } from './application-facts';
import { DomainError } from './domain-error';
import { SCREENING_ANSWER_WORKING_DAYS, feedbackDueAt, isOverdue, screeningAnswerDueAt } from './feedback-deadline';
import { normalizePipeline } from './job-pipeline';
import { canSeeInternalDetails, canViewApplication } from './visibility';
import { waitingFor } from './waiting-for';
import { DEFAULT_WORKING_CALENDAR } from './working-hours';

const now = new Date('2026-11-27T12:00:00Z');

function stage(overrides: Partial<StageFacts>): StageFacts {
  return {
    id: 's0',
    name: 'Phone screen',
    position: 0,
    state: StageState.Pending,
    startsAt: null,
    endsAt: null,
    heldAt: null,
    currentDecision: null,
    ...overrides,
  };
}

describe('who may see what', () => {
  it('shows a candidate only their own application', () => {
    expect(canViewApplication({ id: 'c1', role: UserRole.Candidate }, { candidateId: 'c1' })).toBe(true);
    expect(canViewApplication({ id: 'c2', role: UserRole.Candidate }, { candidateId: 'c1' })).toBe(false);
  });

  it('shows agency people every application', () => {
    expect(canViewApplication({ id: 'r', role: UserRole.Recruiter }, { candidateId: 'c1' })).toBe(true);
    expect(canViewApplication({ id: 's', role: UserRole.Staff }, { candidateId: 'c1' })).toBe(true);
  });

  it('never shows internal details to a candidate', () => {
    expect(canSeeInternalDetails({ id: 'c1', role: UserRole.Candidate })).toBe(false);
    expect(canSeeInternalDetails({ id: 'r', role: UserRole.Recruiter })).toBe(true);
  });
});

describe('what an application is waiting for', () => {
  const app = (status: ApplicationStatus, s: StageFacts): ApplicationFacts => ({
    status,
    currentStageId: s.id,
    stages: [s],
    offerReplyBy: null,
  });

  it('waits for screening, then scheduling, then the interview, then feedback', () => {
    expect(waitingFor(app(ApplicationStatus.Applied, stage({})), now)).toBe(WaitingFor.Screening);
    expect(waitingFor(app(ApplicationStatus.Interviewing, stage({})), now)).toBe(WaitingFor.Scheduling);
    const future = stage({ state: StageState.Scheduled, endsAt: new Date('2026-11-28T10:00:00Z') });
    expect(waitingFor(app(ApplicationStatus.Screening, future), now)).toBe(WaitingFor.Interview);
    const past = stage({ state: StageState.Scheduled, endsAt: new Date('2026-11-27T10:00:00Z') });
    expect(waitingFor(app(ApplicationStatus.Screening, past), now)).toBe(WaitingFor.Feedback);
    expect(effectiveStageState(past, now)).toBe(StageState.AwaitingFeedback);
  });

  it('waits for a decision on a stage put on hold, and for nothing once closed', () => {
    const held = stage({ state: StageState.FeedbackRecorded, currentDecision: FeedbackDecision.Hold, heldAt: now });
    expect(waitingFor(app(ApplicationStatus.Screening, held), now)).toBe(WaitingFor.Decision);
    expect(waitingFor(app(ApplicationStatus.Rejected, held), now)).toBe(WaitingFor.Nothing);
  });

  it("waits for the candidate's reply to a written offer, and for the agency while its terms are still to write", () => {
    const passed = stage({
      state: StageState.FeedbackRecorded,
      currentDecision: FeedbackDecision.Advance,
      heldAt: now,
    });
    const offer = { ...app(ApplicationStatus.Offer, passed), currentStageId: null };
    expect(waitingFor({ ...offer, offerReplyBy: new Date('2026-12-04T17:00:00Z') }, now)).toBe(
      WaitingFor.CandidateResponse,
    );
    expect(waitingFor({ ...offer, offerReplyBy: null }, now)).toBe(WaitingFor.Decision);
  });
});

describe('the stage an application is at', () => {
  const technical = stage({ id: 's1', name: 'Technical', position: 1 });
  const app = (status: ApplicationStatus): ApplicationFacts => ({
    status,
    currentStageId: technical.id,
    stages: [stage({ state: StageState.FeedbackRecorded, currentDecision: FeedbackDecision.Advance }), technical],
    offerReplyBy: null,
  });

  it('is the current stage while the application moves through its pipeline', () => {
    expect(stageInProgress(app(ApplicationStatus.Interviewing))?.id).toBe('s1');
  });

  it('is none once an offer is made or the application is closed', () => {
    expect(stageInProgress(app(ApplicationStatus.Offer))).toBeNull();
    expect(stageInProgress(app(ApplicationStatus.Rejected))).toBeNull();
    expect(stageInProgress(app(ApplicationStatus.Hired))).toBeNull();
  });
});

describe('feedback deadline', () => {
  it('is due at the end of the Nth working day after the interview, in the agency calendar', () => {
    // Friday 27 November 2026, London: two working days later is the end of Tuesday 1 December.
    expect(feedbackDueAt(new Date('2026-11-27T10:00:00Z'), 2, DEFAULT_WORKING_CALENDAR).toISOString()).toBe(
      '2026-12-01T17:00:00.000Z',
    );
    const withHoliday = { ...DEFAULT_WORKING_CALENDAR, holidays: ['2026-11-30'] };
    expect(feedbackDueAt(new Date('2026-11-27T10:00:00Z'), 2, withHoliday).toISOString()).toBe(
      '2026-12-02T17:00:00.000Z',
    );
  });

  it('promises an applicant an answer by the end of the fifth working day after applying', () => {
    expect(SCREENING_ANSWER_WORKING_DAYS).toBe(5);
    // Applied Wednesday 2 December 2026: Thu, Fri, Mon, Tue, Wed → the end of Wednesday 9 December.
    expect(screeningAnswerDueAt(new Date('2026-12-02T12:00:00Z'), DEFAULT_WORKING_CALENDAR).toISOString()).toBe(
      '2026-12-09T17:00:00.000Z',
    );
  });

  it('is overdue only once the due time has passed', () => {
    expect(isOverdue(new Date('2026-11-27T11:59:59Z'), now)).toBe(true);
    expect(isOverdue(new Date('2026-11-27T12:00:01Z'), now)).toBe(false);
    expect(isOverdue(null, now)).toBe(false);
  });
});

describe('job pipeline', () => {
  it('trims stage names and keeps their order', () => {
    expect(normalizePipeline([' Phone screen ', 'Technical', 'Final'])).toEqual(['Phone screen', 'Technical', 'Final']);
  });

  it.each([
    [[], 'at least one stage'],
    [['Screen', '  '], 'stage 2 has no name'],
    [['Technical', 'technical'], 'appears more than once'],
    [Array.from({ length: 13 }, (_, i) => `Stage ${i}`), 'at most 12'],
  ])('refuses %j', (names, reason) => {
    try {
      normalizePipeline(names);
      throw new Error('accepted an invalid pipeline');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(ErrorCode.ValidationFailed);
      expect((error as DomainError).details?.[0].field).toBe('pipeline');
      expect((error as DomainError).message).toContain(reason);
    }
  });
});
