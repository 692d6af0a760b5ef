/** How often a failed send is retried, and when we give up: about a day of trying in all. */
export const MAX_SEND_ATTEMPTS = 8;
const DELAYS_SECONDS = [30, 120, 600, 1800, 3600, 3 * 3600, 6 * 3600];

/** `scale` shortens every delay alike (tests use a small one); production uses 1. */
export function retryDelaySeconds(attemptsSoFar: number, scale = 1): number {
  return DELAYS_SECONDS[Math.min(Math.max(attemptsSoFar, 1), DELAYS_SECONDS.length) - 1] * scale;
}

export function shouldGiveUp(attemptsSoFar: number): boolean {
  return attemptsSoFar >= MAX_SEND_ATTEMPTS;
}
