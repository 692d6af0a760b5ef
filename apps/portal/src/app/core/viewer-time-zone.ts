import { viewerTimeZone } from '@heardback/domain';
import { chosenTimeZone } from './chosen-time-zone';

export { setViewerTimeZone } from './chosen-time-zone';

/**
 * The one place that decides which zone a page writes and reads times in: the viewer's own (from
 * their profile), else their browser's. The session sets it whenever the signed-in person changes;
 * every formatter and date input reads it, so one page never shows one instant in two zones.
 */

/**
 * Asking the browser for its zone makes a formatter (about a millisecond in Chromium), and a list
 * asks for every time it writes: the answer is kept for a minute, so a device that changes zone
 * while the page is open is followed soon after, and a page renders in one zone.
 */
const BROWSER_ZONE_KEPT_MS = 60_000;
let browserZone: { zone: string; readAt: number } | null = null;

/** The browser's zone, e.g. "Europe/London". */
export function browserTimeZone(): string {
  const now = Date.now();
  if (browserZone === null || !isFresh(browserZone.readAt, now)) {
    browserZone = { zone: Intl.DateTimeFormat().resolvedOptions().timeZone, readAt: now };
  }
  return browserZone.zone;
}

/** A negative age is a clock set back: read again rather than keep the zone for good. */
function isFresh(readAt: number, now: number): boolean {
  const age = now - readAt;
  return age >= 0 && age < BROWSER_ZONE_KEPT_MS;
}

/** The zone the viewer reads times in now: the one decision, above. */
export function currentTimeZone(): string {
  return viewerTimeZone(chosenTimeZone(), browserTimeZone());
}
