import { formatAgencyTime, formatAgencyTimeRange, formatCalendarDay } from './agency-time';

describe('agency time format', () => {
  it('writes the day, date, time and zone in the agency time zone', () => {
    expect(formatAgencyTime(new Date('2026-11-30T14:00:00Z'), 'Europe/London')).toBe(
      'Monday, 30 November 2026 at 14:00 GMT',
    );
    expect(formatAgencyTime(new Date('2026-07-01T14:00:00Z'), 'Europe/London')).toBe(
      'Wednesday, 1 July 2026 at 15:00 BST',
    );
  });
});

describe('agency time range format', () => {
  it('names the day once for an interview within a day, and both days when it spans midnight', () => {
    expect(
      formatAgencyTimeRange(new Date('2026-12-03T10:00:00Z'), new Date('2026-12-03T11:00:00Z'), 'Europe/London'),
    ).toBe('Thursday, 3 December 2026 at 10:00–11:00 GMT');
    expect(
      formatAgencyTimeRange(new Date('2026-12-03T23:30:00Z'), new Date('2026-12-04T00:30:00Z'), 'Europe/London'),
      // Intl puts thin spaces around the dash between two full dates.
    ).toBe('Thursday, 3 December 2026 at 23:30 GMT\u2009–\u2009Friday, 4 December 2026 at 00:30 GMT');
  });
});

describe('zone names and calendar days', () => {
  it('says GMT where a zone is on GMT, never GMT+0, and keeps other offsets', () => {
    expect(formatAgencyTime(new Date('2026-12-03T10:00:00Z'), 'Europe/Lisbon')).not.toContain('GMT+0');
    expect(formatAgencyTime(new Date('2026-12-03T10:00:00Z'), 'America/New_York')).toBe(
      'Thursday, 3 December 2026 at 05:00 GMT-5',
    );
  });

  it('writes a calendar day like the date of any time, with no zone to shift it', () => {
    expect(formatCalendarDay('2027-01-04')).toBe('Monday, 4 January 2027');
  });
});
