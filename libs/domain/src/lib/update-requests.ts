import { CandidateUpdateKind, ErrorCode, UPDATE_REQUEST_INTERVAL_DAYS } from '@heardback/contracts';
import { DomainError, fieldError } from './domain-error';
import { WorkingCalendar, endOfWorkingDaysAfter } from './working-hours';

const DAY = 86_400_000;

/** A candidate may ask for an update once every three days per application. */
export function nextUpdateRequestAllowedAt(lastRequestedAt: Date | null): Date | null {
  return lastRequestedAt ? new Date(lastRequestedAt.getTime() + UPDATE_REQUEST_INTERVAL_DAYS * DAY) : null;
}

export function assertUpdateRequestAllowed(
  lastRequestedAt: Date | null,
  now: Date,
  formatTime: (at: Date) => string,
): void {
  const allowedFrom = nextUpdateRequestAllowedAt(lastRequestedAt);
  if (allowedFrom && allowedFrom.getTime() > now.getTime() && lastRequestedAt) {
    throw new DomainError(
      ErrorCode.TooManyRequests,
      `You asked for an update on ${formatTime(lastRequestedAt)}; your recruiter is answering it. You can ask again from ${formatTime(allowedFrom)}.`,
    );
  }
}

/** A request for an update is answered by the end of the agency's next working day. */
export const UPDATE_REQUEST_ANSWER_WORKING_DAYS = 1;

/** When the answer to a request for an update is due, counted like every promise, in working days. */
export function updateRequestAnswerDueAt(requestedAt: Date, calendar: WorkingCalendar): Date {
  return endOfWorkingDaysAfter(requestedAt, UPDATE_REQUEST_ANSWER_WORKING_DAYS, calendar);
}

/** Whole days since the candidate last heard from the agency. */
export function daysSilent(lastHeardAt: Date, now: Date): number {
  return Math.floor((now.getTime() - lastHeardAt.getTime()) / DAY);
}

/**
 * A week without a word from the agency is when a candidate starts to wonder: the waiting list
 * marks it and the attention list asks the recruiter for an update.
 */
export const LONG_SILENCE_DAYS = 7;

export function isLongSilence(daysSilentSoFar: number): boolean {
  return daysSilentSoFar >= LONG_SILENCE_DAYS;
}

/**
 * Before the week is up a silence is already late: the agency promises a word at least every
 * MAX_SILENCE_WORKING_DAYS (3) working days, so three calendar days without news is when the
 * waiting list starts to warn.
 */
export const LATE_SILENCE_DAYS = 3;

/** How a silence reads on the waiting list: heard today, quiet, late, or long (a week or more). */
export enum SilenceLevel {
  HeardToday = 'heard-today',
  Quiet = 'quiet',
  Late = 'late',
  Long = 'long',
}

/** `long` is the API's `isLongSilence` verdict, passed in so the week is counted in one place. */
export function silenceLevel(daysSilentSoFar: number, long: boolean): SilenceLevel {
  if (long) {
    return SilenceLevel.Long;
  }
  if (daysSilentSoFar <= 0) {
    return SilenceLevel.HeardToday;
  }
  return daysSilentSoFar >= LATE_SILENCE_DAYS ? SilenceLevel.Late : SilenceLevel.Quiet;
}

/** Only another offer has a deadline (the date the candidate must answer it by). */
export function assertUpdateDeadline(kind: CandidateUpdateKind, deadline: Date | null): void {
  if (deadline && kind !== CandidateUpdateKind.OtherOffer) {
    throw fieldError('deadline', 'is only for another offer');
  }
}

/** A decision date ("I will move on after …") lies ahead; null clears it. */
export function assertDecisionDate(decisionDate: Date | null, now: Date): void {
  if (decisionDate && decisionDate.getTime() <= now.getTime()) {
    throw fieldError('decisionDate', 'must be in the future');
  }
}
