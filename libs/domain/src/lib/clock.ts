/**
 * Where "now" comes from. Everything deadline-related takes a clock instead of calling
 * `new Date()` itself, so tests and simulations can run on a fixed or simulated time.
 */
export interface Clock {
  now(): Date;
}

/** The real time of the machine. */
export const systemClock: Clock = {
  now: () => new Date(),
};

/** A clock that always reads `at` (a copy each time, so callers cannot move it by mutating the result). */
export function fixedClock(at: Date): Clock {
  const ms = at.getTime();
  return { now: () => new Date(ms) };
}
