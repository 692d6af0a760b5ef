import { DEFAULT_WORKING_CALENDAR, WorkingCalendar, endOfWorkingDaysAfter, workingDaysBetween } from './working-hours';

const london: WorkingCalendar = DEFAULT_WORKING_CALENDAR;
const at = (iso: string) => new Date(iso);

describe('promises in working days', () => {
  it('answers a Thursday interview "within 2 working days" by the end of Monday, not six days later', () => {
    expect(endOfWorkingDaysAfter(at('2026-12-10T10:00:00Z'), 2, london)).toEqual(at('2026-12-14T17:00:00Z'));
  });

  it('does not count the interview day, however early it was', () => {
    expect(endOfWorkingDaysAfter(at('2026-12-07T08:00:00Z'), 1, london)).toEqual(at('2026-12-08T17:00:00Z'));
  });

  it('skips weekends for an interview held on a Saturday', () => {
    expect(endOfWorkingDaysAfter(at('2026-12-12T10:00:00Z'), 1, london)).toEqual(at('2026-12-14T17:00:00Z'));
  });

  it('skips public holidays the agency lists', () => {
    const withChristmas = { ...london, holidays: ['2026-12-25', '2026-12-28'] };
    // Thursday 24 December: Friday 25 and Monday 28 are holidays, so two working days end on Wednesday 30.
    expect(endOfWorkingDaysAfter(at('2026-12-24T10:00:00Z'), 2, withChristmas)).toEqual(at('2026-12-30T17:00:00Z'));
  });

  it('ends the working day at local time across daylight saving', () => {
    // Friday 27 March 2026 (GMT); two working days later is Tuesday 31 March, in BST: 17:00 is 16:00 UTC.
    expect(endOfWorkingDaysAfter(at('2026-03-27T10:00:00Z'), 2, london)).toEqual(at('2026-03-31T16:00:00Z'));
  });

  it('refuses a promise of no days and a holiday that is not a date', () => {
    expect(() => endOfWorkingDaysAfter(at('2026-12-10T10:00:00Z'), 0, london)).toThrow(/days/);
    expect(() => endOfWorkingDaysAfter(at('2026-12-10T10:00:00Z'), 1, { ...london, holidays: ['2026-02-30'] })).toThrow(
      /holidays/,
    );
  });

  it('measures a silence in working days: a whole working week is five', () => {
    expect(workingDaysBetween(at('2026-12-07T09:00:00Z'), at('2026-12-14T09:00:00Z'), london)).toBe(5);
    expect(
      workingDaysBetween(at('2026-12-24T09:00:00Z'), at('2026-12-29T09:00:00Z'), {
        ...london,
        holidays: ['2026-12-25'],
      }),
    ).toBe(2);
  });
});
