import { calendarDateIn } from '@heardback/domain';
import { reportedMonthEnd } from './score.service';

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
