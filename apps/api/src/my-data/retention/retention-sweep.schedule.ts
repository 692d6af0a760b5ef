import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '../../background/job-queue';
import { RetentionSweepService } from './retention-sweep.service';

export const RETENTION_SWEEP_QUEUE = 'retention-sweep';

/** Runs the retention sweep every hour, across however many instances are running: its dates are days apart. */
@Injectable()
export class RetentionSweepSchedule implements OnApplicationBootstrap {
  constructor(
    private readonly queue: JobQueue,
    private readonly sweeper: RetentionSweepService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.queue.runsBackgroundWork) return;
    await this.queue.work(
      RETENTION_SWEEP_QUEUE,
      async () => {
        await this.sweeper.sweep();
      },
      { cron: '23 * * * *', expireInSeconds: 900 },
    );
  }
}
