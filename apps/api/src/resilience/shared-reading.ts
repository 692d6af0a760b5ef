import type { Clock } from '../config/clock';

/**
 * A reading of something outside the process (the database answers, the outbox's lag) that any number
 * of callers may ask for at once: callers that ask while a reading is in flight share it, and a reading
 * that succeeded is handed out again for `reuseForMs` (by the injected clock; 0 reuses nothing). So a
 * thousand requests for it cost one reading at a time, not a thousand (ADR 0074). A failed reading is
 * not kept: the next caller tries again.
 */
export class SharedReading<T> {
  private inFlight: Promise<T> | null = null;
  private last: { value: T; at: number } | null = null;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly options: { reuseForMs: number; clock: Clock },
  ) {}

  get(): Promise<T> {
    const now = this.options.clock.now().getTime();
    // A clock set back (the simulation's) makes the kept reading's age unknown: read again.
    if (this.last && now >= this.last.at && now - this.last.at < this.options.reuseForMs) {
      return Promise.resolve(this.last.value);
    }
    if (this.inFlight) return this.inFlight;
    const reading = Promise.resolve()
      .then(() => this.read())
      .then((value) => {
        this.last = { value, at: this.options.clock.now().getTime() };
        return value;
      });
    this.inFlight = reading;
    // Settled either way, the next caller starts a new reading (unless this one is still fresh).
    const forget = () => {
      if (this.inFlight === reading) this.inFlight = null;
    };
    reading.then(forget, forget);
    return reading;
  }
}
