import { WorkingCalendar, addWorkingHours } from './working-hours';

/**
 * Rule 2 of the design: feedback is due on time. The stage's owner is reminded a day before
 * feedback is due and again when it falls due; one working day after, agency staff are told
 * (escalation); and if the escalation is itself left for another working day (still no feedback,
 * still with the same owner), the agency leads are told (the second level; ADR 0015).
 */
export enum DeadlineAlertKind {
  ReminderBeforeDue = 'reminder_before_due',
  ReminderAtDue = 'reminder_at_due',
  Escalation = 'escalation',
  SecondEscalation = 'second_escalation',
}

const HOUR = 3_600_000;
/** The first reminder goes this long before feedback is due: nothing is sent for a stage before then. */
export const REMINDER_LEAD_HOURS = 24;
/** Staff are told this many working days after the due time. */
export const ESCALATION_DELAY_WORKING_DAYS = 1;
/** The agency leads are told this many working days after the escalation, if it was left. */
export const SECOND_ESCALATION_DELAY_WORKING_DAYS = 1;

export type DueTimeAlertKind = Exclude<DeadlineAlertKind, DeadlineAlertKind.SecondEscalation>;

/** The alerts fired from the due time alone, in the order they fall due. The second level also depends on the escalation. */
export const DUE_TIME_LADDER: readonly DueTimeAlertKind[] = Object.freeze([
  DeadlineAlertKind.ReminderBeforeDue,
  DeadlineAlertKind.ReminderAtDue,
  DeadlineAlertKind.Escalation,
]);
/** Each of these fires once per due time, so a stage with this many of them for its due time is done with them. */
export const ALERTS_PER_DUE_TIME = DUE_TIME_LADDER.length;

/** `days` whole working days of the calendar after `at`: counted in working hours, so Friday 15:00 + 1 is Monday 15:00. */
export function workingDaysLater(at: Date, days: number, calendar: WorkingCalendar): Date {
  return addWorkingHours(at, days * (calendar.dayEndsAt - calendar.dayStartsAt), calendar);
}

/** When an alert on the due-time ladder falls due, for feedback due at `dueAt`. */
export function alertTime(kind: DueTimeAlertKind, dueAt: Date, calendar: WorkingCalendar): Date {
  switch (kind) {
    case DeadlineAlertKind.ReminderBeforeDue:
      return new Date(dueAt.getTime() - REMINDER_LEAD_HOURS * HOUR);
    case DeadlineAlertKind.ReminderAtDue:
      return dueAt;
    case DeadlineAlertKind.Escalation:
      return workingDaysLater(dueAt, ESCALATION_DELAY_WORKING_DAYS, calendar);
  }
}

/** Every due-time alert whose time has come for feedback due at `dueAt`, in the order they fall due. */
export function alertsDue(dueAt: Date, now: Date, calendar: WorkingCalendar): DueTimeAlertKind[] {
  return DUE_TIME_LADDER.filter((kind) => alertTime(kind, dueAt, calendar).getTime() <= now.getTime());
}

/**
 * When an escalation that is left goes up to the agency leads: a working day after staff were
 * actually told (a late sweep gives staff their full working day, not less).
 */
export function secondEscalationTime(escalatedAt: Date, calendar: WorkingCalendar): Date {
  return workingDaysLater(escalatedAt, SECOND_ESCALATION_DELAY_WORKING_DAYS, calendar);
}

/**
 * Whether an escalation goes up now: its time has come, the feedback is still missing, and the
 * stage is still with the owner the escalation named (reassigning it is the action staff took).
 */
export function secondEscalationIsDue(
  escalation: { escalatedAt: Date; ownerAtEscalation: string | null },
  stage: { currentOwner: string | null; feedbackRecorded: boolean },
  now: Date,
  calendar: WorkingCalendar,
): boolean {
  if (stage.feedbackRecorded || stage.currentOwner !== escalation.ownerAtEscalation) return false;
  return secondEscalationTime(escalation.escalatedAt, calendar).getTime() <= now.getTime();
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
