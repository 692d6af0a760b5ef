import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '../background/job-queue';
import { DeadlineSweepService } from './deadline-sweep.service';

export const DEADLINE_SWEEP_QUEUE = 'deadline-sweep';

/** Runs the deadline sweep once a minute, across however many instances are running. */
@Injectable()
export class DeadlineSweepSchedule implements OnApplicationBootstrap {
  constructor(
    private readonly queue: JobQueue,
    private readonly sweeper: DeadlineSweepService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.queue.runsBackgroundWork) return;
    await this.queue.work(
      DEADLINE_SWEEP_QUEUE,
      async () => {
        await this.sweeper.sweep();
      },
      { cron: '* * * * *', singleton: true },
    );
  }
}
