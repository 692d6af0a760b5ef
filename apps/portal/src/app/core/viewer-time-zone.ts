import { viewerTimeZone } from '@heardback/domain';

/**
 * The one place that decides which zone a page writes and reads times in: the viewer's own (from
 * their profile), else their browser's. The session sets it whenever the signed-in person changes;
 * every formatter and date input reads it, so one page never shows one instant in two zones.
 */
let chosen: string | null = null;

/** The browser's zone, e.g. "Europe/London". */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Called by the session: the signed-in person's own zone, or null for none (a visitor, or none chosen). */
export function setViewerTimeZone(own: string | null | undefined): void {
  chosen = own ?? null;
}

/** The zone the viewer reads times in now. */
export function currentTimeZone(): string {
  return viewerTimeZone(chosen, browserTimeZone());
}
