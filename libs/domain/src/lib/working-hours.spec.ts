import { ErrorCode } from '@heardback/contracts';
import { fixedClock, systemClock } from './clock';
import { DomainError } from './domain-error';
import {
  DEFAULT_WORKING_CALENDAR,
  WorkingCalendar,
  addWorkingHours,
  isWithinWorkingHours,
  nextWorkingWindowStart,
  validateWorkingCalendar,
  workingHoursBetween,
} from './working-hours';

const london = DEFAULT_WORKING_CALENDAR;
const newYork: WorkingCalendar = { ...london, timeZone: 'America/New_York' };
const tokyo: WorkingCalendar = { ...london, timeZone: 'Asia/Tokyo' };
const kolkata: WorkingCalendar = { ...london, timeZone: 'Asia/Kolkata' };

const at = (iso: string) => new Date(iso);
const add = (startIso: string, hours: number, calendar: WorkingCalendar = london) =>
  addWorkingHours(at(startIso), hours, calendar).toISOString();

/** Local wall-clock time of an instant in a zone, written "YYYY-MM-DD HH:mm" (independent of the code under test). */
function wallClock(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '?';
  return `${get('weekday')} ${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

function refusal(calendar: unknown): DomainError {
  try {
    validateWorkingCalendar(calendar as WorkingCalendar);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('calendar was accepted');
}

describe('clock', () => {
  it('reads the machine time from the system clock', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('always reads the same instant from a fixed clock, even if a caller mutates what it got', () => {
    const clock = fixedClock(at('2026-03-27T16:00:00Z'));
    clock.now().setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-03-27T16:00:00.000Z');
  });
});

describe('working hours in London (the agency default)', () => {
  it('takes Friday 16:00 plus 2 working hours to Monday 10:00', () => {
    // January: London is on GMT, so local time equals UTC.
    expect(add('2026-01-16T16:00:00Z', 2)).toBe('2026-01-19T10:00:00.000Z');
  });

  it('starts counting on Monday 09:00 for an interview that ended on Saturday', () => {
    expect(add('2026-01-17T14:30:00Z', 0)).toBe('2026-01-19T09:00:00.000Z');
    expect(add('2026-01-17T14:30:00Z', 2)).toBe('2026-01-19T11:00:00.000Z');
  });

  it('starts counting the next morning for an interview that ended in the evening or at night', () => {
    expect(add('2026-01-13T19:45:00Z', 1)).toBe('2026-01-14T10:00:00.000Z');
    expect(add('2026-01-14T03:00:00Z', 1)).toBe('2026-01-14T10:00:00.000Z');
  });

  it('takes 48 working hours from Monday 10:00 to the Tuesday of the next week at 10:00 (six 8-hour days)', () => {
    // Mon 10 → Tue 10 (8) → Wed (16) → Thu (24) → Fri (32) → Mon (40) → Tue (48).
    expect(add('2026-01-12T10:00:00Z', 48)).toBe('2026-01-20T10:00:00.000Z');
  });

  it('takes 48 working hours from Wednesday 10:00 to the following Thursday 10:00', () => {
    expect(add('2026-01-14T10:00:00Z', 48)).toBe('2026-01-22T10:00:00.000Z');
  });

  it('counts minutes: 1.5 working hours from 16:00 is 09:30 the next working day', () => {
    expect(add('2026-01-13T16:00:00Z', 1.5)).toBe('2026-01-14T09:30:00.000Z');
    expect(add('2026-01-16T16:15:00Z', 1.5)).toBe('2026-01-19T09:45:00.000Z');
    expect(add('2026-01-13T10:07:00Z', 0.25)).toBe('2026-01-13T10:22:00.000Z');
  });

  it('ends a deadline that uses up the day exactly at 17:00, not at the next morning', () => {
    expect(add('2026-01-16T15:00:00Z', 2)).toBe('2026-01-16T17:00:00.000Z');
    expect(add('2026-01-16T09:00:00Z', 8)).toBe('2026-01-16T17:00:00.000Z');
  });

  it('leaves a start inside working hours alone when adding 0 hours, and moves 17:00 to the next morning', () => {
    expect(add('2026-01-13T09:00:00Z', 0)).toBe('2026-01-13T09:00:00.000Z');
    expect(add('2026-01-13T12:34:56.789Z', 0)).toBe('2026-01-13T12:34:56.789Z');
    expect(add('2026-01-13T17:00:00Z', 0)).toBe('2026-01-14T09:00:00.000Z');
    expect(add('2026-01-16T17:00:00Z', 0)).toBe('2026-01-19T09:00:00.000Z');
  });

  it('counts a start at 17:00 sharp from the next morning', () => {
    expect(add('2026-01-13T17:00:00Z', 1)).toBe('2026-01-14T10:00:00.000Z');
  });

  it('treats the window as including 09:00 and excluding 17:00', () => {
    expect(isWithinWorkingHours(at('2026-01-13T08:59:59.999Z'), london)).toBe(false);
    expect(isWithinWorkingHours(at('2026-01-13T09:00:00Z'), london)).toBe(true);
    expect(isWithinWorkingHours(at('2026-01-13T16:59:59.999Z'), london)).toBe(true);
    expect(isWithinWorkingHours(at('2026-01-13T17:00:00Z'), london)).toBe(false);
    expect(isWithinWorkingHours(at('2026-01-17T12:00:00Z'), london)).toBe(false);
  });

  it('gives the start of the next window, which inside a window is tomorrow', () => {
    expect(nextWorkingWindowStart(at('2026-01-13T09:00:00Z'), london).toISOString()).toBe('2026-01-13T09:00:00.000Z');
    expect(nextWorkingWindowStart(at('2026-01-13T09:00:00.001Z'), london).toISOString()).toBe(
      '2026-01-14T09:00:00.000Z',
    );
    expect(nextWorkingWindowStart(at('2026-01-16T12:00:00Z'), london).toISOString()).toBe('2026-01-19T09:00:00.000Z');
    expect(nextWorkingWindowStart(at('2026-01-17T12:00:00Z'), london).toISOString()).toBe('2026-01-19T09:00:00.000Z');
  });

  it('measures working hours between two instants, and nothing when they are reversed', () => {
    expect(workingHoursBetween(at('2026-01-16T16:00:00Z'), at('2026-01-19T10:00:00Z'), london)).toBe(2);
    expect(workingHoursBetween(at('2026-01-17T00:00:00Z'), at('2026-01-19T00:00:00Z'), london)).toBe(0);
    expect(workingHoursBetween(at('2026-01-12T00:00:00Z'), at('2026-01-19T00:00:00Z'), london)).toBe(40);
    expect(workingHoursBetween(at('2026-01-19T10:00:00Z'), at('2026-01-16T16:00:00Z'), london)).toBe(0);
    expect(workingHoursBetween(at('2026-01-13T10:00:00Z'), at('2026-01-13T10:00:00Z'), london)).toBe(0);
  });

  it('steps by days, not minutes: a year of working hours takes well under a second', () => {
    const started = Date.now();
    const end = addWorkingHours(at('2026-01-05T09:00:00Z'), 52 * 40, london);
    expect(Date.now() - started).toBeLessThan(1000);
    // 52 whole working weeks use up the window of Friday 1 January 2027 exactly (no bank holidays: weekends only).
    expect(wallClock(end, 'Europe/London')).toBe('Fri 2027-01-01 17:00');
  });

  it('refuses a count that would scan more than ten years of calendar', () => {
    const sundaysOnly: WorkingCalendar = { ...london, dayStartsAt: 9, dayEndsAt: 10, workingDays: [7] };
    expect(() => addWorkingHours(at('2026-01-05T09:00:00Z'), 600, sundaysOnly)).toThrow(/more than 3660 days/);
    expect(() => workingHoursBetween(at('2000-01-01T00:00:00Z'), at('2026-01-01T00:00:00Z'), london)).toThrow(
      /more than 3660 days/,
    );
  });

  it('refuses negative, infinite or missing hours and invalid dates', () => {
    for (const hours of [-1, Number.NaN, Number.POSITIVE_INFINITY, undefined as unknown as number]) {
      expect(() => addWorkingHours(at('2026-01-13T10:00:00Z'), hours, london)).toThrow(/hours/);
    }
    expect(() => addWorkingHours(new Date('not a date'), 1, london)).toThrow(/start: must be a valid date/);
    expect(() => workingHoursBetween(at('2026-01-13T10:00:00Z'), new Date(Number.NaN), london)).toThrow(
      /to: must be a valid date/,
    );
  });
});

describe('working hours across daylight-saving changes', () => {
  it('lands on Monday 10:00 BST after the London spring-forward weekend (2026-03-29), an hour earlier in UTC', () => {
    const start = '2026-03-27T16:00:00Z'; // Friday 16:00 GMT
    expect(add(start, 2)).toBe('2026-03-30T09:00:00.000Z');
    expect(wallClock(at(add(start, 2)), 'Europe/London')).toBe('Mon 2026-03-30 10:00');
  });

  it('lands on Monday 10:00 GMT after the London fall-back weekend (2026-10-25), an hour later in UTC', () => {
    const start = '2026-10-23T15:00:00Z'; // Friday 16:00 BST
    expect(wallClock(at(start), 'Europe/London')).toBe('Fri 2026-10-23 16:00');
    expect(add(start, 2)).toBe('2026-10-26T10:00:00.000Z');
  });

  it('keeps 9-to-5 in local time on both sides of the change: 48 hours across the spring weekend', () => {
    // Wednesday 25 March 10:00 GMT + 48 → Thursday 2 April 10:00 BST.
    expect(add('2026-03-25T10:00:00Z', 48)).toBe('2026-04-02T09:00:00.000Z');
    expect(workingHoursBetween(at('2026-03-25T10:00:00Z'), at('2026-04-02T09:00:00.000Z'), london)).toBe(48);
  });

  it('lands on Monday 10:00 local after the New York changes (2026-03-08 and 2026-11-01)', () => {
    expect(add('2026-03-06T21:00:00Z', 2, newYork)).toBe('2026-03-09T14:00:00.000Z'); // Fri 16:00 EST → Mon 10:00 EDT
    expect(add('2026-10-30T20:00:00Z', 2, newYork)).toBe('2026-11-02T15:00:00.000Z'); // Fri 16:00 EDT → Mon 10:00 EST
  });

  it('counts the real length of a working day that contains the change: 23 hours in spring, 25 in autumn', () => {
    const sundayAllDay: WorkingCalendar = {
      timeZone: 'Europe/London',
      dayStartsAt: 0,
      dayEndsAt: 24,
      workingDays: [7],
    };
    const whole = (fromIso: string, toIso: string) => workingHoursBetween(at(fromIso), at(toIso), sundayAllDay);
    expect(whole('2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z')).toBe(23);
    expect(whole('2026-10-24T00:00:00Z', '2026-10-27T00:00:00Z')).toBe(25);
    // Counting through the change goes by real time: 00:00 GMT + 1.5 h is 02:30 BST.
    expect(addWorkingHours(at('2026-03-29T00:00:00Z'), 1.5, sundayAllDay).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(addWorkingHours(at('2026-03-29T00:00:00Z'), 23, sundayAllDay).toISOString()).toBe(
      '2026-03-29T23:00:00.000Z',
    );
    expect(addWorkingHours(at('2026-10-24T23:00:00Z'), 25, sundayAllDay).toISOString()).toBe(
      '2026-10-26T00:00:00.000Z',
    );
  });

  it('has no working time in a window the clocks skip, and two hours in a window they repeat', () => {
    // 01:00–02:00 local does not exist on 2026-03-29 in London and happens twice on 2026-10-25.
    const oneToTwo: WorkingCalendar = { timeZone: 'Europe/London', dayStartsAt: 1, dayEndsAt: 2, workingDays: [7] };
    expect(workingHoursBetween(at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z'), oneToTwo)).toBe(0);
    expect(workingHoursBetween(at('2026-10-24T00:00:00Z'), at('2026-10-26T00:00:00Z'), oneToTwo)).toBe(2);
    expect(nextWorkingWindowStart(at('2026-10-24T00:00:00Z'), oneToTwo).toISOString()).toBe('2026-10-25T00:00:00.000Z');
    expect(isWithinWorkingHours(at('2026-10-25T01:30:00Z'), oneToTwo)).toBe(true); // the second 01:30
  });

  it('ends a window at the first 01:00 when the clocks go back to 01:00, since the repeated hour is not before 01:00', () => {
    // London 2026-10-25: 01:59 BST is followed by 01:00 GMT. Local time is before 01:00 only until 00:00 UTC.
    const midnightToOne: WorkingCalendar = {
      timeZone: 'Europe/London',
      dayStartsAt: 0,
      dayEndsAt: 1,
      workingDays: [7],
    };
    expect(workingHoursBetween(at('2026-10-24T00:00:00Z'), at('2026-10-26T00:00:00Z'), midnightToOne)).toBe(1);
    expect(isWithinWorkingHours(at('2026-10-25T00:30:00Z'), midnightToOne)).toBe(false); // 01:30 BST
    expect(addWorkingHours(at('2026-10-24T23:30:00Z'), 0.5, midnightToOne).toISOString()).toBe(
      '2026-10-25T00:00:00.000Z',
    );
  });

  it('ends a window at the second 02:00 when the clocks go back across 02:00 (Antarctica/Troll, UTC+2 → UTC+0)', () => {
    // Troll 2026-10-25: 02:59 (+02) is followed by 01:00 (+00), so 02:00 happens twice and local time
    // is before 02:00 again until the second one. The window 00:00–02:00 spans them: 4 real hours.
    const troll: WorkingCalendar = { timeZone: 'Antarctica/Troll', dayStartsAt: 0, dayEndsAt: 2, workingDays: [7] };
    const start = nextWorkingWindowStart(at('2026-10-24T00:00:00Z'), troll);
    expect(start.toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(addWorkingHours(start, 4, troll).toISOString()).toBe('2026-10-25T02:00:00.000Z');
    expect(workingHoursBetween(start, at('2026-10-26T00:00:00Z'), troll)).toBe(4);
  });

  it('starts a window whose start hour is skipped at the moment of the change', () => {
    // America/Santiago springs forward at local midnight (24:00 → 01:00) on 2026-09-06, a Sunday.
    const santiagoSundays: WorkingCalendar = {
      timeZone: 'America/Santiago',
      dayStartsAt: 0,
      dayEndsAt: 24,
      workingDays: [7],
    };
    const start = nextWorkingWindowStart(at('2026-09-01T00:00:00Z'), santiagoSundays);
    expect(wallClock(start, 'America/Santiago')).toBe('Sun 2026-09-06 01:00');
    expect(workingHoursBetween(start, at('2026-09-08T00:00:00Z'), santiagoSundays)).toBe(23);
  });

  it('skips a local date that never happened (Samoa jumped from 29 to 31 December 2011)', () => {
    const apia: WorkingCalendar = { ...london, timeZone: 'Pacific/Apia' };
    const thursday = at('2011-12-30T02:00:00Z');
    expect(wallClock(thursday, 'Pacific/Apia')).toBe('Thu 2011-12-29 16:00');
    const due = addWorkingHours(thursday, 2, apia);
    expect(wallClock(due, 'Pacific/Apia')).toBe('Mon 2012-01-02 10:00');
    expect(due.toISOString()).toBe('2012-01-01T20:00:00.000Z');
  });
});

describe('working hours in zones without daylight saving', () => {
  it('takes Friday 16:00 in Tokyo (UTC+9) to Monday 10:00 in Tokyo', () => {
    expect(add('2026-03-27T07:00:00Z', 2, tokyo)).toBe('2026-03-30T01:00:00.000Z');
    expect(wallClock(at(add('2026-03-27T07:00:00Z', 2, tokyo)), 'Asia/Tokyo')).toBe('Mon 2026-03-30 10:00');
  });

  it('takes Friday 16:00 in Kolkata (UTC+5:30) to Monday 10:00 in Kolkata', () => {
    expect(add('2026-03-27T10:30:00Z', 2, kolkata)).toBe('2026-03-30T04:30:00.000Z');
  });

  it('counts half-hour offsets correctly: 09:00 in Kolkata is 03:30 UTC, and Friday night UTC is Saturday there', () => {
    expect(isWithinWorkingHours(at('2026-03-24T03:29:59Z'), kolkata)).toBe(false);
    expect(isWithinWorkingHours(at('2026-03-24T03:30:00Z'), kolkata)).toBe(true);
    // 20:00 UTC on a Friday is 01:30 Saturday in Kolkata: counting starts on Monday.
    expect(add('2026-03-27T20:00:00Z', 1, kolkata)).toBe('2026-03-30T04:30:00.000Z');
  });

  it('follows the local date, not the UTC date: Monday 08:00 in Tokyo is still Sunday in UTC', () => {
    expect(isWithinWorkingHours(at('2026-03-29T23:30:00Z'), tokyo)).toBe(false); // Mon 08:30 JST
    expect(isWithinWorkingHours(at('2026-03-30T00:00:00Z'), tokyo)).toBe(true); // Mon 09:00 JST
  });

  it('supports a Sunday-to-Thursday week', () => {
    const dubai: WorkingCalendar = {
      timeZone: 'Asia/Dubai',
      dayStartsAt: 8,
      dayEndsAt: 16,
      workingDays: [7, 1, 2, 3, 4],
    };
    // Thursday 15:00 Dubai (11:00 UTC) + 2 h → Sunday 09:00 Dubai.
    expect(wallClock(addWorkingHours(at('2026-03-26T11:00:00Z'), 2, dubai), 'Asia/Dubai')).toBe('Sun 2026-03-29 09:00');
  });
});

describe('invalid calendars', () => {
  const cases: Array<[string, Partial<WorkingCalendar> | null, string]> = [
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['an empty time zone', { timeZone: '' }, 'timeZone'],
    ['a UTC offset instead of a zone', { timeZone: '+01:00' }, 'timeZone'],
    ['a start hour below 0', { dayStartsAt: -1 }, 'dayStartsAt'],
    ['a start hour of 24', { dayStartsAt: 24 }, 'dayStartsAt'],
    ['a fractional start hour', { dayStartsAt: 8.5 }, 'dayStartsAt'],
    ['an end hour past 24', { dayEndsAt: 25 }, 'dayEndsAt'],
    ['an end hour of 0', { dayEndsAt: 0 }, 'dayEndsAt'],
    ['an end before the start', { dayStartsAt: 17, dayEndsAt: 9 }, 'dayEndsAt'],
    ['an end equal to the start', { dayStartsAt: 9, dayEndsAt: 9 }, 'dayEndsAt'],
    ['no working days', { workingDays: [] }, 'workingDays'],
    ['day 0', { workingDays: [0, 1, 2] }, 'workingDays'],
    ['day 8', { workingDays: [1, 8] }, 'workingDays'],
    ['a day listed twice', { workingDays: [1, 1, 2] }, 'workingDays'],
    ['a fractional day', { workingDays: [1.5] }, 'workingDays'],
  ];

  it.each(cases)('refuses %s, naming the field', (_label, change, field) => {
    const error = refusal({ ...london, ...change });
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.details).toEqual([{ field, reasons: [expect.any(String)] }]);
    expect(error.message.startsWith(`${field}: `)).toBe(true);
  });

  it('refuses something that is not a calendar at all', () => {
    expect(refusal(null).details?.[0]?.field).toBe('calendar');
  });

  it('refuses an invalid calendar in every function, not just in validation', () => {
    const bad: WorkingCalendar = { ...london, timeZone: 'Nowhere/Special' };
    expect(() => addWorkingHours(at('2026-01-13T10:00:00Z'), 1, bad)).toThrow(DomainError);
    expect(() => workingHoursBetween(at('2026-01-13T10:00:00Z'), at('2026-01-14T10:00:00Z'), bad)).toThrow(DomainError);
    expect(() => isWithinWorkingHours(at('2026-01-13T10:00:00Z'), bad)).toThrow(DomainError);
    expect(() => nextWorkingWindowStart(at('2026-01-13T10:00:00Z'), bad)).toThrow(DomainError);
  });

  it('accepts the default and other sensible calendars', () => {
    expect(() => validateWorkingCalendar(london)).not.toThrow();
    expect(() =>
      validateWorkingCalendar({ timeZone: 'UTC', dayStartsAt: 0, dayEndsAt: 24, workingDays: [1, 2, 3, 4, 5, 6, 7] }),
    ).not.toThrow();
    expect(() =>
      validateWorkingCalendar({ timeZone: 'Australia/Lord_Howe', dayStartsAt: 23, dayEndsAt: 24, workingDays: [6] }),
    ).not.toThrow();
  });
});

// --- Property-style checks ---------------------------------------------------------------------

/** mulberry32: a tiny seeded PRNG, so failures are reproducible. */

describe('zone offsets already read are remembered per zone, and forgetting them changes nothing', () => {
  // The same instants asked in two zones: a remembered London offset must never answer for New York.
  // Each: a Friday plus 16 working hours (2 on Friday, 8 on Monday, 6 on Tuesday), in local time.
  const sums = () => [
    wallClock(addWorkingHours(at('2026-03-27T15:00:00Z'), 16, london), london.timeZone), // London springs forward between
    wallClock(addWorkingHours(at('2026-03-27T15:00:00Z'), 16, newYork), newYork.timeZone),
    wallClock(addWorkingHours(at('2026-10-30T15:00:00Z'), 16, london), london.timeZone),
    wallClock(addWorkingHours(at('2026-10-30T15:00:00Z'), 16, newYork), newYork.timeZone), // New York falls back between
    wallClock(addWorkingHours(at('2026-03-06T20:00:00Z'), 16, newYork), newYork.timeZone), // New York springs forward between
  ];
  const expected = [
    'Tue 2026-03-31 15:00',
    'Tue 2026-03-31 11:00',
    'Tue 2026-11-03 15:00',
    'Tue 2026-11-03 11:00',
    'Tue 2026-03-10 15:00',
  ];

  it('gives each zone its own answer whichever zone was asked first', () => {
    expect(sums()).toEqual(expected);
    const newYorkFirst = wallClock(addWorkingHours(at('2026-03-27T15:00:00Z'), 16, newYork), newYork.timeZone);
    const londonAfter = wallClock(addWorkingHours(at('2026-03-27T15:00:00Z'), 16, london), london.timeZone);
    expect([newYorkFirst, londonAfter]).toEqual([expected[1], expected[0]]);
  });

  it('still answers right after more offsets were read than are remembered', () => {
    // 30,000 distinct instants, more than the 20,000 remembered: the store is emptied on the way.
    for (let hour = 0; hour < 30_000; hour++) {
      isWithinWorkingHours(new Date(Date.UTC(2020, 0, 1) + hour * 3_600_000 + 1_000), hour % 2 ? london : tokyo);
    }
    expect(sums()).toEqual(expected);
  });
});
