import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ClockCheck } from '../background/clock-check';
import { JobQueue } from '../background/job-queue';
import { DeadlineSweepService } from './deadline-sweep.service';

export const DEADLINE_SWEEP_QUEUE = 'deadline-sweep';

/**
 * Runs the deadline sweep once a minute, across however many instances are running, on an
 * instance whose clock agrees with the database's. Its heartbeat is what /api/health reports.
 */
@Injectable()
export class DeadlineSweepSchedule implements OnApplicationBootstrap {
  constructor(
    private readonly queue: JobQueue,
    private readonly sweeper: DeadlineSweepService,
    private readonly clockCheck: ClockCheck,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.queue.runsBackgroundWork) return;
    await this.queue.work(
      DEADLINE_SWEEP_QUEUE,
      async () => {
        await this.clockCheck.assertInStep();
        await this.sweeper.sweep();
      },
      // Sweeps may overlap (each change is guarded to happen once); one lost to a crash is not waited for.
      { cron: '* * * * *', expireInSeconds: 120 },
    );
  }
}
