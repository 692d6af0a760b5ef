import { viewerTimeZone } from '@heardback/domain';

const AGENCY_TIME_FORMAT: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
};

const CALENDAR_DAY_FORMAT: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};

const SHORT_TIME_FORMAT: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
};

/**
 * One formatter per format and zone, made once: building an Intl.DateTimeFormat costs far more
 * than using it (profiled: 7% of a scheduling request's CPU went on building them). Zones are the
 * agency's and those people chose (IANA names, in any letter case), so a format's map is forgotten
 * past ZONES_REMEMBERED rather than grow with what people typed.
 */
const ZONES_REMEMBERED = 1000;
const formatters = new Map<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();

/** The en-GB formatter of one of this file's formats in a zone. */
function formatter(format: Intl.DateTimeFormatOptions, timeZone: string): Intl.DateTimeFormat {
  let byZone = formatters.get(format);
  if (!byZone) {
    byZone = new Map();
    formatters.set(format, byZone);
  }
  let made = byZone.get(timeZone);
  if (!made) {
    made = new Intl.DateTimeFormat('en-GB', { ...format, timeZone });
    if (byZone.size >= ZONES_REMEMBERED) byZone.clear();
    byZone.set(timeZone, made);
  }
  return made;
}

/** "GMT", never "GMT+0"; other offsets as written ("GMT-5", "GMT+5:30"). */
function readableZoneName(name: string): string {
  return /^(GMT|UTC)[+\u2212-]0(:00)?$/.test(name) ? name.slice(0, 3) : name;
}

function joinReadable(parts: readonly (Intl.DateTimeFormatPart & { source?: string })[]): string {
  return parts.map((part) => (part.type === 'timeZoneName' ? readableZoneName(part.value) : part.value)).join('');
}

/** An instant as the agency writes it to people: "Monday, 30 November 2026 at 14:00 GMT". */
export function formatAgencyTime(at: Date, timeZone: string): string {
  return joinReadable(formatter(AGENCY_TIME_FORMAT, timeZone).formatToParts(at));
}

/**
 * A start and an end, in the same words as one time: "Thursday, 3 December 2026 at 10:00–11:00 GMT"
 * on one day, in full at both ends when it spans days.
 */
export function formatAgencyTimeRange(start: Date, end: Date, timeZone: string): string {
  return sameDayRange(start, end, timeZone) ?? formattedRange(start, end, timeZone);
}

/**
 * The common case (both ends on one local day, under one zone name, at different minutes) from two
 * single-time formats: Intl's range formatting costs about seven times as much, and every
 * scheduling request writes two ranges (profiled under load: 5% of its CPU). The words are the
 * same as `formattedRange` gives; anything else (days apart, a clock change between, one minute)
 * is left to it. The spec compares the two over many random ranges and zones.
 */
function sameDayRange(start: Date, end: Date, timeZone: string): string | null {
  const format = formatter(AGENCY_TIME_FORMAT, timeZone);
  const from = format.formatToParts(start);
  const to = format.formatToParts(end);
  const hour = from.findIndex((part) => part.type === 'hour');
  const zone = from.findIndex((part) => part.type === 'timeZoneName');
  if (hour < 1 || zone < hour || from.length !== to.length) return null;
  const same = (index: number) => from[index].type === to[index].type && from[index].value === to[index].value;
  for (let index = 0; index < from.length; index++) {
    const { type } = from[index];
    if (
      (type === 'weekday' ||
        type === 'day' ||
        type === 'month' ||
        type === 'year' ||
        type === 'era' ||
        type === 'timeZoneName' ||
        type === 'literal') &&
      !same(index)
    )
      return null;
  }
  // The same minute at both ends: Intl writes one time, not a range.
  if (from.every((part, index) => same(index))) return null;
  const time = (parts: Intl.DateTimeFormatPart[]) => joinReadable(parts.slice(hour, zone - 1));
  return `${joinReadable(from.slice(0, hour))}${time(from)}\u2013${time(to)}${joinReadable(from.slice(zone - 1))}`;
}

/** Intl's own range: "…2026, 10:00–11:00" made "…2026 at 10:00–11:00", as a single time says it. */
function formattedRange(start: Date, end: Date, timeZone: string): string {
  const parts = formatter(AGENCY_TIME_FORMAT, timeZone).formatRangeToParts(start, end);
  const firstHour = parts.findIndex((part) => part.type === 'hour');
  const sameDay = firstHour > 0 && parts.slice(0, firstHour).every((part) => part.source === 'shared');
  if (sameDay && parts[firstHour - 1].type === 'literal') {
    parts[firstHour - 1] = { ...parts[firstHour - 1], value: ' at ' };
  }
  return joinReadable(parts);
}

/** Intl's range, for the spec to hold the common case's words to. */
export const formattedRangeForTests = formattedRange;

/** A calendar day (yyyy-mm-dd) in the same words as every date, with no zone to shift it: "Monday, 4 January 2027". */
export function formatCalendarDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return formatter(CALENDAR_DAY_FORMAT, 'UTC').format(new Date(Date.UTC(year, month - 1, day)));
}

/** An instant as written to one person: in the zone they chose, else the agency's, and named. */
export function formatTimeFor(at: Date, recipientZone: string | null, agencyZone: string): string {
  return formatAgencyTime(at, viewerTimeZone(recipientZone, agencyZone));
}

/** A short time for a subject line, in the reader's zone (else the agency's): "Tue 8 Dec, 10:00". */
export function formatShortTimeFor(at: Date, recipientZone: string | null, agencyZone: string): string {
  return formatter(SHORT_TIME_FORMAT, viewerTimeZone(recipientZone, agencyZone)).format(at);
}
