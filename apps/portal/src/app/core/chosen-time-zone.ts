/**
 * The signed-in person's own zone, as the session last set it. Kept apart from viewer-time-zone.ts
 * so the session, which the first page loads, does not bring the domain library with it.
 */
let chosen: string | null = null;

/** Called by the session: the signed-in person's own zone, or null for none (a visitor, or none chosen). */
export function setViewerTimeZone(own: string | null | undefined): void {
  chosen = own ?? null;
}

/** What setViewerTimeZone was last given. */
export function chosenTimeZone(): string | null {
  return chosen;
}
