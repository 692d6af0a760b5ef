import { Clock, systemClock } from '@heardback/domain';

/** The time everything deadline-related reads; the system clock, or a simulated one in `npm run simulate`. */
export const CLOCK = Symbol('CLOCK');
export { Clock, systemClock };
