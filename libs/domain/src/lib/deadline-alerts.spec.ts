import { DeadlineAlertKind, alertsDue } from './deadline-alerts';

const due = new Date('2026-12-02T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('deadline alerts', () => {
  it('fires nothing more than a day before feedback is due', () => {
    expect(alertsDue(due, at('2026-12-01T11:59:59Z'))).toEqual([]);
  });

  it('reminds the recruiter a day before, then at the due time', () => {
    expect(alertsDue(due, at('2026-12-01T12:00:00Z'))).toEqual([DeadlineAlertKind.ReminderBeforeDue]);
    expect(alertsDue(due, at('2026-12-02T12:00:00Z'))).toEqual([
      DeadlineAlertKind.ReminderBeforeDue,
      DeadlineAlertKind.ReminderAtDue,
    ]);
  });

  it('escalates to staff a day after the due time, and a late sweep catches up on every alert', () => {
    expect(alertsDue(due, at('2026-12-03T11:59:59Z'))).not.toContain(DeadlineAlertKind.Escalation);
    expect(alertsDue(due, at('2026-12-09T00:00:00Z'))).toEqual([
      DeadlineAlertKind.ReminderBeforeDue,
      DeadlineAlertKind.ReminderAtDue,
      DeadlineAlertKind.Escalation,
    ]);
  });
});
