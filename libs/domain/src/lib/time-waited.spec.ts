import { timeWaited, waitingWords } from './time-waited';
import { DEFAULT_WORKING_CALENDAR, WorkingCalendar } from './working-hours';

// London, 09:00–17:00 Monday to Friday; in December London is on UTC.
const calendar = DEFAULT_WORKING_CALENDAR;
const at = (iso: string) => new Date(iso);

describe('how long a new application has waited', () => {
  it('counts only working time: applied on Friday evening, it has not waited at all by Monday 09:00', () => {
    expect(timeWaited(at('2026-12-04T19:00:00Z'), at('2026-12-07T09:00:00Z'), calendar)).toEqual({
      workingDays: 0,
      hours: 0,
    });
  });

  it('gives whole working days, then the whole hours left over, never rounding up', () => {
    // Monday 10:00 to Thursday 12:59: 7 + 8 + 8 + 3:59 working hours = 26 whole hours = 3 days and 2 hours.
    expect(timeWaited(at('2026-12-07T10:00:00Z'), at('2026-12-10T12:59:00Z'), calendar)).toEqual({
      workingDays: 3,
      hours: 2,
    });
  });

  it('skips the agency’s public holidays', () => {
    const withHoliday: WorkingCalendar = { ...calendar, holidays: ['2026-12-08'] };
    expect(timeWaited(at('2026-12-07T09:00:00Z'), at('2026-12-09T17:00:00Z'), withHoliday)).toEqual({
      workingDays: 2,
      hours: 0,
    });
  });

  it('is nothing for a time in the future (a clock a little behind)', () => {
    expect(timeWaited(at('2026-12-07T12:00:00Z'), at('2026-12-07T11:00:00Z'), calendar)).toEqual({
      workingDays: 0,
      hours: 0,
    });
  });
});

describe('the words for how long it has waited', () => {
  it.each([
    [{ workingDays: 0, hours: 0 }, 'waiting less than a working hour'],
    [{ workingDays: 0, hours: 1 }, 'waiting 1 working hour'],
    [{ workingDays: 0, hours: 5 }, 'waiting 5 working hours'],
    [{ workingDays: 1, hours: 0 }, 'waiting 1 working day'],
    [{ workingDays: 3, hours: 0 }, 'waiting 3 working days'],
    [{ workingDays: 1, hours: 1 }, 'waiting 1 working day and 1 hour'],
    [{ workingDays: 3, hours: 2 }, 'waiting 3 working days and 2 hours'],
  ])('says %j as "%s"', (waited, words) => {
    expect(waitingWords(waited)).toBe(words);
  });
});
