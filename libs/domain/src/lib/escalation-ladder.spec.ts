import {
  DeadlineAlertKind,
  alertTime,
  alertsDue,
  secondEscalationIsDue,
  secondEscalationTime,
  workingDaysLater,
} from './deadline-alerts';
import { DEFAULT_WORKING_CALENDAR, WorkingCalendar } from './working-hours';

const at = (iso: string) => new Date(iso);
/** London, 09:00–17:00, Monday to Friday. December and January are GMT, so local time is UTC. */
const london = DEFAULT_WORKING_CALENDAR;
const withHolidays: WorkingCalendar = { ...london, holidays: ['2026-12-25', '2026-12-28'] };

describe('the escalation ladder counts working days', () => {
  it('escalates feedback due at the end of a Friday at the end of Monday, not on Saturday', () => {
    const due = at('2026-12-04T17:00:00Z'); // Friday
    expect(alertTime(DeadlineAlertKind.Escalation, due, london)).toEqual(at('2026-12-07T17:00:00Z'));
    expect(alertsDue(due, at('2026-12-05T17:00:00Z'), london)).not.toContain(DeadlineAlertKind.Escalation);
    expect(alertsDue(due, at('2026-12-07T16:59:59Z'), london)).not.toContain(DeadlineAlertKind.Escalation);
    expect(alertsDue(due, at('2026-12-07T17:00:00Z'), london)).toContain(DeadlineAlertKind.Escalation);
  });

  it('escalates feedback due at Friday noon at Monday noon: a working day, wherever in the day it falls', () => {
    expect(alertTime(DeadlineAlertKind.Escalation, at('2026-12-04T12:00:00Z'), london)).toEqual(
      at('2026-12-07T12:00:00Z'),
    );
  });

  it('skips public holidays: due Thursday 24 December, escalated at the end of Tuesday 29th', () => {
    // Friday 25 and Monday 28 are holidays, Saturday and Sunday are not working days.
    const due = at('2026-12-24T17:00:00Z');
    expect(alertTime(DeadlineAlertKind.Escalation, due, withHolidays)).toEqual(at('2026-12-29T17:00:00Z'));
    expect(alertsDue(due, at('2026-12-28T23:00:00Z'), withHolidays)).not.toContain(DeadlineAlertKind.Escalation);
  });

  it('counts feedback due out of hours from the next working morning', () => {
    // Due Saturday 10:00: the first working hour after is Monday 09:00, so a working day ends Monday 17:00.
    expect(alertTime(DeadlineAlertKind.Escalation, at('2026-12-05T10:00:00Z'), london)).toEqual(
      at('2026-12-07T17:00:00Z'),
    );
  });

  it('keeps the reminders in real time: a day before, and at the due time', () => {
    const due = at('2026-12-07T17:00:00Z'); // Monday
    expect(alertTime(DeadlineAlertKind.ReminderBeforeDue, due, london)).toEqual(at('2026-12-06T17:00:00Z'));
    expect(alertTime(DeadlineAlertKind.ReminderAtDue, due, london)).toEqual(due);
  });

  it('never puts the second level on the due-time ladder', () => {
    expect(alertsDue(at('2026-01-01T00:00:00Z'), at('2030-01-01T00:00:00Z'), london)).not.toContain(
      DeadlineAlertKind.SecondEscalation,
    );
  });

  it('adds whole working days across a daylight-saving change', () => {
    // Friday 27 March 2026 12:00 GMT; clocks go forward on Sunday 29; Monday noon is 11:00 UTC.
    expect(workingDaysLater(at('2026-03-27T12:00:00Z'), 1, london)).toEqual(at('2026-03-30T11:00:00Z'));
  });
});

describe('the second level: an escalation left for a working day', () => {
  const escalation = { escalatedAt: at('2026-12-04T17:00:00Z'), ownerAtEscalation: 'recruiter-a' }; // Friday
  const left = { currentOwner: 'recruiter-a', feedbackRecorded: false };

  it('goes up a working day after staff were told, skipping the weekend and holidays', () => {
    expect(secondEscalationTime(escalation.escalatedAt, london)).toEqual(at('2026-12-07T17:00:00Z'));
    expect(secondEscalationIsDue(escalation, left, at('2026-12-07T16:59:59Z'), london)).toBe(false);
    expect(secondEscalationIsDue(escalation, left, at('2026-12-07T17:00:00Z'), london)).toBe(true);
    const christmas = { ...escalation, escalatedAt: at('2026-12-24T17:00:00Z') };
    expect(secondEscalationIsDue(christmas, left, at('2026-12-28T20:00:00Z'), withHolidays)).toBe(false);
    expect(secondEscalationIsDue(christmas, left, at('2026-12-29T17:00:00Z'), withHolidays)).toBe(true);
  });

  it('does not go up once feedback is recorded', () => {
    expect(
      secondEscalationIsDue(escalation, { ...left, feedbackRecorded: true }, at('2027-01-01T00:00:00Z'), london),
    ).toBe(false);
  });

  it('does not go up once staff reassigned the stage: that was the action', () => {
    const reassigned = { currentOwner: 'recruiter-b', feedbackRecorded: false };
    expect(secondEscalationIsDue(escalation, reassigned, at('2027-01-01T00:00:00Z'), london)).toBe(false);
  });

  it('treats work that had no owner and still has none as left', () => {
    const unowned = { escalatedAt: escalation.escalatedAt, ownerAtEscalation: null };
    expect(
      secondEscalationIsDue(
        unowned,
        { currentOwner: null, feedbackRecorded: false },
        at('2026-12-08T00:00:00Z'),
        london,
      ),
    ).toBe(true);
    expect(
      secondEscalationIsDue(
        unowned,
        { currentOwner: 'x', feedbackRecorded: false },
        at('2026-12-08T00:00:00Z'),
        london,
      ),
    ).toBe(false);
  });
});
