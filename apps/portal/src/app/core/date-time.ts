import { InjectionToken } from '@angular/core';
import { dateTimeFormat, listFormat, numberFormat } from './intl-formatters';
import { currentTimeZone } from './viewer-time-zone';

/**
 * Dates and times as the person reading them expects: their browser's language and their own
 * time zone (`currentTimeZone()`), named beside every time. Angular's DatePipe would need locale
 * data bundled for every language, and `Intl` already knows them all.
 */
export interface DateTimeOptions {
  /** Defaults to the browser's languages. */
  locale?: string | readonly string[];
  /** Defaults to the viewer's zone: their profile's, else their browser's. */
  timeZone?: string;
}

/** The browser's languages, most wanted first; undefined where there is no browser. */
export function browserLocales(): readonly string[] | undefined {
  return typeof navigator !== 'undefined' && navigator.languages?.length ? navigator.languages : undefined;
}

function formatter(options: Intl.DateTimeFormatOptions, { locale, timeZone }: DateTimeOptions): Intl.DateTimeFormat {
  const locales = locale ?? browserLocales();
  return dateTimeFormat(locales, { ...options, timeZone: timeZone ?? currentTimeZone() });
}

/** "Tue, 1 Dec 2026" */
const LONG_DATE: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
/** "Tue, 1 Dec 2026, 14:00 GMT": with the zone, because interviews cross borders. */
const LONG_DATE_TIME: Intl.DateTimeFormatOptions = {
  ...LONG_DATE,
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

/**
 * The zone as people read it: "GMT", never "GMT+0" or "GMT+00:00" (what some locales say for London
 * in winter, Lisbon or Reykjavik); other offsets stay as the locale writes them ("GMT-5", "GMT+05:30").
 */
export function readableZoneName(text: string): string {
  return text.replace(/\b(GMT|UTC)[+\u2212-]00?(?::00)?(?![\d:])/g, '$1');
}

/** Formats an instant with the zone named as people read it. */
function formatWithZone(format: Intl.DateTimeFormat, at: Date): string {
  return readableZoneName(format.format(at));
}

/** Formats a span with the zone named as people read it. */
function formatRangeWithZone(format: Intl.DateTimeFormat, start: Date, end: Date): string {
  return readableZoneName(format.formatRange(start, end));
}

/** "Tue, 1 Dec 2026" */
export function formatDate(iso: string, options: DateTimeOptions = {}): string {
  return formatter(LONG_DATE, options).format(new Date(iso));
}

/** "Tue, 1 Dec 2026, 14:00 GMT": with the zone, because interviews cross borders. */
export function formatDateTime(iso: string, options: DateTimeOptions = {}): string {
  return formatWithZone(formatter(LONG_DATE_TIME, options), new Date(iso));
}

/** "now" for pages that say whether an answer is late; tests replace it. */
export const NOW = new InjectionToken<() => Date>('NOW', {
  providedIn: 'root',
  factory: () => () => new Date(),
});

/** "Tue, 1 Dec 2026, 14:00 – 15:00 GMT": an interview from start to end, the date said once. */
export function formatDateTimeRange(startIso: string, endIso: string, options: DateTimeOptions = {}): string {
  const format = formatter(LONG_DATE_TIME, options);
  const start = new Date(startIso);
  const end = new Date(endIso);
  return end.getTime() > start.getTime() ? formatRangeWithZone(format, start, end) : formatWithZone(format, start);
}

/** A calendar day (yyyy-mm-dd) in the same words as every date, with no zone to shift it: "Mon, 4 Feb 2030". */
export function formatCalendarDate(date: string, { locale }: Pick<DateTimeOptions, 'locale'> = {}): string {
  const [year, month, day] = date.split('-').map(Number);
  return formatter(LONG_DATE, { locale, timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** "1 Dec 2026": compact, for the agency's lists and tables. */
export function formatShortDate(iso: string, options: DateTimeOptions = {}): string {
  return formatter({ dateStyle: 'medium' }, options).format(new Date(iso));
}

/** "1 Dec 2026, 14:00 GMT": compact, for the agency's lists and tables; still with the zone. */
const SHORT_DATE_TIME: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

/** "1 Dec 2026, 14:00 GMT": compact, for the agency's lists and tables. */
export function formatShortDateTime(iso: string, options: DateTimeOptions = {}): string {
  return formatWithZone(formatter(SHORT_DATE_TIME, options), new Date(iso));
}

/** "1 Dec 2026, 14:00–15:00 GMT" on the start's day, or a full range when it spans days. */
export function formatShortDateTimeRange(startsIso: string, endsIso: string, options: DateTimeOptions = {}): string {
  return formatRangeWithZone(formatter(SHORT_DATE_TIME, options), new Date(startsIso), new Date(endsIso));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Largest first: a span is said in the largest unit it reaches, then the next one down. */
const DURATION_UNITS: readonly { unit: 'day' | 'hour' | 'minute'; ms: number }[] = [
  { unit: 'day', ms: DAY },
  { unit: 'hour', ms: HOUR },
  { unit: 'minute', ms: MINUTE },
];

/** From a week on, the hours no longer change what a reader does: "12 days". */
const ONE_UNIT_FROM = 7 * DAY;

/**
 * A span of time in words, never longer than it is (a deadline must not look further away than it
 * is): "1 day 23 hours", "5 hours 20 minutes", "2 days", "12 days", "less than a minute". Two units
 * below a week, the second left out when it is zero; every unit floored.
 */
export function durationInWords(ms: number, locale?: string): string {
  const abs = Math.abs(ms);
  const largest = DURATION_UNITS.findIndex(({ ms: unitMs }) => abs >= unitMs);
  if (largest === -1) {
    return 'less than a minute';
  }
  const { unit, ms: unitMs } = DURATION_UNITS[largest];
  const amounts = [{ unit, value: Math.floor(abs / unitMs) }];
  const next = DURATION_UNITS[largest + 1];
  if (next && abs < ONE_UNIT_FROM) {
    const value = Math.floor((abs % unitMs) / next.ms);
    if (value > 0) amounts.push({ unit: next.unit, value });
  }
  const words = amounts.map(({ unit: each, value }) =>
    numberFormat(locale, { style: 'unit', unit: each, unitDisplay: 'long' }).format(value),
  );
  return listFormat(locale, { style: 'narrow', type: 'unit' }).format(words);
}

/** How a feedback deadline stands right now, in words: "Overdue by 2 days", "Due in 5 hours 20 minutes". */
export function deadlineInWords(dueIso: string | null, now: Date, locale?: string): string {
  if (dueIso === null) {
    return 'No deadline set';
  }
  const left = new Date(dueIso).getTime() - now.getTime();
  return left < 0 ? `Overdue by ${durationInWords(left, locale)}` : `Due in ${durationInWords(left, locale)}`;
}
