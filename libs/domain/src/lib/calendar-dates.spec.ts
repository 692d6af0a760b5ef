import { calendarDateIn, isRealDateTime, reportedMonthEnd } from './time-zones';

describe('the days a client’s month is reported to', () => {
  it('is the month’s last day once it has ended, or before it has begun', () => {
    expect(reportedMonthEnd('2026-11', '2026-11-30', '2026-12-05')).toBe('2026-11-30');
    expect(reportedMonthEnd('2027-01', '2027-01-31', '2026-12-05')).toBe('2027-01-31');
  });

  it('is today while the month is in progress, as the score page’s “This month” is', () => {
    expect(reportedMonthEnd('2026-12', '2026-12-31', '2026-12-05')).toBe('2026-12-05');
    expect(reportedMonthEnd('2026-12', '2026-12-31', '2026-12-31')).toBe('2026-12-31');
  });

  it('takes today in the agency’s zone, not the server’s', () => {
    const lateOnTheLastEvening = new Date('2026-12-01T03:30:00Z');
    expect(calendarDateIn(lateOnTheLastEvening, 'America/New_York')).toBe('2026-11-30');
    expect(calendarDateIn(lateOnTheLastEvening, 'Europe/London')).toBe('2026-12-01');
  });
});

describe('a date and time that exist', () => {
  it('takes the last moments of a month and of a leap year’s February', () => {
    expect(isRealDateTime(2026, 12, 31, 23, 59, 59)).toBe(true);
    expect(isRealDateTime(2028, 2, 29, 0, 0, 0)).toBe(true);
  });

  it.each([
    [2026, 2, 30, 10, 0, 0],
    [2027, 2, 29, 10, 0, 0],
    [2026, 13, 1, 10, 0, 0],
    [2026, 0, 1, 10, 0, 0],
    [2026, 12, 0, 10, 0, 0],
    [2026, 12, 1, 24, 0, 0],
    [2026, 12, 1, 10, 60, 0],
    [2026, 12, 31, 23, 59, 60],
  ])('refuses %i-%i-%i %i:%i:%i', (year, month, day, hour, minute, second) => {
    expect(isRealDateTime(year, month, day, hour, minute, second)).toBe(false);
  });
});
