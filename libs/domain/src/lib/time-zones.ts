import { TIME_ZONE_MAX_LENGTH } from '@heardback/contracts';

/**
 * Names already checked, so a time written for a person does not build a formatter to check their
 * zone every time (it costs more than formatting). Bounded: the set is forgotten past ZONES_REMEMBERED,
 * as the names come from what people typed (IANA names, in any letter case).
 */
const knownZones = new Set<string>();
const ZONES_REMEMBERED = 1000;

/** Whether `name` is an IANA time zone this runtime knows ("Europe/London", "America/New_York", "UTC"). */
export function isTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > TIME_ZONE_MAX_LENGTH) return false;
  if (knownZones.has(name)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
  } catch {
    return false;
  }
  if (knownZones.size >= ZONES_REMEMBERED) knownZones.clear();
  knownZones.add(name);
  return true;
}

/** The zone a person reads times in: their own if they chose one, else the fallback (the browser's or the agency's). */
export function viewerTimeZone(own: string | null | undefined, fallback: string): string {
  return own && isTimeZone(own) ? own : fallback;
}

/** The calendar date `at` falls on in `timeZone`, as yyyy-mm-dd ("today" in the agency's zone). */
export function calendarDateIn(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * Rule: the last day a client's month is reported to: its last day, or today while it is the month
 * in progress, as the score page's "This month" is. Otherwise promises due later this month, and kept
 * early, would be counted before their date (a week still to come showing "kept").
 */
export function reportedMonthEnd(month: string, lastDay: string, today: string): string {
  return today.slice(0, 7) === month && today < lastDay ? today : lastDay;
}

/** Rule: a calendar date and a time of day that exist (no 30 February, no 24:00, no leap second). */
export function isRealDateTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): boolean {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}

/**
 * Rule: the years a date a person names (an interview, a deadline, a decision date, a hold) may fall
 * in, in UTC. Wide enough for any real one and for the deadlines worked out from it; narrow enough
 * that everything stored from it can be read back. PostgreSQL stores years past 9999, which
 * JavaScript cannot read from it: one such date, once saved, made its application fail to open for
 * everyone (a 500 on every read).
 */
export const NAMED_DATE_YEARS = { first: 2000, last: 2099 } as const;

/** Why a date outside NAMED_DATE_YEARS is refused, in the field's words (every date field says the same). */
export const OUTSIDE_NAMED_DATE_YEARS = `must be a date in the years ${NAMED_DATE_YEARS.first} to ${NAMED_DATE_YEARS.last}`;

/** Whether the instant `epochMs` falls within NAMED_DATE_YEARS. */
export function isWithinNamedDateYears(epochMs: number): boolean {
  const year = new Date(epochMs).getUTCFullYear();
  return year >= NAMED_DATE_YEARS.first && year <= NAMED_DATE_YEARS.last;
}
