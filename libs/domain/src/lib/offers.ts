import { DeadlineAlertKind, DueTimeAlertKind, alertTime } from './deadline-alerts';
import { fieldError } from './domain-error';
import { NAMED_DATE_YEARS, OUTSIDE_NAMED_DATE_YEARS, calendarDateIn } from './time-zones';
import { WorkingCalendar } from './working-hours';

/**
 * Issue 10, item 7: the rules of an offer beyond its state machine (which lives in
 * application-transitions.ts): what its terms may say, and how a reply-by date that passes is
 * followed up, on the same working-day ladder as overdue feedback (ADR 0020).
 */

/** A start date is a calendar date from today on, in the agency's zone, within the years we keep. */
export function assertOfferStartDate(startDate: string, now: Date, timeZone: string): void {
  const today = calendarDateIn(now, timeZone);
  if (startDate < today) throw fieldError('startDate', `must be today (${today}) or later`);
  if (Number(startDate.slice(0, 4)) > NAMED_DATE_YEARS.last) {
    throw fieldError('startDate', OUTSIDE_NAMED_DATE_YEARS);
  }
}

/**
 * The follow-ups of a reply-by date that passed with no answer: at the date the owning recruiter
 * is alerted and the candidate gets one polite nudge; a working day later, staff are told.
 */
export const OFFER_REPLY_LADDER: readonly DueTimeAlertKind[] = Object.freeze([
  DeadlineAlertKind.ReminderAtDue,
  DeadlineAlertKind.Escalation,
]);

export type OfferReplyAlertKind = 'offer_reply_passed' | 'offer_reply_escalated';

const ALERT_OF: Record<DueTimeAlertKind, OfferReplyAlertKind> = {
  [DeadlineAlertKind.ReminderBeforeDue]: 'offer_reply_passed',
  [DeadlineAlertKind.ReminderAtDue]: 'offer_reply_passed',
  [DeadlineAlertKind.Escalation]: 'offer_reply_escalated',
};

/** Every follow-up whose time has come for a reply due at `replyBy`, in the order they fall due. */
export function offerReplyAlertsDue(replyBy: Date, now: Date, calendar: WorkingCalendar): OfferReplyAlertKind[] {
  return OFFER_REPLY_LADDER.filter((kind) => alertTime(kind, replyBy, calendar).getTime() <= now.getTime()).map(
    (kind) => ALERT_OF[kind],
  );
}
