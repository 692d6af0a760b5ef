import { ApplicationStatus, ErrorCode, FeedbackDecision, OfferAnswer, StageState } from '@heardback/contracts';
import { ApplicationFacts, StageFacts } from './application-facts';
import {
  assertNoFeedbackMissing,
  planFeedback,
  planHire,
  HIRE_BEFORE_TERMS,
  planOffer,
  planOfferAnswer,
  planReject,
  planSchedule,
  interviewSlotProblem,
  interviewUnchanged,
  planWithdraw,
  stagesAnOfferSkips,
} from './application-transitions';
import { DomainError } from './domain-error';

const now = new Date('2026-11-27T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
const hoursAhead = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

function stage(position: number, overrides: Partial<StageFacts> = {}): StageFacts {
  return {
    id: `s${position}`,
    name: ['Phone screen', 'Technical', 'Final'][position] ?? `Stage ${position}`,
    position,
    state: StageState.Pending,
    startsAt: null,
    endsAt: null,
    heldAt: null,
    currentDecision: null,
    ...overrides,
  };
}

function application(status: ApplicationStatus, currentStageId: string | null, stages: StageFacts[]): ApplicationFacts {
  return { status, currentStageId, stages, offerReplyBy: null };
}

function fieldsOf(action: () => unknown): string[] | undefined {
  try {
    action();
  } catch (error) {
    return (error as DomainError).details?.map((detail) => detail.field);
  }
  return undefined;
}

function codeOf(action: () => unknown): ErrorCode | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

const interviewed = stage(0, { state: StageState.Scheduled, startsAt: hoursAgo(3), endsAt: hoursAgo(2) });
const heldWithoutSchedule = stage(0, { heldAt: hoursAgo(1) });
const upcoming = stage(0, { state: StageState.Scheduled, startsAt: hoursAhead(2), endsAt: hoursAhead(3) });

describe('no stage passes without feedback', () => {
  const withoutFeedback = application(ApplicationStatus.Screening, 's0', [interviewed, stage(1), stage(2)]);

  it('refuses to reject after an interview that has no feedback', () => {
    expect(codeOf(() => planReject(withoutFeedback, 'Thank you for your time.', now))).toBe(ErrorCode.FeedbackRequired);
  });

  it('refuses to make an offer after an interview that has no feedback', () => {
    expect(codeOf(() => planOffer(withoutFeedback, now))).toBe(ErrorCode.FeedbackRequired);
  });

  it('refuses to hire while an earlier interview has no feedback', () => {
    const offered = application(ApplicationStatus.Offer, 's0', [interviewed]);
    expect(codeOf(() => planHire(offered, now, true))).toBe(ErrorCode.FeedbackRequired);
  });

  it('refuses to hire on an offer whose terms are not written yet, and hires once they are', () => {
    const passedLastStage = application(ApplicationStatus.Offer, null, [
      { ...interviewed, currentDecision: FeedbackDecision.Advance },
    ]);
    expect(() => planHire(passedLastStage, now, false)).toThrow(HIRE_BEFORE_TERMS);
    expect(codeOf(() => planHire(passedLastStage, now, false))).toBe(ErrorCode.InvalidTransition);
    expect(() => planHire(passedLastStage, now, true)).not.toThrow();
  });

  it('says the feedback owed before the offer still to write', () => {
    const owing = application(ApplicationStatus.Offer, null, [interviewed]);
    expect(codeOf(() => planHire(owing, now, false))).toBe(ErrorCode.FeedbackRequired);
  });

  it('treats a stage marked held as taken place even without a schedule', () => {
    const held = application(ApplicationStatus.Screening, 's0', [heldWithoutSchedule, stage(1)]);
    expect(codeOf(() => planOffer(held, now))).toBe(ErrorCode.FeedbackRequired);
  });

  it('names every stage that is missing feedback', () => {
    const two = application(ApplicationStatus.Interviewing, 's1', [
      interviewed,
      stage(1, { state: StageState.Scheduled, startsAt: hoursAgo(2), endsAt: hoursAgo(1) }),
    ]);
    expect(() => assertNoFeedbackMissing(two, now)).toThrow(/"Phone screen", "Technical"/);
  });

  it('lets an application move on before an interview has taken place', () => {
    const notYet = application(ApplicationStatus.Screening, 's0', [upcoming, stage(1)]);
    expect(codeOf(() => planReject(notYet, 'The role was filled internally.', now))).toBeUndefined();
    expect(planOffer(notYet, now).skippedStages.map((s) => s.id)).toEqual(['s0', 's1']);
  });

  it('counts an interview as taken place the moment it ends', () => {
    const endingNow = application(ApplicationStatus.Screening, 's0', [stage(0, { endsAt: now })]);
    expect(codeOf(() => planOffer(endingNow, now))).toBe(ErrorCode.FeedbackRequired);
  });
});

describe('recording feedback', () => {
  it('advances to the next stage and shows the candidate as interviewing', () => {
    const plan = planFeedback(
      application(ApplicationStatus.Screening, 's0', [interviewed, stage(1)]),
      's0',
      FeedbackDecision.Advance,
      now,
    );
    expect(plan.outcome).toMatchObject({
      kind: 'next_stage',
      nextStage: { id: 's1' },
      status: ApplicationStatus.Interviewing,
    });
    expect(plan.correction).toBe(false);
  });

  it('moves to offer after the last stage', () => {
    const last = stage(1, { state: StageState.Scheduled, startsAt: hoursAgo(2), endsAt: hoursAgo(1) });
    const app = application(ApplicationStatus.Interviewing, 's1', [
      stage(0, { currentDecision: FeedbackDecision.Advance, heldAt: hoursAgo(30) }),
      last,
    ]);
    expect(planFeedback(app, 's1', FeedbackDecision.Advance, now).outcome.kind).toBe('offer');
  });

  it('skips stages marked skipped when advancing', () => {
    const app = application(ApplicationStatus.Screening, 's0', [
      interviewed,
      stage(1, { state: StageState.Skipped }),
      stage(2),
    ]);
    const plan = planFeedback(app, 's0', FeedbackDecision.Advance, now);
    expect(plan.outcome).toMatchObject({ kind: 'next_stage', nextStage: { id: 's2' } });
  });

  it('closes the application on reject', () => {
    const plan = planFeedback(
      application(ApplicationStatus.Screening, 's0', [interviewed]),
      's0',
      FeedbackDecision.Reject,
      now,
    );
    expect(plan.outcome).toMatchObject({ kind: 'rejected', status: ApplicationStatus.Rejected });
  });

  it('keeps the application where it is on hold, and lets a later decision replace the hold', () => {
    const app = application(ApplicationStatus.Screening, 's0', [interviewed, stage(1)]);
    expect(planFeedback(app, 's0', FeedbackDecision.Hold, now).outcome.kind).toBe('on_hold');
    const onHold = application(ApplicationStatus.Screening, 's0', [
      { ...interviewed, currentDecision: FeedbackDecision.Hold },
      stage(1),
    ]);
    const decided = planFeedback(onHold, 's0', FeedbackDecision.Advance, now);
    expect(decided.correction).toBe(true);
    expect(decided.outcome.kind).toBe('next_stage');
  });

  it('refuses a second decision on a stage already decided', () => {
    const decided = application(ApplicationStatus.Screening, 's0', [
      { ...interviewed, currentDecision: FeedbackDecision.Advance },
    ]);
    expect(codeOf(() => planFeedback(decided, 's0', FeedbackDecision.Reject, now))).toBe(
      ErrorCode.FeedbackAlreadyRecorded,
    );
  });

  it('refuses feedback on a stage that is not the current one', () => {
    const app = application(ApplicationStatus.Screening, 's0', [interviewed, stage(1)]);
    expect(codeOf(() => planFeedback(app, 's1', FeedbackDecision.Advance, now))).toBe(ErrorCode.StageNotCurrent);
  });

  it('refuses feedback on a closed application', () => {
    const closed = application(ApplicationStatus.Withdrawn, 's0', [interviewed]);
    expect(codeOf(() => planFeedback(closed, 's0', FeedbackDecision.Advance, now))).toBe(ErrorCode.InvalidTransition);
  });

  it('refuses to advance past the current stage while an earlier interview lacks feedback', () => {
    // A stage reopened by hand (e.g. after a data fix) must not be jumped over.
    const app = application(ApplicationStatus.Interviewing, 's1', [
      interviewed,
      stage(1, { heldAt: hoursAgo(1) }),
      stage(2),
    ]);
    expect(codeOf(() => planFeedback(app, 's1', FeedbackDecision.Advance, now))).toBe(ErrorCode.FeedbackRequired);
  });
});

describe('rejection, offer, hire and withdrawal', () => {
  it('refuses a rejection without words', () => {
    const app = application(ApplicationStatus.Applied, 's0', [stage(0)]);
    expect(codeOf(() => planReject(app, '   ', now))).toBe(ErrorCode.RejectionMessageRequired);
  });

  it('refuses to hire without an offer', () => {
    expect(codeOf(() => planHire(application(ApplicationStatus.Interviewing, 's0', [stage(0)]), now, true))).toBe(
      ErrorCode.InvalidTransition,
    );
  });

  it('refuses a second offer', () => {
    expect(codeOf(() => planOffer(application(ApplicationStatus.Offer, 's0', [stage(0)]), now))).toBe(
      ErrorCode.InvalidTransition,
    );
  });

  it('says which stages an offer would skip: only those not yet held and without feedback', () => {
    const advanced = { ...interviewed, currentDecision: FeedbackDecision.Advance };
    const booked = stage(1, { state: StageState.Scheduled, startsAt: hoursAhead(2), endsAt: hoursAhead(3) });
    const dropped = stage(2, { state: StageState.Skipped });
    const app = application(ApplicationStatus.Interviewing, 's1', [advanced, booked, dropped, stage(3)]);
    expect(stagesAnOfferSkips(app, now).map((s) => s.id)).toEqual(['s1', 's3']);
  });

  it('lets a candidate withdraw an open application even while feedback is outstanding', () => {
    expect(codeOf(() => planWithdraw(application(ApplicationStatus.Screening, 's0', [interviewed])))).toBeUndefined();
  });

  it('refuses to withdraw an application that is already closed', () => {
    expect(codeOf(() => planWithdraw(application(ApplicationStatus.Rejected, 's0', [interviewed])))).toBe(
      ErrorCode.InvalidTransition,
    );
  });

  it('says in words, not in its status code, that an application closed with its job', () => {
    expect(() => planWithdraw(application(ApplicationStatus.JobClosed, 's0', [interviewed]))).toThrow(
      'Cannot withdraw: the application is already closed, because its job closed.',
    );
  });
});

describe('scheduling', () => {
  it('moves a new application to screening when its first stage is scheduled', () => {
    const app = application(ApplicationStatus.Applied, 's0', [stage(0), stage(1)]);
    expect(planSchedule(app, 's0', hoursAhead(1), hoursAhead(2), now).status).toBe(ApplicationStatus.Screening);
  });

  it('allows recording an interview after the fact', () => {
    const app = application(ApplicationStatus.Applied, 's0', [stage(0)]);
    expect(planSchedule(app, 's0', hoursAgo(3), hoursAgo(2), now).stage.id).toBe('s0');
  });

  it('refuses to move an interview that already took place into the future', () => {
    const app = application(ApplicationStatus.Screening, 's0', [interviewed]);
    expect(codeOf(() => planSchedule(app, 's0', hoursAhead(1), hoursAhead(2), now))).toBe(ErrorCode.FeedbackRequired);
  });

  it('refuses an interview that ends before it starts', () => {
    const app = application(ApplicationStatus.Applied, 's0', [stage(0)]);
    expect(codeOf(() => planSchedule(app, 's0', hoursAhead(2), hoursAhead(1), now))).toBe(ErrorCode.ValidationFailed);
  });

  it('names what is wrong with a slot at its edges: no length, twelve hours, and a millisecond more', () => {
    const start = hoursAhead(24);
    expect(interviewSlotProblem(start, start)).toBe('endBeforeStart');
    expect(interviewSlotProblem(start, hoursAhead(36))).toBeNull();
    expect(interviewSlotProblem(start, new Date(hoursAhead(36).getTime() + 1))).toBe('tooLong');
  });

  it('books an interview of up to twelve hours, an assessment day, but not an end typed on the wrong day', () => {
    const app = application(ApplicationStatus.Applied, 's0', [stage(0)]);
    expect(planSchedule(app, 's0', hoursAhead(24), hoursAhead(36), now).stage.id).toBe('s0');
    expect(() => planSchedule(app, 's0', hoursAhead(24), hoursAhead(48), now)).toThrow(
      'endsAt: must be at most 12 hours after startsAt',
    );
    // Even for an interview recorded after the fact.
    expect(fieldsOf(() => planSchedule(app, 's0', hoursAgo(30), hoursAgo(2), now))).toEqual(['endsAt']);
  });
});

describe('an unchanged reschedule', () => {
  const current = {
    startsAt: hoursAhead(24),
    endsAt: hoursAhead(25),
    location: 'Video call',
    interviewers: ['Ada', 'Grace'],
  };

  it('recognises the same slot, place and interviewers as no change', () => {
    expect(interviewUnchanged(current, { ...current, startsAt: new Date(current.startsAt.getTime()) })).toBe(true);
  });

  it('treats a new time, place or interviewer as a change', () => {
    expect(interviewUnchanged(current, { ...current, endsAt: hoursAhead(26) })).toBe(false);
    expect(interviewUnchanged(current, { ...current, location: 'Office' })).toBe(false);
    expect(interviewUnchanged(current, { ...current, interviewers: ['Ada'] })).toBe(false);
    expect(interviewUnchanged(current, { ...current, interviewers: ['Grace', 'Ada'] })).toBe(false);
  });

  it('treats picking other client interviewers as a change, and their order as none', () => {
    const picked = { ...current, clientInterviewerIds: ['c1', 'c2'] };
    expect(interviewUnchanged(picked, { ...picked, clientInterviewerIds: ['c2', 'c1'] })).toBe(true);
    expect(interviewUnchanged(picked, { ...picked, clientInterviewerIds: ['c1'] })).toBe(false);
    expect(interviewUnchanged(picked, { ...picked, clientInterviewerIds: ['c1', 'c3'] })).toBe(false);
    expect(interviewUnchanged(current, { ...current, clientInterviewerIds: ['c1'] })).toBe(false);
    expect(interviewUnchanged(picked, { ...current })).toBe(false);
  });

  it('treats scheduling a stage that has no slot yet as a change', () => {
    const unscheduled = { startsAt: null, endsAt: null, location: null, interviewers: [] };
    expect(interviewUnchanged(unscheduled, { ...unscheduled })).toBe(false);
  });
});

describe('answering an offer (ADR 0020)', () => {
  const atOffer = application(ApplicationStatus.Offer, null, [stage(0, { currentDecision: FeedbackDecision.Advance })]);
  const open = { answer: null };

  it('hires the candidate who accepts, and closes as withdrawn for one who declines', () => {
    expect(planOfferAnswer(atOffer, open, OfferAnswer.Accepted).status).toBe(ApplicationStatus.Hired);
    expect(planOfferAnswer(atOffer, open, OfferAnswer.Declined).status).toBe(ApplicationStatus.Withdrawn);
  });

  it('refuses a second answer to the same offer', () => {
    const hired = application(ApplicationStatus.Hired, null, atOffer.stages);
    const error = (() => {
      try {
        planOfferAnswer(hired, { answer: OfferAnswer.Accepted }, OfferAnswer.Accepted);
      } catch (caught) {
        return caught as DomainError;
      }
      return undefined;
    })();
    expect(error?.code).toBe(ErrorCode.InvalidTransition);
    expect(error?.message).toMatch(/already answered/);
  });

  it('refuses an answer while the terms are not written yet, or once the application has closed', () => {
    expect(codeOf(() => planOfferAnswer(atOffer, null, OfferAnswer.Accepted))).toBe(ErrorCode.InvalidTransition);
    const interviewing = application(ApplicationStatus.Interviewing, 's0', [stage(0)]);
    expect(codeOf(() => planOfferAnswer(interviewing, null, OfferAnswer.Declined))).toBe(ErrorCode.InvalidTransition);
    const rejected = application(ApplicationStatus.Rejected, null, atOffer.stages);
    expect(codeOf(() => planOfferAnswer(rejected, { answer: null }, OfferAnswer.Accepted))).toBe(
      ErrorCode.InvalidTransition,
    );
  });

  it('lets the recruiter write the terms of an offer the last stage announced, once', () => {
    expect(codeOf(() => planOffer(atOffer, now, true))).toBeUndefined();
    expect(codeOf(() => planOffer(atOffer, now))).toBe(ErrorCode.InvalidTransition);
  });
});
