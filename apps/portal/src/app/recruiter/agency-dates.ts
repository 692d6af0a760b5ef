/**
 * Dates and times as agency people read them: in their own locale and time zone.
 * `locale` and `timeZone` are parameters only so tests can pin them; pages leave them out.
 */
export interface DateDisplayOptions {
  locale?: string;
  timeZone?: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatDateTime(
  iso: string,
  { locale, timeZone }: DateDisplayOptions = {},
): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

export function formatDate(
  iso: string,
  { locale, timeZone }: DateDisplayOptions = {},
): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeZone,
  }).format(new Date(iso));
}

/** "14:00 – 15:00" on the start's day, or a full range when it spans days. */
export function formatTimeRange(
  startsIso: string,
  endsIso: string,
  { locale, timeZone }: DateDisplayOptions = {},
): string {
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  return format.formatRange(new Date(startsIso), new Date(endsIso));
}

/** The time zone the user's browser is in, e.g. "Europe/London", for labels next to time inputs. */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A span of time in the largest whole unit that fits: "3 days", "5 hours", "1 minute". */
export function durationInWords(ms: number, locale?: string): string {
  const abs = Math.abs(ms);
  const [value, unit] =
    abs >= DAY
      ? [Math.floor(abs / DAY), 'day']
      : abs >= HOUR
        ? [Math.floor(abs / HOUR), 'hour']
        : [Math.max(1, Math.floor(abs / MINUTE)), 'minute'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'long',
  }).format(value);
}

/** How a feedback deadline stands right now, in words: "Overdue by 2 days", "Due in 5 hours". */
export function deadlineInWords(
  dueIso: string | null,
  now: Date,
  locale?: string,
): string {
  if (dueIso === null) {
    return 'No deadline set';
  }
  const left = new Date(dueIso).getTime() - now.getTime();
  return left < 0
    ? `Overdue by ${durationInWords(left, locale)}`
    : `Due in ${durationInWords(left, locale)}`;
}

/** A date (yyyy-mm-dd) and a time (hh:mm) typed in the user's time zone, as an ISO instant. */
export function localDateTimeToIso(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) {
    return null;
  }
  // Without a zone suffix, the Date constructor reads date-time strings as local time.
  const instant = new Date(`${date}T${time}:00`);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** The local date (yyyy-mm-dd) and time (hh:mm) of an instant, to fill date and time inputs. */
export function isoToLocalDateAndTime(iso: string): {
  date: string;
  time: string;
} {
  const at = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return {
    date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`,
    time: `${pad(at.getHours())}:${pad(at.getMinutes())}`,
  };
}
