/**
 * `Intl` formatters made once per locale and options, then reused. Making one costs Chromium about a
 * millisecond (the first of a page tens of milliseconds, while ICU loads), formatting with it
 * microseconds; a list of 50 rows with two dates each made 100 of them on every render. A formatter
 * is immutable, so sharing one is safe. A constructor that throws (an unknown currency or zone) caches
 * nothing, and the caller's fallback runs each time, as before. Give dates their `timeZone`: a
 * formatter made without one would keep the browser's zone of the moment it was made.
 */
type Locales = string | readonly string[] | undefined;

/** Enough for every locale, zone and option set a page uses; past it the cache starts again. */
const MOST_KEPT = 200;

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

function kept<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let made = cache.get(key);
  if (made === undefined) {
    made = make();
    if (cache.size >= MOST_KEPT) cache.clear();
    cache.set(key, made);
  }
  return made;
}

// The options objects are written in one place each, so their key order is stable.
const keyOf = (locales: Locales, options: object) => JSON.stringify([locales ?? null, options]);

export function dateTimeFormat(locales: Locales, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return kept(
    dateTimeFormats,
    keyOf(locales, options),
    () => new Intl.DateTimeFormat(locales as string | string[] | undefined, options),
  );
}

export function numberFormat(locales: Locales, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return kept(
    numberFormats,
    keyOf(locales, options),
    () => new Intl.NumberFormat(locales as string | string[] | undefined, options),
  );
}

export function listFormat(locales: Locales, options: Intl.ListFormatOptions): Intl.ListFormat {
  return kept(
    listFormats,
    keyOf(locales, options),
    () => new Intl.ListFormat(locales as string | string[] | undefined, options),
  );
}
