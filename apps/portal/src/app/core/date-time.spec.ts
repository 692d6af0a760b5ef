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

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const now = new Date('2026-11-20T12:00:00.000Z');
const inHours = (hours: number) => new Date(now.getTime() + hours * HOUR).toISOString();
const inMs = (ms: number) => new Date(now.getTime() + ms).toISOString();

describe('deadlineInWords', () => {
  it('says how long is left in two units when the second one matters', () => {
    expect(deadlineInWords(inHours(47), now, 'en-GB')).toBe('Due in 1 day 23 hours');
    expect(deadlineInWords(inHours(5 + 20 / 60), now, 'en-GB')).toBe('Due in 5 hours 20 minutes');
    expect(deadlineInWords(inHours(76), now, 'en-GB')).toBe('Due in 3 days 4 hours');
    expect(deadlineInWords(inMs(119 * MINUTE), now, 'en-GB')).toBe('Due in 1 hour 59 minutes');
    expect(deadlineInWords(inHours(0.25), now, 'en-GB')).toBe('Due in 15 minutes');
  });

  it('says one unit when the second would be zero', () => {
    expect(deadlineInWords(inHours(48), now, 'en-GB')).toBe('Due in 2 days');
    expect(deadlineInWords(inHours(48.5), now, 'en-GB')).toBe('Due in 2 days');
    expect(deadlineInWords(inHours(5), now, 'en-GB')).toBe('Due in 5 hours');
  });

  it('never says more time is left than there is', () => {
    expect(deadlineInWords(inMs(2 * 24 * HOUR - 1), now, 'en-GB')).toBe('Due in 1 day 23 hours');
    expect(deadlineInWords(inMs(2 * HOUR - 1), now, 'en-GB')).toBe('Due in 1 hour 59 minutes');
    expect(deadlineInWords(inMs(59_000), now, 'en-GB')).toBe('Due in less than a minute');
  });

  it('says a week or more in whole days', () => {
    expect(deadlineInWords(inHours(12 * 24 + 23), now, 'en-GB')).toBe('Due in 12 days');
    expect(deadlineInWords(inHours(6 * 24 + 23), now, 'en-GB')).toBe('Due in 6 days 23 hours');
  });

  it('says how late a deadline is once it has passed, in the same words', () => {
    expect(deadlineInWords(inHours(-26), now, 'en-GB')).toBe('Overdue by 1 day 2 hours');
    expect(deadlineInWords(inHours(-47), now, 'en-GB')).toBe('Overdue by 1 day 23 hours');
    expect(deadlineInWords(inHours(-3), now, 'en-GB')).toBe('Overdue by 3 hours');
    expect(deadlineInWords(inMs(-59_000), now, 'en-GB')).toBe('Overdue by less than a minute');
  });

  it('says so when there is no deadline', () => {
    expect(deadlineInWords(null, now)).toBe('No deadline set');
  });
});

describe('durationInWords', () => {
  it('never says zero minutes', () => {
    expect(durationInWords(10_000, 'en-GB')).toBe('less than a minute');
    expect(durationInWords(0, 'en-GB')).toBe('less than a minute');
    expect(durationInWords(MINUTE, 'en-GB')).toBe('1 minute');
  });

  it('says the units in the reader’s language', () => {
    expect(durationInWords(47 * HOUR, 'de')).toMatch(/^1 Tag.*23 Stunden$/);
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
    expect(readableZoneName('GMT+00:00')).toBe('GMT');
    expect(readableZoneName('GMT+00:30')).toBe('GMT+00:30');
    expect(readableZoneName('GMT+05:00')).toBe('GMT+05:00');
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
