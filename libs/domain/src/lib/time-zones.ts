import { TIME_ZONE_MAX_LENGTH } from '@heardback/contracts';

/** Whether `name` is an IANA time zone this runtime knows ("Europe/London", "America/New_York", "UTC"). */
export function isTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > TIME_ZONE_MAX_LENGTH) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The zone a person reads times in: their own if they chose one, else the fallback (the browser's or the agency's). */
export function viewerTimeZone(own: string | null | undefined, fallback: string): string {
  return own && isTimeZone(own) ? own : fallback;
}
