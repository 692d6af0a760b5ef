/** Date and time inputs in the viewer's own time zone, read as instants for the API and back. */
import { dateTimeFormat } from './intl-formatters';
import { currentTimeZone } from './viewer-time-zone';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/** A date (yyyy-mm-dd) and a time (hh:mm) typed in the viewer's zone, as an ISO instant. */
export function localDateTimeToIso(date: string, time: string, timeZone = currentTimeZone()): string | null {
  if (!DATE.test(date) || !TIME.test(time)) {
    return null;
  }
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at a first guess, then again at the instant it gives, which settles it across DST.
  const guess = wall - offsetAt(new Date(wall), timeZone);
  const instant = new Date(wall - offsetAt(new Date(guess), timeZone));
  // "2026-02-30" rolls over to March: that is not the day the person typed.
  return localDate(instant, timeZone) === date ? instant.toISOString() : null;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The wall clock of an instant in a zone. */
function wallClock(at: Date, timeZone: string) {
  const parts = dateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((found) => found.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

/** How far the zone's wall clock is ahead of UTC at an instant, to the minute. */
function offsetAt(at: Date, timeZone: string): number {
  const wall = wallClock(at, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return asUtc - Math.floor(at.getTime() / 60_000) * 60_000;
}

/** The day (yyyy-mm-dd) of an instant in the viewer's zone: the `min` of a date input. */
export function localDate(at: Date, timeZone = currentTimeZone()): string {
  const wall = wallClock(at, timeZone);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** The date (yyyy-mm-dd) and time (hh:mm) of an instant in the viewer's zone, to fill date and time inputs. */
export function isoToLocalDateAndTime(
  iso: string,
  timeZone = currentTimeZone(),
): {
  date: string;
  time: string;
} {
  const wall = wallClock(new Date(iso), timeZone);
  return {
    date: `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`,
    time: `${pad(wall.hour)}:${pad(wall.minute)}`,
  };
}

/** The zone the inputs are read in, e.g. "Europe/London", to say so beside them. */
export function userTimeZone(): string {
  return currentTimeZone();
}

export type DateTimeReading = { ok: true; iso: string | null } | { ok: false; problem: string };

/**
 * What a date and time pair means: an instant in the future, nothing (only when optional and
 * both are empty), or the problem to show next to the inputs.
 */
export function readDateTime(
  date: string,
  time: string,
  now: Date,
  { required }: { required: boolean },
): DateTimeReading {
  if (date === '' && time === '') {
    return required ? { ok: false, problem: 'Choose a date and a time.' } : { ok: true, iso: null };
  }
  if (date === '') {
    return { ok: false, problem: 'Choose the date as well.' };
  }
  if (time === '') {
    return { ok: false, problem: 'Give the time as well.' };
  }
  const iso = localDateTimeToIso(date, time);
  if (!iso) {
    return { ok: false, problem: 'Enter a real date and time.' };
  }
  if (new Date(iso).getTime() <= now.getTime()) {
    return { ok: false, problem: 'Choose a time in the future.' };
  }
  return { ok: true, iso };
}
