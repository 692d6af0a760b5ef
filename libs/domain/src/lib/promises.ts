import {
  ApplicationStatus,
  ErrorCode,
  FeedbackDecision,
  PromiseKind,
  StageState,
  UserRole,
} from '@heardback/contracts';
import { PROMISE_MAX_WORKING_DAYS_AHEAD, PROMISE_SENTENCE_MAX_LENGTH } from '@heardback/contracts';
import { ApplicationFacts, StageFacts, currentStage, effectiveStageState, isOpen } from './application-facts';
import { DomainError, fieldError } from './domain-error';
import { WorkingCalendar, addWorkingHours, endOfWorkingDaysAfter } from './working-hours';

/**
 * Issue 9, items 2–4: in every open state the agency has promised the candidate a date by which
 * they hear about what comes next. The promise follows the application's facts (what is owed
 * and by when), people may move it (with a sentence, a limited number of times), and when nobody
 * acts by the date the agency's rules speak for them and set the next one.
 */

/** Through a stage, the next not booked yet: the candidate hears when it is within this many working days. */
export const NEXT_STEP_WORKING_DAYS = 3;
/** An offer with no reply-by date given asks for a reply within this many working days. */
export const OFFER_REPLY_WORKING_DAYS = 5;
/** When a promise lapses with nobody acting, the next date is this many working days on. */
export const AUTOMATIC_UPDATE_WORKING_DAYS = 2;
/** The longest a candidate with an open application goes without hearing from the agency, in working days. */
export const MAX_SILENCE_WORKING_DAYS = 3;
/** A date a person gives is at least this far off: one nearer would lapse before anyone could keep it. */
export const PROMISE_MIN_NOTICE_MINUTES = 60;
/** A recruiter may move one promise this many times; after that only staff can (their move is the approval). */
export const REDATINGS_BEFORE_STAFF = 2;

/** The agency's configurable promise rules (environment variables, checked at boot; ADR 0016). */
export interface PromiseRules {
  maxSilenceWorkingDays: number;
  automaticUpdateWorkingDays: number;
  redatingsBeforeStaff: number;
}

export const DEFAULT_PROMISE_RULES: Readonly<PromiseRules> = Object.freeze({
  maxSilenceWorkingDays: MAX_SILENCE_WORKING_DAYS,
  automaticUpdateWorkingDays: AUTOMATIC_UPDATE_WORKING_DAYS,
  redatingsBeforeStaff: REDATINGS_BEFORE_STAFF,
});

/** What the rules need, beyond the stages, to say what is owed. */
export interface PromiseFacts extends ApplicationFacts {
  appliedAt: Date;
  screeningWithinWorkingDays: number;
  /** The current stage's answer date (its feedback deadline), once it is booked. */
  currentStageAnswerDueAt: Date | null;
  /** When the agency last decided on this application (the newest feedback), or null. */
  lastDecisionAt: Date | null;
  /** The date a held current stage's candidate hears again. */
  holdUntil: Date | null;
  /** The answer date of the candidate's open request for an update, if one waits. */
  updateRequestAnswerDueAt: Date | null;
  offerReplyBy: Date | null;
}

export interface PromiseTerms {
  kind: PromiseKind;
  stageId: string | null;
  dueAt: Date;
}

/** What the agency owes the candidate now and by when; null once the application is closed. */
export function promiseOwed(facts: PromiseFacts, now: Date, calendar: WorkingCalendar): PromiseTerms | null {
  if (!isOpen(facts.status)) return null;
  const owed = stateOwes(facts, now, calendar);
  const request = facts.updateRequestAnswerDueAt;
  // A question the candidate asked is answered first when its date comes sooner.
  if (request && (!owed || request.getTime() < owed.dueAt.getTime())) {
    return { kind: PromiseKind.UpdateRequest, stageId: null, dueAt: request };
  }
  return owed;
}

function stateOwes(facts: PromiseFacts, now: Date, calendar: WorkingCalendar): PromiseTerms | null {
  const nextStep = (stageId: string | null): PromiseTerms => ({
    kind: PromiseKind.NextStep,
    stageId,
    dueAt: endOfWorkingDaysAfter(facts.lastDecisionAt ?? facts.appliedAt, NEXT_STEP_WORKING_DAYS, calendar),
  });
  if (facts.status === ApplicationStatus.Offer) {
    // Passed every stage, the offer's terms still to write: what the agency owes is the offer itself,
    // by the next-step date. Only a written offer asks the candidate to reply.
    return facts.offerReplyBy
      ? { kind: PromiseKind.OfferReply, stageId: null, dueAt: facts.offerReplyBy }
      : nextStep(null);
  }
  const stage = currentStage(facts);
  if (!stage) return nextStep(null);
  switch (effectiveStageState(stage, now)) {
    case StageState.Pending:
      return facts.status === ApplicationStatus.Applied
        ? {
            kind: PromiseKind.Screening,
            stageId: null,
            dueAt: endOfWorkingDaysAfter(facts.appliedAt, facts.screeningWithinWorkingDays, calendar),
          }
        : nextStep(stage.id);
    case StageState.Scheduled:
    case StageState.AwaitingFeedback:
      return facts.currentStageAnswerDueAt
        ? { kind: PromiseKind.Answer, stageId: stage.id, dueAt: facts.currentStageAnswerDueAt }
        : nextStep(stage.id);
    case StageState.FeedbackRecorded:
      if (stage.currentDecision === FeedbackDecision.Hold && facts.holdUntil) {
        return { kind: PromiseKind.Hold, stageId: stage.id, dueAt: facts.holdUntil };
      }
      return nextStep(stage.id);
    case StageState.Skipped:
      return nextStep(stage.id);
  }
}

/** The promise as stored: what it is about, its date, and how it came to have that date. */
export interface StoredPromise extends PromiseTerms {
  madeBy: string | null;
  automatic: boolean;
  redatings: number;
}

/** Whether the stored promise still stands, must give way to the facts, or is about something else now. */
export type PromiseSettlement = 'stands' | 'superseded' | 'kept';

/**
 * A promise about the same thing keeps its date once a person or the rules moved it (a moved date
 * is the one the candidate was told); a first date follows the facts (an interview moved to a later
 * day moves its answer). A promise about something else means the agency acted: the old one was kept.
 */
export function settlePromise(stored: StoredPromise, owed: PromiseTerms): PromiseSettlement {
  // The candidate's own question comes first for a while: it sets the promise aside, it does not keep it.
  if (owed.kind === PromiseKind.UpdateRequest && stored.kind !== PromiseKind.UpdateRequest) return 'superseded';
  if (stored.kind !== owed.kind || stored.stageId !== owed.stageId) return 'kept';
  const moved = stored.madeBy !== null || stored.automatic;
  if (moved || stored.dueAt.getTime() === owed.dueAt.getTime()) return 'stands';
  return 'superseded';
}

/**
 * A lapsed answer or request for an update already chases its owner (the feedback reminder at the
 * due time, the overdue-request reminder): the promise's lapse does not mail them a second time.
 */
export function lapseChasesOwner(kind: PromiseKind): boolean {
  return kind !== PromiseKind.Answer && kind !== PromiseKind.UpdateRequest;
}

/**
 * A promise opened from the facts whose date has already gone (the answer date of an interview
 * recorded late; a screening date that passed while the candidate's own question came first) is
 * never made in the past: the rules give the next date, as when a promise lapses.
 */
export function promiseToOpen(
  owed: PromiseTerms,
  now: Date,
  calendar: WorkingCalendar,
  rules: PromiseRules = DEFAULT_PROMISE_RULES,
): PromiseOpening {
  if (owed.dueAt.getTime() > now.getTime()) return { ...owed, automatic: false };
  return { ...owed, dueAt: automaticUpdateDueAt(now, calendar, rules), automatic: true };
}

/** A promise to open: its terms, and (when it carries on an earlier one) who made its date and why. */
export interface PromiseOpening extends PromiseTerms {
  automatic: boolean;
  madeBy?: string | null;
  sentence?: string | null;
  redatings?: number;
}

/**
 * After the candidate's own question is answered, the promise it set aside comes back as it was:
 * a date a person or the rules moved keeps its date, sentence and count of moves (answering a
 * question never resets the limit on moving a date); one whose date has gone meanwhile gets the
 * next date from the rules, keeping the count.
 */
export function resumeSetAside(
  setAside: StoredPromise & { sentence: string | null },
  owed: PromiseTerms,
  now: Date,
  calendar: WorkingCalendar,
  rules: PromiseRules = DEFAULT_PROMISE_RULES,
): PromiseOpening {
  const sameSubject = setAside.kind === owed.kind && setAside.stageId === owed.stageId;
  if (!sameSubject || (setAside.madeBy === null && !setAside.automatic))
    return promiseToOpen(owed, now, calendar, rules);
  if (setAside.dueAt.getTime() > now.getTime()) {
    return {
      kind: owed.kind,
      stageId: owed.stageId,
      dueAt: setAside.dueAt,
      automatic: setAside.automatic,
      madeBy: setAside.madeBy,
      sentence: setAside.sentence,
      redatings: setAside.redatings,
    };
  }
  return { ...promiseToOpen(owed, now, calendar, rules), redatings: setAside.redatings };
}

/** The date the rules set when a promise lapses with nobody acting. */
export function automaticUpdateDueAt(
  now: Date,
  calendar: WorkingCalendar,
  rules: PromiseRules = DEFAULT_PROMISE_RULES,
): Date {
  return endOfWorkingDaysAfter(now, rules.automaticUpdateWorkingDays, calendar);
}

/**
 * When the agency must say something if it has not by then: the longest silence allowed after the
 * candidate last heard from it, if that comes before the promised date (null: the date comes first).
 * `quietUntil`: the end of an interview the promise waits on. Until it has taken place the candidate
 * knows when they next hear from us, so the silence is counted from then: "no news yet on the answer
 * about your phone screen" the morning before the phone screen would be noise, not a kept promise.
 */
export function checkInDueAt(
  lastHeardAt: Date,
  promiseDueAt: Date,
  calendar: WorkingCalendar,
  rules: PromiseRules = DEFAULT_PROMISE_RULES,
  quietUntil: Date | null = null,
): Date | null {
  const dayLength = calendar.dayEndsAt - calendar.dayStartsAt;
  const silentFrom = quietUntil && quietUntil.getTime() > lastHeardAt.getTime() ? quietUntil : lastHeardAt;
  const latest = addWorkingHours(silentFrom, rules.maxSilenceWorkingDays * dayLength, calendar);
  // Even when the date follows a few hours later: the longest silence is a bound, not an average.
  return latest.getTime() < promiseDueAt.getTime() ? latest : null;
}

/** The end of the interview a promise about a stage's answer waits on, or null (any other promise). */
export function interviewAwaited(facts: ApplicationFacts, terms: Pick<PromiseTerms, 'kind' | 'stageId'>): Date | null {
  if (terms.kind !== PromiseKind.Answer || terms.stageId === null) return null;
  return stageInterviewEnd(facts.stages.find((each) => each.id === terms.stageId) ?? null);
}

/** When a stage's interview ends, unless it was marked as held (then nothing is awaited). */
export function stageInterviewEnd(stage: Pick<StageFacts, 'endsAt' | 'heldAt'> | null): Date | null {
  return stage && !stage.heldAt ? stage.endsAt : null;
}

/** How many more times this person may move the promise; null: no limit (staff). */
export function redatingsLeft(
  stored: Pick<StoredPromise, 'redatings'>,
  role: UserRole,
  rules: PromiseRules = DEFAULT_PROMISE_RULES,
): number | null {
  if (role === UserRole.Staff) return null;
  return Math.max(0, rules.redatingsBeforeStaff - stored.redatings);
}

/**
 * A person moves a promise: a date later than now and within the agency's horizon, and a sentence
 * for the candidate; a recruiter past the limit is sent to staff.
 */
export function assertRedating(
  stored: Pick<StoredPromise, 'redatings' | 'dueAt' | 'kind'>,
  request: { dueAt: Date; sentence: string; role: UserRole },
  now: Date,
  calendar: WorkingCalendar,
  rules: PromiseRules = DEFAULT_PROMISE_RULES,
): void {
  if (request.role !== UserRole.Staff && request.role !== UserRole.Recruiter) {
    throw new DomainError(ErrorCode.Forbidden, 'Only the agency can move a promised date.');
  }
  if (stored.kind === PromiseKind.UpdateRequest) {
    throw new DomainError(
      ErrorCode.InvalidTransition,
      'This date is for the answer to the candidate’s question: send them a message instead, which answers it.',
    );
  }
  if (redatingsLeft(stored, request.role, rules) === 0) {
    throw new DomainError(
      ErrorCode.RedatingNeedsStaff,
      `This date has been moved ${stored.redatings} times already: ask a member of staff to move it again.`,
    );
  }
  assertPromisedDate('dueAt', request.dueAt, now, calendar);
  if (request.dueAt.getTime() === stored.dueAt.getTime()) {
    throw fieldError('dueAt', 'is the date already promised: choose a different one');
  }
  const sentence = request.sentence.trim();
  if (sentence === '') throw fieldError('candidateMessage', 'tell the candidate why the date moves');
  if (sentence.length > PROMISE_SENTENCE_MAX_LENGTH) {
    throw fieldError('candidateMessage', `must be at most ${PROMISE_SENTENCE_MAX_LENGTH} characters`);
  }
}

/** A date promised by a person (a new date, an On hold date, a reply-by date): after now, within the horizon. */
export function assertPromisedDate(field: string, dueAt: Date, now: Date, calendar: WorkingCalendar): void {
  if (Number.isNaN(dueAt.getTime()) || dueAt.getTime() < now.getTime() + PROMISE_MIN_NOTICE_MINUTES * 60_000) {
    throw fieldError(field, `must be at least ${PROMISE_MIN_NOTICE_MINUTES} minutes from now`);
  }
  const latest = endOfWorkingDaysAfter(now, PROMISE_MAX_WORKING_DAYS_AHEAD, calendar);
  if (dueAt.getTime() > latest.getTime()) {
    throw fieldError(field, `must be within ${PROMISE_MAX_WORKING_DAYS_AHEAD} working days`);
  }
}

/** A hold must say when the candidate hears again; any other decision carries no such date. */
export function holdUntilFor(
  decision: FeedbackDecision,
  holdUntil: Date | null,
  now: Date,
  calendar: WorkingCalendar,
): Date | null {
  if (decision !== FeedbackDecision.Hold) return null;
  if (!holdUntil) throw fieldError('holdUntil', 'say by when the candidate hears from you again');
  assertPromisedDate('holdUntil', holdUntil, now, calendar);
  return holdUntil;
}

/** The first date of an offer's reply when the recruiter gives none. */
export function defaultOfferReplyBy(now: Date, calendar: WorkingCalendar): Date {
  return endOfWorkingDaysAfter(now, OFFER_REPLY_WORKING_DAYS, calendar);
}
