import { InjectionToken } from '@angular/core';

/**
 * Dates and times as the person reading them expects: their browser's language and their
 * computer's time zone. Angular's DatePipe would need locale data bundled for every language,
 * and `Intl` already knows them all.
 */
export interface DateTimeOptions {
  /** Defaults to the browser's languages. */
  locale?: string | readonly string[];
  /** Defaults to the computer's time zone. */
  timeZone?: string;
}

function browserLocales(): readonly string[] | undefined {
  return typeof navigator !== 'undefined' && navigator.languages?.length
    ? navigator.languages
    : undefined;
}

function formatter(
  options: Intl.DateTimeFormatOptions,
  { locale, timeZone }: DateTimeOptions,
): Intl.DateTimeFormat {
  const locales = locale ?? browserLocales();
  return new Intl.DateTimeFormat(locales as string | string[] | undefined, {
    ...options,
    timeZone,
  });
}

/** "Tue, 1 Dec 2026" */
export function formatDate(iso: string, options: DateTimeOptions = {}): string {
  return formatter(
    { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
    options,
  ).format(new Date(iso));
}

/** "Tue, 1 Dec 2026, 14:00 GMT": with the zone, because interviews cross borders. */
export function formatDateTime(
  iso: string,
  options: DateTimeOptions = {},
): string {
  return formatter(
    {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    },
    options,
  ).format(new Date(iso));
}

/** "now" for pages that say whether an answer is late; tests replace it. */
export const NOW = new InjectionToken<() => Date>('NOW', {
  providedIn: 'root',
  factory: () => () => new Date(),
});

/** "Tue, 1 Dec 2026, 14:00 – 15:00 GMT": an interview from start to end, the date said once. */
export function formatDateTimeRange(
  startIso: string,
  endIso: string,
  options: DateTimeOptions = {},
): string {
  const format = formatter(
    {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    },
    options,
  );
  const start = new Date(startIso);
  const end = new Date(endIso);
  return end.getTime() > start.getTime()
    ? format.formatRange(start, end)
    : format.format(start);
}
