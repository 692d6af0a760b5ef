import {
  ALERTS_PER_DUE_TIME,
  DeadlineAlertKind,
  REMINDER_LEAD_HOURS,
  alertIsSuperseded,
  alertsDue,
  reminderTiming,
} from './deadline-alerts';
import { DEFAULT_WORKING_CALENDAR } from './working-hours';

/** London, 09:00–17:00 Monday to Friday; Wednesday 2 December 2026 at noon. */
const calendar = DEFAULT_WORKING_CALENDAR;
const due = new Date('2026-12-02T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('deadline alerts', () => {
  it('fires nothing more than a day before feedback is due', () => {
    expect(alertsDue(due, at('2026-12-01T11:59:59Z'), calendar)).toEqual([]);
  });

  it('reminds the recruiter a day before, then at the due time', () => {
    expect(alertsDue(due, at('2026-12-01T12:00:00Z'), calendar)).toEqual([DeadlineAlertKind.ReminderBeforeDue]);
    expect(alertsDue(due, at('2026-12-02T12:00:00Z'), calendar)).toEqual([
      DeadlineAlertKind.ReminderBeforeDue,
      DeadlineAlertKind.ReminderAtDue,
    ]);
  });

  it('escalates to staff a day after the due time, and a late sweep catches up on every alert', () => {
    expect(alertsDue(due, at('2026-12-03T11:59:59Z'), calendar)).not.toContain(DeadlineAlertKind.Escalation);
    expect(alertsDue(due, at('2026-12-09T00:00:00Z'), calendar)).toEqual([
      DeadlineAlertKind.ReminderBeforeDue,
      DeadlineAlertKind.ReminderAtDue,
      DeadlineAlertKind.Escalation,
    ]);
  });
});

describe('a sweep that finds alerts late', () => {
  it('does not send "due tomorrow" once the due time has passed, but still sends the rest', () => {
    const found = alertsDue(due, at('2026-12-09T00:00:00Z'), calendar);
    expect(found.filter((kind) => !alertIsSuperseded(kind, found))).toEqual([
      DeadlineAlertKind.ReminderAtDue,
      DeadlineAlertKind.Escalation,
    ]);
  });

  it('sends the day-before reminder when it is found before the due time', () => {
    const found = alertsDue(due, at('2026-12-02T11:59:59Z'), calendar);
    expect(found.filter((kind) => !alertIsSuperseded(kind, found))).toEqual([DeadlineAlertKind.ReminderBeforeDue]);
  });

  it('says a reminder is ahead, due now (within the grace), or overdue', () => {
    expect(reminderTiming(due, at('2026-12-02T11:59:59Z'))).toBe('ahead');
    expect(reminderTiming(due, at('2026-12-02T12:00:00Z'))).toBe('now');
    expect(reminderTiming(due, at('2026-12-02T12:59:59Z'))).toBe('now');
    expect(reminderTiming(due, at('2026-12-02T13:00:00Z'))).toBe('overdue');
  });
});

describe('the numbers the deadline sweep gives its SQL', () => {
  const HOUR = 3_600_000;

  it('looks at a stage from the reminder lead time before its due time, and not earlier', () => {
    expect(REMINDER_LEAD_HOURS).toBe(24);
    const firstAlertAt = new Date(due.getTime() - REMINDER_LEAD_HOURS * HOUR);
    expect(alertsDue(due, new Date(firstAlertAt.getTime() - 1), calendar)).toEqual([]);
    expect(alertsDue(due, firstAlertAt, calendar)).toHaveLength(1);
  });

  it('escalates midweek a calendar day after the due time: one working day', () => {
    const escalationAt = new Date(due.getTime() + 24 * HOUR);
    expect(alertsDue(due, new Date(escalationAt.getTime() - 1), calendar)).not.toContain(DeadlineAlertKind.Escalation);
    expect(alertsDue(due, escalationAt, calendar)).toContain(DeadlineAlertKind.Escalation);
  });

  it('counts one alert of each kind per due time, so a stage with that many has nothing left to fire', () => {
    expect(ALERTS_PER_DUE_TIME).toBe(3);
    expect(alertsDue(due, at('2027-06-01T00:00:00Z'), calendar)).toHaveLength(ALERTS_PER_DUE_TIME);
  });
});
