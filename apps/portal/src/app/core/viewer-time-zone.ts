import { viewerTimeZone } from '@heardback/domain';
import { chosenTimeZone } from './chosen-time-zone';

export { setViewerTimeZone } from './chosen-time-zone';

/**
 * The one place that decides which zone a page writes and reads times in: the viewer's own (from
 * their profile), else their browser's. The session sets it whenever the signed-in person changes;
 * every formatter and date input reads it, so one page never shows one instant in two zones.
 */

/** The browser's zone, e.g. "Europe/London". */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The zone the viewer reads times in now: the one decision, above. */
export function currentTimeZone(): string {
  return viewerTimeZone(chosenTimeZone(), browserTimeZone());
}
