import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '../background/job-queue';
import { JobClosuresService } from './job-closures.service';

const JOB_CLOSURE_QUEUE = 'job-closure';
const JOB_CLOSURE_RECOVERY_QUEUE = 'job-closure-recovery';

/** Closing a job's applications runs on the job queue, never inside the HTTP request. */
@Injectable()
export class JobClosureQueue implements OnApplicationBootstrap {
  constructor(
    private readonly queue: JobQueue,
    private readonly closures: JobClosuresService,
  ) {}

  enqueue(closureId: string): Promise<void> {
    return this.queue.send(JOB_CLOSURE_QUEUE, { closureId });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.queue.runsBackgroundWork) return;
    await this.queue.work<{ closureId: string }>(JOB_CLOSURE_QUEUE, (data) => this.closures.process(data.closureId), {
      // A closure of a large job writes to each open application; it is safe to resume.
      expireInSeconds: 600,
    });
    // The closure row is the durable record; the queue only hurries it along. Every minute, whatever is
    // unfinished (a lost send, a crash, retries run out) is taken up again: processing is safe to repeat.
    await this.queue.work(
      JOB_CLOSURE_RECOVERY_QUEUE,
      async () => {
        for (const closureId of await this.closures.unfinished()) await this.closures.process(closureId);
      },
      { cron: '* * * * *' },
    );
  }
}
