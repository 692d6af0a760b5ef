import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@heardback/domain';
import { CLOCK } from '../config/clock';
import { DeadlineSweepService } from '../deadlines/deadline-sweep.service';
import { DemoClock } from './demo-clock';

const HOUR = 3_600_000;
/** How far back the deadline sweep is run through the demo's history: before its first interview. */
export const HISTORY_SWEPT_MS = 12 * 24 * HOUR;

/**
 * When the demo's events happened (ADR 0071): the loader's steps run dated in the past through the
 * app's DemoClock; without one (a clock given by a test or the simulation), everything is dated now.
 */
@Injectable()
export class DemoHistory {
  private readonly clock: DemoClock | null;

  constructor(
    @Inject(CLOCK) private readonly present: Clock,
    private readonly deadlines: DeadlineSweepService,
  ) {
    this.clock = present instanceof DemoClock ? present : null;
  }

  /** The present, in milliseconds: where the stories count back from. */
  now(): number {
    return this.present.now().getTime();
  }

  /** Runs `work` dated `moment`, as it would have happened. */
  when<T>(moment: Date, work: () => Promise<T>): Promise<T> {
    return this.clock ? this.clock.during(moment, work) : work();
  }

  /**
   * The deadline sweep as it would have run while the stories happened, once an hour up to the present:
   * interviews marked done, client review links sent, reminders, chases and escalations, each dated when it
   * was due. Without it the first real sweep does all of that at once, dated today, about deadlines long
   * past. A sweep at a past hour sees data written later in the stories, but acts only on what was due by
   * then, and what the stories add later falls due after it was added (a booking before its interview,
   * feedback after it), so it acts as it would have: a stage given feedback later is already past its
   * reminder, which is left out.
   */
  async sweepThrough(from: number): Promise<void> {
    if (!this.clock) return;
    const now = this.now();
    for (let hour = from; hour < now; hour += HOUR) {
      const at = new Date(hour);
      await this.when(at, () => this.deadlines.sweep(at, HOUR));
    }
  }
}
