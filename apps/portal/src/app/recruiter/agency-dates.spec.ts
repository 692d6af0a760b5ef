import {
  deadlineInWords,
  durationInWords,
  formatDateTime,
  formatTimeRange,
  isoToLocalDateAndTime,
  localDateTimeToIso,
} from './agency-dates';

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
    expect(formatDateTime(iso, { locale: 'en-GB', timeZone: 'Europe/London' })).toBe(
      '1 Dec 2026, 14:00',
    );
    expect(formatDateTime(iso, { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe(
      '1 Dec 2026, 23:00',
    );
  });

  it('shows an interview on one day as a date with a time range', () => {
    expect(
      formatTimeRange('2026-12-01T14:00:00.000Z', '2026-12-01T15:00:00.000Z', {
        locale: 'en-GB',
        timeZone: 'UTC',
      }),
    ).toBe('1 Dec 2026, 14:00–15:00');
  });
});

describe('local date and time inputs', () => {
  it('reads a date and time typed by the user as a moment in their own time zone', () => {
    expect(localDateTimeToIso('2026-12-01', '14:30')).toBe(
      new Date(2026, 11, 1, 14, 30).toISOString(),
    );
  });

  it('refuses incomplete input instead of guessing', () => {
    expect(localDateTimeToIso('', '14:30')).toBeNull();
    expect(localDateTimeToIso('2026-12-01', '')).toBeNull();
    expect(localDateTimeToIso('2026-13-45', '14:30')).toBeNull();
  });

  it('turns an instant back into the values the inputs show', () => {
    const iso = new Date(2026, 0, 5, 9, 7).toISOString();
    expect(isoToLocalDateAndTime(iso)).toEqual({ date: '2026-01-05', time: '09:07' });
  });
});
