import { clientAlertsDue } from './client-chasing';
import { DeadlineAlertKind } from './deadline-alerts';
import { DEFAULT_WORKING_CALENDAR } from './working-hours';

const at = (iso: string) => new Date(iso);
/** London, 09:00–17:00, Monday to Friday; December is GMT. */
const london = DEFAULT_WORKING_CALENDAR;
// Wednesday 9 December 2026, end of the day.
const dueAt = at('2026-12-09T17:00:00Z');
// The interview's link went out well before the ladder starts.
const linkSentAt = at('2026-12-04T10:00:00Z');
const kinds = (steps: { kind: DeadlineAlertKind }[]) => steps.map((step) => step.kind);

describe("the client interviewer's ladder", () => {
  it('has nothing to do more than a day before the due time', () => {
    expect(
      clientAlertsDue({ dueAt, escalatedAt: null, fired: [], linkSentAt }, at('2026-12-08T16:59:00Z'), london),
    ).toEqual([]);
  });

  it('reminds a day before, then at the due time, each once', () => {
    expect(
      clientAlertsDue({ dueAt, escalatedAt: null, fired: [], linkSentAt }, at('2026-12-08T17:00:00Z'), london),
    ).toEqual([{ kind: DeadlineAlertKind.ReminderBeforeDue, send: true }]);
    const fired = [DeadlineAlertKind.ReminderBeforeDue];
    expect(
      clientAlertsDue({ dueAt, escalatedAt: null, fired, linkSentAt }, at('2026-12-09T10:00:00Z'), london),
    ).toEqual([]);
    expect(
      clientAlertsDue({ dueAt, escalatedAt: null, fired, linkSentAt }, at('2026-12-09T17:00:00Z'), london),
    ).toEqual([{ kind: DeadlineAlertKind.ReminderAtDue, send: true }]);
  });

  it('does not send "due tomorrow" when the due time has also come (a sweep that was down)', () => {
    expect(
      clientAlertsDue({ dueAt, escalatedAt: null, fired: [], linkSentAt }, at('2026-12-09T17:30:00Z'), london),
    ).toEqual([
      { kind: DeadlineAlertKind.ReminderBeforeDue, send: false },
      { kind: DeadlineAlertKind.ReminderAtDue, send: true },
    ]);
  });

  it("escalates to the stage's owner a working day after the due time, skipping the weekend", () => {
    const fridayDue = at('2026-12-11T17:00:00Z');
    const fired = [DeadlineAlertKind.ReminderBeforeDue, DeadlineAlertKind.ReminderAtDue];
    const state = { dueAt: fridayDue, escalatedAt: null, fired, linkSentAt };
    expect(clientAlertsDue(state, at('2026-12-14T16:59:00Z'), london)).toEqual([]);
    expect(kinds(clientAlertsDue(state, at('2026-12-14T17:00:00Z'), london))).toEqual([DeadlineAlertKind.Escalation]);
  });

  it('goes up to the account owner a working day after the escalation was actually sent', () => {
    const fired = [DeadlineAlertKind.ReminderBeforeDue, DeadlineAlertKind.ReminderAtDue, DeadlineAlertKind.Escalation];
    // Escalated late (Thursday 11:00, the sweep was down): the owner gets their full working day.
    const state = { dueAt, escalatedAt: at('2026-12-10T11:00:00Z'), fired, linkSentAt };
    expect(clientAlertsDue(state, at('2026-12-11T10:59:00Z'), london)).toEqual([]);
    expect(clientAlertsDue(state, at('2026-12-11T11:00:00Z'), london)).toEqual([
      { kind: DeadlineAlertKind.SecondEscalation, send: true },
    ]);
    const done = { ...state, fired: [...fired, DeadlineAlertKind.SecondEscalation] };
    expect(clientAlertsDue(done, at('2026-12-20T11:00:00Z'), london)).toEqual([]);
  });

  it('sends no fresh link as a reminder when the link itself went out after the reminder was due', () => {
    // The interview ended on the day feedback is due: its link, emailed at 15:00, is the day-before reminder.
    const sentLate = { dueAt, escalatedAt: null, fired: [], linkSentAt: at('2026-12-09T15:00:00Z') };
    expect(clientAlertsDue(sentLate, at('2026-12-09T15:00:00Z'), london)).toEqual([
      { kind: DeadlineAlertKind.ReminderBeforeDue, send: false },
    ]);
    // At the due time the interviewer is reminded once more, with a fresh link.
    const recorded = { ...sentLate, fired: [DeadlineAlertKind.ReminderBeforeDue] };
    expect(clientAlertsDue(recorded, at('2026-12-09T17:00:00Z'), london)).toEqual([
      { kind: DeadlineAlertKind.ReminderAtDue, send: true },
    ]);
  });
});
