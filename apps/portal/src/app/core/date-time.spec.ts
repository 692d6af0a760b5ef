import {
  deadlineInWords,
  durationInWords,
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatShortDateTime,
  formatShortDateTimeRange,
  readableZoneName,
} from './date-time';

const HOUR = 3_600_000;
const now = new Date('2026-11-20T12:00:00.000Z');
const inHours = (hours: number) => new Date(now.getTime() + hours * HOUR).toISOString();

describe('deadlineInWords', () => {
  it('says how long is left before a deadline, in the largest whole unit', () => {
    expect(deadlineInWords(inHours(5.5), now, 'en-GB')).toBe('Due in 5 hours');
    expect(deadlineInWords(inHours(50), now, 'en-GB')).toBe('Due in 2 days');
    expect(deadlineInWords(inHours(0.25), now, 'en-GB')).toBe('Due in 15 minutes');
  });

  it('says how late a deadline is once it has passed', () => {
    expect(deadlineInWords(inHours(-26), now, 'en-GB')).toBe('Overdue by 1 day');
    expect(deadlineInWords(inHours(-3), now, 'en-GB')).toBe('Overdue by 3 hours');
  });

  it('says so when there is no deadline', () => {
    expect(deadlineInWords(null, now)).toBe('No deadline set');
  });
});

describe('durationInWords', () => {
  it('never says zero minutes', () => {
    expect(durationInWords(10_000, 'en-GB')).toBe('1 minute');
  });
});

describe('formatting in the reader’s locale and time zone', () => {
  it('shows the same instant in the reader’s own time zone', () => {
    const iso = '2026-12-01T14:00:00.000Z';
    expect(formatShortDateTime(iso, { locale: 'en-GB', timeZone: 'Europe/London' })).toBe('1 Dec 2026, 14:00 GMT');
    expect(formatShortDateTime(iso, { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe('1 Dec 2026, 23:00 GMT+9');
  });

  it('shows an interview on one day as a date with a time range', () => {
    expect(
      formatShortDateTimeRange('2026-12-01T14:00:00.000Z', '2026-12-01T15:00:00.000Z', {
        locale: 'en-GB',
        timeZone: 'UTC',
      }),
    ).toBe('1 Dec 2026, 14:00–15:00 UTC');
  });
});

describe('one way of writing dates and zones', () => {
  it('names the zone GMT, never GMT+0', () => {
    expect(readableZoneName('Thu, 3 Dec 2026, 10:00 GMT+0')).toBe('Thu, 3 Dec 2026, 10:00 GMT');
    expect(readableZoneName('10:00 UTC+0')).toBe('10:00 UTC');
    expect(readableZoneName('10:00 GMT-5')).toBe('10:00 GMT-5');
    expect(readableZoneName('10:00 GMT+0:30')).toBe('10:00 GMT+0:30');
    expect(formatDateTime('2026-12-03T10:00:00Z', { locale: 'en-US', timeZone: 'Europe/Lisbon' })).not.toContain(
      'GMT+0',
    );
  });

  it('writes a calendar day the way it writes every date, whatever the zone', () => {
    expect(formatCalendarDate('2030-02-04', { locale: 'en-GB' })).toBe(
      formatDate('2030-02-04T12:00:00Z', { locale: 'en-GB', timeZone: 'UTC' }),
    );
    expect(formatCalendarDate('2030-02-04', { locale: 'en-GB' })).toBe('Mon, 4 Feb 2030');
  });
});
