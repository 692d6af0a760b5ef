import { formatAgencyTime, formatAgencyTimeRange, formatCalendarDay, formattedRangeForTests } from './agency-time';

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

describe("agency time range format, the common case written without Intl's range", () => {
  const zones = ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];
  // Days with a clock change in some of the zones, and ordinary ones.
  const days = [
    '2026-03-08',
    '2026-03-29',
    '2026-04-05',
    '2026-10-04',
    '2026-10-25',
    '2026-11-01',
    '2026-12-03',
    '2027-01-01',
  ];
  const MINUTE = 60_000;

  it('writes one interview on one day as "… at 10:00–11:00 GMT"', () => {
    const ranges: [string, string, string, string][] = [
      ['2026-12-03T10:00:00Z', '2026-12-03T11:00:00Z', 'Europe/London', 'Thursday, 3 December 2026 at 10:00–11:00 GMT'],
      ['2026-07-01T08:30:00Z', '2026-07-01T09:15:00Z', 'Europe/London', 'Wednesday, 1 July 2026 at 09:30–10:15 BST'],
      [
        '2026-12-03T04:30:00Z',
        '2026-12-03T05:30:00Z',
        'Asia/Kolkata',
        'Thursday, 3 December 2026 at 10:00–11:00 GMT+5:30',
      ],
    ];
    for (const [start, end, zone, words] of ranges) {
      expect(formatAgencyTimeRange(new Date(start), new Date(end), zone)).toBe(words);
    }
  });

  it("says exactly what Intl's range says, for ranges of a minute to two days in many zones and across clock changes", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    let checked = 0;
    for (const zone of zones) {
      for (const day of days) {
        for (let sample = 0; sample < 40; sample++) {
          const start = Date.parse(`${day}T00:00:00Z`) - 12 * 60 * MINUTE + Math.floor(random() * 48 * 60) * MINUTE;
          // Mostly the lengths interviews have, some up to two days, some within one minute.
          const length =
            [0, 30_000, MINUTE, 30 * MINUTE, 60 * MINUTE, 90 * MINUTE, 5 * 60 * MINUTE][sample % 7] ||
            Math.floor(random() * 2 * 24 * 60) * MINUTE;
          const [from, to] = [new Date(start), new Date(start + length)];
          expect(formatAgencyTimeRange(from, to, zone)).toBe(formattedRangeForTests(from, to, zone));
          checked++;
        }
      }
    }
    expect(checked).toBe(zones.length * days.length * 40);
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
