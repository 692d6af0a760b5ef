import { DeadlineAlertKind, alertIsSuperseded, alertTime, alertsDue, secondEscalationTime } from './deadline-alerts';
import { WorkingCalendar } from './working-hours';

/**
 * Issue 13: a client interviewer who has not answered through their review link is chased on the
 * recruiters' ladder (ADR 0032): reminded a day before and at the due time (each with a fresh link),
 * the stage's owner told a working day after the due time, and the client's account owner a working
 * day after that escalation if the interviewer is still silent. Only the recipients differ from the
 * recruiters' ladder, so the times are the same functions.
 */
export interface ClientLadderState {
  /** When the stage's feedback is due (the candidate's promise). */
  dueAt: Date;
  /** When the owner was told this interviewer is silent, for this due time; null: not yet. */
  escalatedAt: Date | null;
  /** The steps already taken for this interviewer and due time. */
  fired: readonly DeadlineAlertKind[];
  /** When the interviewer's live link was emailed (the first request, or the last reminder's). */
  linkSentAt: Date;
}

export interface ClientAlertStep {
  kind: DeadlineAlertKind;
  /** False: recorded as done but not sent, because a later step has also fallen due (alertIsSuperseded). */
  send: boolean;
}

/** The steps of a client interviewer's ladder to take now, in the order they fall due. */
export function clientAlertsDue(state: ClientLadderState, now: Date, calendar: WorkingCalendar): ClientAlertStep[] {
  const due: DeadlineAlertKind[] = alertsDue(state.dueAt, now, calendar);
  if (state.escalatedAt && secondEscalationTime(state.escalatedAt, calendar).getTime() <= now.getTime()) {
    due.push(DeadlineAlertKind.SecondEscalation);
  }
  return due
    .filter((kind) => !state.fired.includes(kind))
    .map((kind) => ({ kind, send: !alertIsSuperseded(kind, due) && !linkSentSince(kind, state, calendar) }));
}

/**
 * A reminder whose time had come by the moment the live link was emailed is that email: an interview
 * that ends within a day of its due time gets its link once, not the link and at once a fresh one.
 */
function linkSentSince(kind: DeadlineAlertKind, state: ClientLadderState, calendar: WorkingCalendar): boolean {
  if (kind !== DeadlineAlertKind.ReminderBeforeDue && kind !== DeadlineAlertKind.ReminderAtDue) return false;
  return alertTime(kind, state.dueAt, calendar).getTime() <= state.linkSentAt.getTime();
}
