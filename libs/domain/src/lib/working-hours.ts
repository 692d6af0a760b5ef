import { fieldError } from './domain-error';

/**
 * Working hours of an agency: a daily window of local wall-clock time on some days of the week,
 * in one IANA time zone.
 *
 * A window on a working day runs from the first instant whose local wall-clock time that day is at
 * or after dayStartsAt:00 to the last instant whose local time is before dayEndsAt:00. Across a
 * daylight-saving change inside the window the window is simply shorter or longer in real time
 * (London 00–24 holds 23 working hours on 2026-03-29 and 25 on 2026-10-25; London 01–02 holds none
 * on 2026-03-29, when 01:00–02:00 never happens, and 2 on 2026-10-25, when it happens twice).
 */
export interface WorkingCalendar {
  /** IANA time zone, e.g. `Europe/London`. */
  timeZone: string;
  /** Whole hour 0–23, local wall-clock time, when the working day starts. */
  dayStartsAt: number;
  /** Whole hour 1–24, local wall-clock time, when the working day ends; later than `dayStartsAt`. */
  dayEndsAt: number;
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
  workingDays: readonly number[];
  /** Local dates (`YYYY-MM-DD`) that are not working days though their weekday is: public holidays. */
  holidays?: readonly string[];
}

export const DEFAULT_WORKING_CALENDAR: WorkingCalendar = Object.freeze({
  timeZone: 'Europe/London',
  dayStartsAt: 9,
  dayEndsAt: 17,
  workingDays: Object.freeze([1, 2, 3, 4, 5]),
});

/** No deadline arithmetic scans more than this many local days (about ten years). */
export const MAX_SCANNED_DAYS = 3660;

const MS_PER_SECOND = 1000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

/** Throws a `DomainError` (validation failed) naming the first bad field of the calendar. */
export function validateWorkingCalendar(calendar: WorkingCalendar): void {
  if (calendar === null || typeof calendar !== 'object') {
    throw fieldError('calendar', 'must be an object with timeZone, dayStartsAt, dayEndsAt and workingDays');
  }
  const { timeZone, dayStartsAt, dayEndsAt, workingDays } = calendar;
  if (typeof timeZone !== 'string' || timeZone.trim() === '') {
    throw fieldError('timeZone', 'must be an IANA time zone name such as Europe/London');
  }
  if (!formatterFor(timeZone)) {
    throw fieldError('timeZone', `unknown time zone "${timeZone}"`);
  }
  if (!Number.isInteger(dayStartsAt) || dayStartsAt < 0 || dayStartsAt > 23) {
    throw fieldError('dayStartsAt', 'must be a whole hour from 0 to 23');
  }
  if (!Number.isInteger(dayEndsAt) || dayEndsAt < 1 || dayEndsAt > 24) {
    throw fieldError('dayEndsAt', 'must be a whole hour from 1 to 24');
  }
  if (dayEndsAt <= dayStartsAt) {
    throw fieldError('dayEndsAt', `must be later than dayStartsAt (${dayStartsAt})`);
  }
  if (!Array.isArray(workingDays) || workingDays.length === 0) {
    throw fieldError('workingDays', 'must list at least one working day (1 = Monday … 7 = Sunday)');
  }
  const seen = new Set<number>();
  for (const day of workingDays) {
    if (!Number.isInteger(day) || day < 1 || day > 7) {
      throw fieldError('workingDays', `"${String(day)}" is not a weekday: use 1 = Monday … 7 = Sunday`);
    }
    if (seen.has(day)) {
      throw fieldError('workingDays', `day ${day} is listed twice`);
    }
    seen.add(day);
  }
  for (const holiday of calendar.holidays ?? []) {
    if (typeof holiday !== 'string' || dayOfIsoDate(holiday) === null) {
      throw fieldError('holidays', `"${String(holiday)}" is not a date: use YYYY-MM-DD, e.g. 2026-12-25`);
    }
  }
}

/**
 * The end of the `days`-th working day after the local date of `after` (that date itself does not
 * count): an interview on Thursday with an answer "within 2 working days" is answered by the end
 * of Monday. Public holidays and non-working weekdays are skipped.
 */
export function endOfWorkingDaysAfter(after: Date, days: number, calendar: WorkingCalendar): Date {
  validateWorkingCalendar(calendar);
  const from = instantOf(after, 'after');
  if (!Number.isInteger(days) || days < 1) throw fieldError('days', 'must be a whole number of days, 1 or more');
  const zone = zoneOf(calendar.timeZone);
  const firstDay = zone.localDay(from) + 1;
  let counted = 0;
  for (let day = firstDay; day <= firstDay + MAX_SCANNED_DAYS; day++) {
    const window = workingWindow(day, calendar, zone);
    if (window && window.end > window.start && ++counted === days) return new Date(window.end);
  }
  throw fieldError('days', `${days} working days would take more than ${MAX_SCANNED_DAYS} days with this calendar`);
}

/** Working time between two instants in working days (working hours over the length of a working day). */
export function workingDaysBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  return workingHoursBetween(from, to, calendar) / (calendar.dayEndsAt - calendar.dayStartsAt);
}

/**
 * The instant `hours` working hours after `start`. Only time inside working windows counts; if
 * `start` is outside a window, counting begins at the next window's start. A deadline that uses up
 * a window exactly ends at that window's end (Friday 15:00 + 2 h = Friday 17:00, not Monday 09:00).
 * `hours = 0` returns `start` inside a window, else the next window's start. Millisecond resolution.
 */
export function addWorkingHours(start: Date, hours: number, calendar: WorkingCalendar): Date {
  validateWorkingCalendar(calendar);
  const from = instantOf(start, 'start');
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) {
    throw fieldError('hours', 'must be a finite number of hours, zero or more');
  }
  const zone = zoneOf(calendar.timeZone);
  let remaining = Math.round(hours * MS_PER_HOUR);
  // Start a day early: where a zone turns its clocks back across midnight, yesterday's window can
  // reach past the first instant of today's local date.
  const firstDay = zone.localDay(from) - 1;
  for (let day = firstDay; day <= firstDay + MAX_SCANNED_DAYS; day++) {
    const window = workingWindow(day, calendar, zone);
    if (!window || window.end <= from) continue;
    const begin = Math.max(from, window.start);
    const available = window.end - begin;
    if (available <= 0) continue;
    if (remaining <= available) return new Date(begin + remaining);
    remaining -= available;
  }
  throw fieldError('hours', `${hours} working hours would take more than ${MAX_SCANNED_DAYS} days with this calendar`);
}

/** Working hours elapsed between two instants (0 if `to` is not after `from`). Exact to the millisecond. */
export function workingHoursBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  validateWorkingCalendar(calendar);
  const a = instantOf(from, 'from');
  const b = instantOf(to, 'to');
  if (b <= a) return 0;
  const zone = zoneOf(calendar.timeZone);
  let total = 0;
  const firstDay = zone.localDay(a) - 1;
  for (let day = firstDay; day <= firstDay + MAX_SCANNED_DAYS; day++) {
    const window = workingWindow(day, calendar, zone);
    if (!window) continue;
    if (window.start >= b) return total / MS_PER_HOUR;
    const overlap = Math.min(b, window.end) - Math.max(a, window.start);
    if (overlap > 0) total += overlap;
  }
  throw fieldError('to', `is more than ${MAX_SCANNED_DAYS} days after from`);
}

/** Whether `at` lies inside a working window (windows include their start and exclude their end). */
export function isWithinWorkingHours(at: Date, calendar: WorkingCalendar): boolean {
  validateWorkingCalendar(calendar);
  const t = instantOf(at, 'at');
  const zone = zoneOf(calendar.timeZone);
  const today = zone.localDay(t);
  for (const day of [today - 1, today]) {
    const window = workingWindow(day, calendar, zone);
    if (window && window.start <= t && t < window.end) return true;
  }
  return false;
}

/**
 * The start of the first working window that starts at or after `at`. Inside a window this is the
 * start of the next one, not `at` itself; use `addWorkingHours(at, 0, calendar)` for "when does
 * counting start".
 */
export function nextWorkingWindowStart(at: Date, calendar: WorkingCalendar): Date {
  validateWorkingCalendar(calendar);
  const t = instantOf(at, 'at');
  const zone = zoneOf(calendar.timeZone);
  const firstDay = zone.localDay(t) - 1;
  for (let day = firstDay; day <= firstDay + MAX_SCANNED_DAYS; day++) {
    const window = workingWindow(day, calendar, zone);
    if (window && window.start >= t && window.end > window.start) return new Date(window.start);
  }
  throw fieldError('at', `no working window within ${MAX_SCANNED_DAYS} days`);
}

// ---------------------------------------------------------------------------------------------
// Time-zone arithmetic on top of Intl.DateTimeFormat. "Wall" values are local wall-clock times
// written as if they were UTC epoch milliseconds; "instants" are real epoch milliseconds.

interface Window {
  start: number;
  end: number;
}

/** The working window of a local date (days since 1970-01-01), or null on a non-working day. */
function workingWindow(day: number, calendar: WorkingCalendar, zone: Zone): Window | null {
  if (!calendar.workingDays.includes(isoWeekday(day))) return null;
  if (calendar.holidays?.some((holiday) => dayOfIsoDate(holiday) === day)) return null;
  const midnight = day * MS_PER_DAY;
  return {
    start: zone.firstInstantAtOrAfter(midnight + calendar.dayStartsAt * MS_PER_HOUR),
    end: zone.lastInstantBefore(midnight + calendar.dayEndsAt * MS_PER_HOUR),
  };
}

/** Whether `value` is a real calendar date written `YYYY-MM-DD`, as a public holiday must be. */
export function isIsoDate(value: string): boolean {
  return dayOfIsoDate(value) !== null;
}

/** The day number (days since 1970-01-01) of a `YYYY-MM-DD` date, or null if it is not a real date. */
function dayOfIsoDate(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const epoch = Date.UTC(year, month - 1, day);
  const check = new Date(epoch);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return epoch / MS_PER_DAY;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number; 1970-01-01 was a Thursday. */
function isoWeekday(day: number): number {
  return mod(day + 3, 7) + 1;
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

function instantOf(value: Date, field: string): number {
  const t = value instanceof Date ? value.getTime() : NaN;
  if (Number.isNaN(t)) throw fieldError(field, 'must be a valid date');
  return t;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        // h23, not hour12: false: the latter prints midnight as "24" on some engines.
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = null;
    }
    if (formatters.size > 500) formatters.clear();
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Offsets already read, per zone, by the instant (whole seconds) they were read for. Reading one
 * from Intl costs ~10 µs, and every working-time sum asks for dozens, mostly the same local day
 * boundaries again (ADR 0064). An offset at an instant never changes while the process runs, so
 * what is remembered is always right; the bound only keeps memory small (about 2 MB at most).
 */
const offsetsByZone = new Map<string, Map<number, number>>();
const OFFSETS_REMEMBERED = 20_000;
let offsetsHeld = 0;

function rememberedOffsets(timeZone: string): Map<number, number> {
  let offsets = offsetsByZone.get(timeZone);
  if (!offsets) {
    offsets = new Map();
    offsetsByZone.set(timeZone, offsets);
  }
  return offsets;
}

function rememberOffset(offsets: Map<number, number>, instant: number, offset: number): void {
  if (offsetsHeld >= OFFSETS_REMEMBERED) {
    for (const held of offsetsByZone.values()) held.clear();
    offsetsHeld = 0;
  }
  offsets.set(instant, offset);
  offsetsHeld++;
}

interface Zone {
  /** The local date of an instant, as days since 1970-01-01. */
  localDay(instant: number): number;
  /**
   * The first instant whose local time reaches `wall`: its first occurrence if it happens twice,
   * the moment of the change if the clocks skip it.
   */
  firstInstantAtOrAfter(wall: number): number;
  /**
   * The end of the last stretch of local time before `wall`: where the clocks go back over `wall`
   * and run up to it again, its second occurrence; where they go back to exactly `wall` (so the
   * repeated hour starts at `wall` and is not before it), its first; the moment of the change if
   * the clocks skip it.
   */
  lastInstantBefore(wall: number): number;
}

function zoneOf(timeZone: string): Zone {
  const formatter = formatterFor(timeZone);
  if (!formatter) throw fieldError('timeZone', `unknown time zone "${timeZone}"`);

  const remembered = rememberedOffsets(timeZone);

  /** Offset (local − UTC, ms) in force at an instant, from the formatted local date and time. */
  const offsetAt = (instant: number): number => {
    const whole = instant - mod(instant, MS_PER_SECOND);
    const known = remembered.get(whole);
    if (known !== undefined) return known;
    const offset = formattedOffsetAt(whole);
    rememberOffset(remembered, whole, offset);
    return offset;
  };

  const formattedOffsetAt = (whole: number): number => {
    let era = 'AD';
    const f: Record<string, number> = {};
    for (const part of formatter.formatToParts(whole)) {
      if (part.type === 'era') era = part.value;
      else if (part.type !== 'literal') f[part.type] = Number(part.value);
    }
    const year = era === 'BC' || era === 'B' ? 1 - (f['year'] ?? 0) : (f['year'] ?? 0);
    return wallOf(year, f['month'] ?? 1, f['day'] ?? 1, f['hour'] ?? 0, f['minute'] ?? 0, f['second'] ?? 0) - whole;
  };

  const wallAt = (instant: number): number => instant + offsetAt(instant);
  const isAt = (instant: number, wall: number): boolean => wallAt(instant) === wall;

  /** Every instant whose local time is `wall`, earliest first; for a skipped `wall`, the change. */
  const occurrences = (wall: number): { first: number; second?: number } => {
    // The offsets in force well before and well after this wall time (no zone changes twice
    // within a day and a half); each gives one candidate, kept only if it reads back as `wall`.
    const before = offsetAt(wall - MS_PER_DAY);
    const after = offsetAt(wall + MS_PER_DAY);
    const early = wall - Math.max(before, after);
    const late = wall - Math.min(before, after);
    const earlyOk = isAt(early, wall);
    const lateOk = early === late ? earlyOk : isAt(late, wall);
    if (earlyOk && lateOk && early !== late) return { first: early, second: late };
    if (earlyOk) return { first: early };
    if (lateOk) return { first: late };
    // A gap: the clocks jumped over `wall`. Find the change, the first instant whose offset is
    // no longer the one before it, between the two candidates (zones change on whole seconds).
    let lo = Math.floor(early / MS_PER_SECOND);
    let hi = Math.ceil(late / MS_PER_SECOND);
    if (offsetAt(lo * MS_PER_SECOND) !== before || offsetAt(hi * MS_PER_SECOND) === before) {
      throw new Error(`time zone ${timeZone}: cannot place local time ${new Date(wall).toISOString()}`);
    }
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid * MS_PER_SECOND) === before) lo = mid;
      else hi = mid;
    }
    return { first: hi * MS_PER_SECOND };
  };

  return {
    localDay: (instant) => Math.floor(wallAt(instant) / MS_PER_DAY),
    firstInstantAtOrAfter: (wall) => occurrences(wall).first,
    lastInstantBefore(wall) {
      const { first, second } = occurrences(wall);
      // The second occurrence, if the local time just before it was still short of `wall`.
      return second !== undefined && wallAt(second - MS_PER_SECOND) < wall ? second : first;
    },
  };
}

/** A wall-clock time as epoch-like milliseconds; proleptic Gregorian, any year (Date.UTC maps 0–99 to 19xx). */
function wallOf(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}
