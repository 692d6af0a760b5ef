/** Date and time inputs in the person's own time zone, read as instants for the API and back. */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/** A date (yyyy-mm-dd) and a time (hh:mm) typed in the browser's time zone, as an ISO instant. */
export function localDateTimeToIso(date: string, time: string): string | null {
  if (!DATE.test(date) || !TIME.test(time)) {
    return null;
  }
  // Without a zone suffix, the Date constructor reads a date-time string as local time.
  const instant = new Date(`${date}T${time}:00`);
  if (Number.isNaN(instant.getTime())) {
    return null;
  }
  // "2026-02-30" rolls over to March: that is not the day the person typed.
  return localDate(instant) === date ? instant.toISOString() : null;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The local day (yyyy-mm-dd) of an instant: the `min` of a date input. */
export function localDate(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The local date (yyyy-mm-dd) and time (hh:mm) of an instant, to fill date and time inputs. */
export function isoToLocalDateAndTime(iso: string): {
  date: string;
  time: string;
} {
  const at = new Date(iso);
  return {
    date: localDate(at),
    time: `${pad(at.getHours())}:${pad(at.getMinutes())}`,
  };
}

/** The browser's time zone, e.g. "Europe/London", to say which zone the inputs are in. */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
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
