/**
 * Rule 2 of the design: feedback is due on time. A recruiter is reminded a day before feedback
 * is due and again when it falls due; a day after, agency staff are told (escalation).
 */
export enum DeadlineAlertKind {
  ReminderBeforeDue = 'reminder_before_due',
  ReminderAtDue = 'reminder_at_due',
  Escalation = 'escalation',
}

const HOUR = 3_600_000;
/** The first reminder goes this long before feedback is due: nothing is sent for a stage before then. */
export const REMINDER_LEAD_HOURS = 24;
export const ESCALATION_DELAY_HOURS = 24;
/** Each kind of alert fires once per due time, so a stage with this many alerts for its due time is done. */
export const ALERTS_PER_DUE_TIME = Object.values(DeadlineAlertKind).length;

export function alertTime(kind: DeadlineAlertKind, dueAt: Date): Date {
  switch (kind) {
    case DeadlineAlertKind.ReminderBeforeDue:
      return new Date(dueAt.getTime() - REMINDER_LEAD_HOURS * HOUR);
    case DeadlineAlertKind.ReminderAtDue:
      return dueAt;
    case DeadlineAlertKind.Escalation:
      return new Date(dueAt.getTime() + ESCALATION_DELAY_HOURS * HOUR);
  }
}

/** Every alert whose time has come for feedback due at `dueAt`, in the order they fall due. */
export function alertsDue(dueAt: Date, now: Date): DeadlineAlertKind[] {
  return [DeadlineAlertKind.ReminderBeforeDue, DeadlineAlertKind.ReminderAtDue, DeadlineAlertKind.Escalation].filter(
    (kind) => alertTime(kind, dueAt).getTime() <= now.getTime(),
  );
}

/**
 * A reminder the sweep finds after a later one has also fallen due (the sweep was down, or the
 * interview was recorded late) is recorded as done but not sent: "due tomorrow" for feedback that
 * is already overdue misleads. Escalations are never superseded.
 */
export function alertIsSuperseded(kind: DeadlineAlertKind, due: readonly DeadlineAlertKind[]): boolean {
  return kind === DeadlineAlertKind.ReminderBeforeDue && due.includes(DeadlineAlertKind.ReminderAtDue);
}

/** How a reminder speaks of its due time: ahead of it, at it, or (a sweep that runs late) after it. */
export type ReminderTiming = 'ahead' | 'now' | 'overdue';

/** A reminder sent within this long after the due time still says "due now". */
export const DUE_NOW_GRACE_MINUTES = 60;

export function reminderTiming(dueAt: Date, now: Date): ReminderTiming {
  const late = now.getTime() - dueAt.getTime();
  if (late < 0) return 'ahead';
  return late < DUE_NOW_GRACE_MINUTES * 60_000 ? 'now' : 'overdue';
}
