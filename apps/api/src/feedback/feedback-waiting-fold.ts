import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobQueue } from '../background/job-queue';

export const FEEDBACK_WAITING_FOLD_QUEUE = 'feedback-waiting-fold';

/**
 * Every minute, across however many instances run: the changes writers appended to
 * feedback_waiting_changes are folded into feedback_waiting_counts (SQL
 * `fold_feedback_waiting_changes`, migration 1795957000000), so the feedback queue's total reads a
 * row per day and at most a minute's changes. The total is right without it (it reads both tables);
 * folding only keeps the changes few. Folds may overlap: each change is taken by one of them.
 */
@Injectable()
export class FeedbackWaitingFold implements OnApplicationBootstrap {
  private readonly logger = new Logger('FeedbackWaitingFold');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.queue.runsBackgroundWork) return;
    await this.queue.work(FEEDBACK_WAITING_FOLD_QUEUE, async () => void (await this.fold()), {
      cron: '* * * * *',
      expireInSeconds: 120,
    });
  }

  /** Returns how many changes it folded. */
  async fold(): Promise<number> {
    const rows: { moved: number }[] = await this.dataSource.query('SELECT fold_feedback_waiting_changes() AS moved');
    const moved = rows[0].moved;
    if (moved > 0) this.logger.debug(`Folded ${moved} changes into the feedback queue's counts`);
    return moved;
  }
}
