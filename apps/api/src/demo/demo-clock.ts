import { Clock } from '@heardback/domain';
import { AsyncLocalStorage } from 'node:async_hooks';

/** Where a piece of the demo's history is being written: the moment it pretends to start at, and when it really did. */
interface PastMoment {
  startsAt: number;
  enteredAt: number;
}

/**
 * The clock of a product started with demo data: the machine's time (or a test's), except inside
 * `during`, where the demo loader writes its history. There it reads as that moment in the past, so
 * an application made "ten days before its interview" is dated then, and its timeline, audit trail,
 * promises and score read as a real agency's would, instead of every event at the minute of seeding.
 *
 * The past is bound to the loader's own async calls (AsyncLocalStorage), not set on the clock: a
 * request or a sweep running meanwhile still reads the real time. Time keeps flowing inside a past
 * moment, so the events of one step keep their order.
 */
export class DemoClock implements Clock {
  private readonly past = new AsyncLocalStorage<PastMoment>();

  constructor(private readonly present: Clock) {}

  now(): Date {
    const moment = this.past.getStore();
    const present = this.present.now().getTime();
    return new Date(moment ? moment.startsAt + (present - moment.enteredAt) : present);
  }

  /** Runs `work` as if it were `moment`, which must not be in the future: nothing may happen before it is due. */
  during<T>(moment: Date, work: () => Promise<T>): Promise<T> {
    const enteredAt = this.present.now().getTime();
    if (moment.getTime() > enteredAt) {
      throw new RangeError(`The demo's history cannot be written in the future (${moment.toISOString()})`);
    }
    return this.past.run({ startsAt: moment.getTime(), enteredAt }, work);
  }
}
