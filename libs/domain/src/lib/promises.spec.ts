import {
  ApplicationStatus,
  ErrorCode,
  FeedbackDecision,
  PromiseKind,
  StageState,
  UserRole,
} from '@heardback/contracts';
import { StageFacts } from './application-facts';
import {
  PromiseFacts,
  REDATINGS_BEFORE_STAFF,
  StoredPromise,
  assertPromisedDate,
  assertRedating,
  automaticUpdateDueAt,
  checkInDueAt,
  interviewAwaited,
  holdUntilFor,
  lapseChasesOwner,
  promiseToOpen,
  resumeSetAside,
  promiseOwed,
  redatingsLeft,
  settlePromise,
} from './promises';
import { DEFAULT_WORKING_CALENDAR } from './working-hours';

const london = DEFAULT_WORKING_CALENDAR;
const at = (iso: string) => new Date(iso);
// Monday 7 December 2026, 10:00 in London (GMT).
const monday = at('2026-12-07T10:00:00Z');

function stage(overrides: Partial<StageFacts> = {}): StageFacts {
  return {
    id: 's1',
    name: 'Phone screen',
    position: 1,
    state: StageState.Pending,
    startsAt: null,
    endsAt: null,
    heldAt: null,
    currentDecision: null,
    ...overrides,
  };
}

function facts(overrides: Partial<PromiseFacts> = {}): PromiseFacts {
  return {
    status: ApplicationStatus.Applied,
    currentStageId: 's1',
    stages: [stage(), stage({ id: 's2', name: 'Final', position: 2 })],
    appliedAt: monday,
    screeningWithinWorkingDays: 5,
    currentStageAnswerDueAt: null,
    lastDecisionAt: null,
    holdUntil: null,
    updateRequestAnswerDueAt: null,
    offerReplyBy: null,
    ...overrides,
  };
}

describe('the promise owed in each state', () => {
  it("promises an applicant whether they move forward by the end of the job's screening days, not an interview", () => {
    expect(promiseOwed(facts(), monday, london)).toEqual({
      kind: PromiseKind.Screening,
      stageId: null,
      // Five working days after Monday: the end of Monday 14 December.
      dueAt: at('2026-12-14T17:00:00Z'),
    });
    expect(promiseOwed(facts({ screeningWithinWorkingDays: 1 }), monday, london)?.dueAt).toEqual(
      at('2026-12-08T17:00:00Z'),
    );
  });

  it('promises the answer date once an interview is booked, and still after it', () => {
    const booked = facts({
      status: ApplicationStatus.Screening,
      stages: [stage({ state: StageState.Scheduled, startsAt: monday, endsAt: at('2026-12-07T11:00:00Z') })],
      currentStageAnswerDueAt: at('2026-12-09T17:00:00Z'),
    });
    expect(promiseOwed(booked, monday, london)).toEqual({
      kind: PromiseKind.Answer,
      stageId: 's1',
      dueAt: at('2026-12-09T17:00:00Z'),
    });
    expect(promiseOwed(booked, at('2026-12-08T12:00:00Z'), london)?.kind).toBe(PromiseKind.Answer);
  });

  it('promises the date the recruiter gave while a stage is on hold', () => {
    const held = facts({
      status: ApplicationStatus.Screening,
      stages: [stage({ state: StageState.FeedbackRecorded, currentDecision: FeedbackDecision.Hold, heldAt: monday })],
      holdUntil: at('2026-12-16T17:00:00Z'),
      lastDecisionAt: monday,
    });
    expect(promiseOwed(held, monday, london)).toEqual({
      kind: PromiseKind.Hold,
      stageId: 's1',
      dueAt: at('2026-12-16T17:00:00Z'),
    });
  });

  it('promises when the next interview is, three working days after the last decision', () => {
    const through = facts({
      status: ApplicationStatus.Interviewing,
      currentStageId: 's2',
      stages: [
        stage({ state: StageState.FeedbackRecorded, currentDecision: FeedbackDecision.Advance }),
        stage({ id: 's2', name: 'Final', position: 2 }),
      ],
      lastDecisionAt: at('2026-12-10T15:00:00Z'),
    });
    // Thursday's decision: three working days are Friday, Monday and Tuesday.
    expect(promiseOwed(through, monday, london)).toEqual({
      kind: PromiseKind.NextStep,
      stageId: 's2',
      dueAt: at('2026-12-15T17:00:00Z'),
    });
  });

  it('asks for a reply to an offer by its reply-by date', () => {
    const offer = facts({ status: ApplicationStatus.Offer, offerReplyBy: at('2026-12-14T17:00:00Z') });
    expect(promiseOwed(offer, monday, london)).toEqual({
      kind: PromiseKind.OfferReply,
      stageId: null,
      dueAt: at('2026-12-14T17:00:00Z'),
    });
  });

  it('promises the offer itself by the next-step date while its terms are still to write, never a reply to it', () => {
    // Passed the last stage on Monday: three working days are Tuesday, Wednesday and Thursday.
    const passed = facts({ status: ApplicationStatus.Offer, currentStageId: null, lastDecisionAt: monday });
    expect(promiseOwed(passed, monday, london)).toEqual({
      kind: PromiseKind.NextStep,
      stageId: null,
      dueAt: at('2026-12-10T17:00:00Z'),
    });
  });

  it('answers a request for an update first when its date is sooner, and not when it is later', () => {
    const sooner = facts({ updateRequestAnswerDueAt: at('2026-12-08T17:00:00Z') });
    expect(promiseOwed(sooner, monday, london)?.kind).toBe(PromiseKind.UpdateRequest);
    const later = facts({ updateRequestAnswerDueAt: at('2026-12-30T17:00:00Z') });
    expect(promiseOwed(later, monday, london)?.kind).toBe(PromiseKind.Screening);
  });

  it('owes nothing once the application is closed', () => {
    for (const status of [ApplicationStatus.Hired, ApplicationStatus.Rejected, ApplicationStatus.Withdrawn]) {
      expect(promiseOwed(facts({ status }), monday, london)).toBeNull();
    }
  });
});

describe('settling the stored promise against the facts', () => {
  const stored: StoredPromise = {
    kind: PromiseKind.Answer,
    stageId: 's1',
    dueAt: at('2026-12-09T17:00:00Z'),
    madeBy: null,
    automatic: false,
    redatings: 0,
  };

  it('keeps a promise when the agency moves on to something else', () => {
    expect(settlePromise(stored, { kind: PromiseKind.NextStep, stageId: 's2', dueAt: monday })).toBe('kept');
    expect(settlePromise(stored, { kind: PromiseKind.Answer, stageId: 's2', dueAt: stored.dueAt })).toBe('kept');
  });

  it("sets a promise aside, not kept, while the candidate's own question comes first", () => {
    expect(settlePromise(stored, { kind: PromiseKind.UpdateRequest, stageId: null, dueAt: monday })).toBe('superseded');
  });

  it('lets a first date follow the facts (a moved interview moves its answer)', () => {
    expect(settlePromise(stored, { ...stored, dueAt: at('2026-12-10T17:00:00Z') })).toBe('superseded');
    expect(settlePromise(stored, { ...stored })).toBe('stands');
  });

  it('never lets the facts overwrite a date a person or the rules moved', () => {
    const owed = { kind: PromiseKind.Answer, stageId: 's1', dueAt: at('2026-12-10T17:00:00Z') };
    expect(settlePromise({ ...stored, madeBy: 'recruiter', redatings: 1 }, owed)).toBe('stands');
    expect(settlePromise({ ...stored, automatic: true }, owed)).toBe('stands');
  });
});

describe('the rules speak when people do not', () => {
  it('sets the next date two working days on when a promise lapses on a Friday evening', () => {
    expect(automaticUpdateDueAt(at('2026-12-11T17:00:00Z'), london)).toEqual(at('2026-12-15T17:00:00Z'));
  });

  it('never opens a promise in the past: a date already gone becomes the next one the rules set', () => {
    const owed = { kind: PromiseKind.Screening, stageId: null, dueAt: at('2026-12-09T17:00:00Z') };
    expect(promiseToOpen(owed, monday, london)).toEqual({ ...owed, automatic: false });
    // Friday 11 December, after the date: two working days on is Tuesday 15th.
    expect(promiseToOpen(owed, at('2026-12-11T12:00:00Z'), london)).toEqual({
      ...owed,
      dueAt: at('2026-12-15T17:00:00Z'),
      automatic: true,
    });
  });

  it('chases the owner of a lapsed promise unless its own reminder already does', () => {
    expect(lapseChasesOwner(PromiseKind.Screening)).toBe(true);
    expect(lapseChasesOwner(PromiseKind.Hold)).toBe(true);
    expect(lapseChasesOwner(PromiseKind.Answer)).toBe(false);
    expect(lapseChasesOwner(PromiseKind.UpdateRequest)).toBe(false);
  });

  it('checks in after three working days of silence when the date is further off', () => {
    // Heard Monday 10:00; three working days (24 working hours) later is Thursday 10:00.
    expect(checkInDueAt(monday, at('2026-12-14T17:00:00Z'), london)).toEqual(at('2026-12-10T10:00:00Z'));
  });

  it('does not check in when the promised date comes first, and does when it comes even hours later', () => {
    expect(checkInDueAt(monday, at('2026-12-09T17:00:00Z'), london)).toBeNull();
    expect(checkInDueAt(monday, at('2026-12-10T10:00:00Z'), london)).toBeNull();
    // The check-in is Thursday 10:00; a date that afternoon would make the silence longer than the bound.
    expect(checkInDueAt(monday, at('2026-12-10T13:00:00Z'), london)).toEqual(at('2026-12-10T10:00:00Z'));
  });

  it('counts the silence from the end of an interview still ahead, not from the booking', () => {
    // Booked Monday 10:00 for Thursday 10:00–11:00, the answer due the next Tuesday: no "no news yet"
    // on Thursday morning before the interview; three working days after it ends, Tuesday 11:00.
    const interviewEnds = at('2026-12-10T11:00:00Z');
    const answerDue = at('2026-12-16T17:00:00Z');
    expect(checkInDueAt(monday, answerDue, london)).toEqual(at('2026-12-10T10:00:00Z'));
    expect(checkInDueAt(monday, answerDue, london, undefined, interviewEnds)).toEqual(at('2026-12-15T11:00:00Z'));
    // An interview that ended before the candidate last heard from us changes nothing.
    expect(checkInDueAt(monday, answerDue, london, undefined, at('2026-12-04T11:00:00Z'))).toEqual(
      at('2026-12-10T10:00:00Z'),
    );
    // Nor does one whose answer date comes first.
    expect(checkInDueAt(monday, at('2026-12-11T17:00:00Z'), london, undefined, interviewEnds)).toBeNull();
  });

  it('waits on the interview only for the answer about that stage, and not once it was marked held', () => {
    const ends = at('2026-12-10T11:00:00Z');
    const booked = facts({ stages: [stage({ state: StageState.Scheduled, startsAt: monday, endsAt: ends })] });
    expect(interviewAwaited(booked, { kind: PromiseKind.Answer, stageId: 's1' })).toEqual(ends);
    expect(interviewAwaited(booked, { kind: PromiseKind.NextStep, stageId: 's1' })).toBeNull();
    expect(interviewAwaited(booked, { kind: PromiseKind.Answer, stageId: 'elsewhere' })).toBeNull();
    const held = facts({ stages: [stage({ state: StageState.Scheduled, endsAt: ends, heldAt: monday })] });
    expect(interviewAwaited(held, { kind: PromiseKind.Answer, stageId: 's1' })).toBeNull();
  });

  it('brings a promise a question set aside back as it was, moves and all', () => {
    const owed = { kind: PromiseKind.Answer, stageId: 's1', dueAt: at('2026-12-09T17:00:00Z') };
    const moved = {
      ...owed,
      dueAt: at('2026-12-11T17:00:00Z'),
      madeBy: 'recruiter',
      automatic: false,
      redatings: 2,
      sentence: 'The panel meets on Friday.',
    };
    expect(resumeSetAside(moved, owed, monday, london)).toEqual({
      ...owed,
      dueAt: moved.dueAt,
      automatic: false,
      madeBy: 'recruiter',
      sentence: 'The panel meets on Friday.',
      redatings: 2,
    });
    // Its date went by while the question was open: the rules' next date, and the count of moves kept.
    expect(resumeSetAside(moved, owed, at('2026-12-14T12:00:00Z'), london)).toEqual({
      ...owed,
      dueAt: at('2026-12-16T17:00:00Z'),
      automatic: true,
      redatings: 2,
    });
    // A first date follows the facts again.
    expect(resumeSetAside({ ...moved, madeBy: null }, owed, monday, london)).toEqual({ ...owed, automatic: false });
  });

  it('counts the silence in working days across a weekend and a holiday', () => {
    const withHoliday = { ...london, holidays: ['2026-12-14'] };
    // Heard Thursday 10 Dec 15:00: Thu 2 h, Fri 8 h, Mon 14 is a holiday, Tue 8 h, Wed 6 h → Wed 15:00.
    expect(checkInDueAt(at('2026-12-10T15:00:00Z'), at('2026-12-31T17:00:00Z'), withHoliday)).toEqual(
      at('2026-12-16T15:00:00Z'),
    );
  });
});

describe('moving a promise', () => {
  const stored = { kind: PromiseKind.Answer, dueAt: at('2026-12-09T17:00:00Z'), redatings: 0 };
  const move = (overrides: Partial<{ dueAt: Date; sentence: string; role: UserRole }> = {}) => ({
    dueAt: at('2026-12-11T17:00:00Z'),
    sentence: 'The client is interviewing one more person this week.',
    role: UserRole.Recruiter,
    ...overrides,
  });

  it('accepts a later date with a sentence', () => {
    expect(() => assertRedating(stored, move(), monday, london)).not.toThrow();
  });

  it('refuses a date in the past, the same date, a date beyond the horizon and a blank sentence', () => {
    const field = (fn: () => void) => {
      try {
        fn();
      } catch (error) {
        return (error as { details?: { field: string }[] }).details?.[0]?.field;
      }
      return 'accepted';
    };
    expect(field(() => assertRedating(stored, move({ dueAt: at('2026-12-07T09:00:00Z') }), monday, london))).toBe(
      'dueAt',
    );
    expect(field(() => assertRedating(stored, move({ dueAt: stored.dueAt }), monday, london))).toBe('dueAt');
    expect(field(() => assertRedating(stored, move({ dueAt: at('2027-02-01T17:00:00Z') }), monday, london))).toBe(
      'dueAt',
    );
    expect(field(() => assertRedating(stored, move({ sentence: '   ' }), monday, london))).toBe('candidateMessage');
    expect(field(() => assertRedating(stored, move({ sentence: 'x'.repeat(1001) }), monday, london))).toBe(
      'candidateMessage',
    );
  });

  it(`lets a recruiter move it ${REDATINGS_BEFORE_STAFF} times, then only staff`, () => {
    expect(redatingsLeft({ redatings: 0 }, UserRole.Recruiter)).toBe(REDATINGS_BEFORE_STAFF);
    const used = { ...stored, redatings: REDATINGS_BEFORE_STAFF };
    expect(redatingsLeft(used, UserRole.Recruiter)).toBe(0);
    expect(() => assertRedating(used, move(), monday, london)).toThrow(
      expect.objectContaining({ code: ErrorCode.RedatingNeedsStaff }),
    );
    expect(redatingsLeft(used, UserRole.Staff)).toBeNull();
    expect(() => assertRedating(used, move({ role: UserRole.Staff }), monday, london)).not.toThrow();
  });

  it('sends a recruiter to answer a question instead of moving its date', () => {
    expect(() => assertRedating({ ...stored, kind: PromiseKind.UpdateRequest }, move(), monday, london)).toThrow(
      expect.objectContaining({ code: ErrorCode.InvalidTransition }),
    );
  });

  it('refuses a date so near it would lapse before anyone could keep it', () => {
    expect(() => assertPromisedDate('dueAt', at('2026-12-07T10:30:00Z'), monday, london)).toThrow(/60 minutes/);
    expect(() => assertPromisedDate('dueAt', at('2026-12-07T11:00:00Z'), monday, london)).not.toThrow();
  });

  it('never lets a candidate move it', () => {
    expect(() => assertRedating(stored, move({ role: UserRole.Candidate }), monday, london)).toThrow(
      expect.objectContaining({ code: ErrorCode.Forbidden }),
    );
  });

  it('makes a hold say when the candidate hears again, and drops the date from any other decision', () => {
    expect(() => holdUntilFor(FeedbackDecision.Hold, null, monday, london)).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ field: 'holdUntil' })] }),
    );
    const friday = at('2026-12-11T17:00:00Z');
    expect(holdUntilFor(FeedbackDecision.Hold, friday, monday, london)).toEqual(friday);
    expect(holdUntilFor(FeedbackDecision.Advance, friday, monday, london)).toBeNull();
  });

  it('accepts an On hold date within twenty working days and not beyond', () => {
    expect(() => assertPromisedDate('holdUntil', at('2027-01-04T17:00:00Z'), monday, london)).not.toThrow();
    expect(() => assertPromisedDate('holdUntil', at('2027-01-06T17:00:00Z'), monday, london)).toThrow();
  });
});
