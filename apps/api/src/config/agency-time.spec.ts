import { formatAgencyTime } from './agency-time';

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
