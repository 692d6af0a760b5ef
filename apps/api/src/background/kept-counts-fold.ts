import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobQueue } from './job-queue';

export const KEPT_COUNTS_FOLD_QUEUE = 'kept-counts-fold';

/** The SQL functions that fold one kept count's appended changes into it, each returning how many it moved. */
const FOLDS = {
  // The feedback queue's total (migration 1795957000000).
  feedbackWaiting: 'fold_feedback_waiting_changes',
  // "Who is waiting"'s total (migration 1795957100000).
  applicationStatus: 'fold_application_status_changes',
} as const;

export type FoldedChanges = Record<keyof typeof FOLDS, number>;

/**
 * Every minute, across however many instances run: the changes that writers appended to the kept
 * counts behind two totals are folded into them (ADR 0084), so each total reads a row per key and at
 * most a minute's changes. The totals are right without it (they read both tables); folding only
 * keeps the changes few. Folds may overlap: each change is taken by one of them.
 */
@Injectable()
export class KeptCountsFold implements OnApplicationBootstrap {
  private readonly logger = new Logger('KeptCountsFold');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.queue.runsBackgroundWork) return;
    await this.queue.work(KEPT_COUNTS_FOLD_QUEUE, async () => void (await this.fold()), {
      cron: '* * * * *',
      expireInSeconds: 120,
    });
  }

  /** Each count in its own transaction: one count's fold never waits for the other's. */
  async fold(): Promise<FoldedChanges> {
    const folded = {} as FoldedChanges;
    for (const [count, fn] of Object.entries(FOLDS) as [keyof typeof FOLDS, string][]) {
      const rows: { moved: number }[] = await this.dataSource.query(`SELECT ${fn}() AS moved`);
      folded[count] = rows[0].moved;
    }
    if (folded.feedbackWaiting + folded.applicationStatus > 0) {
      this.logger.debug(
        `Folded ${folded.feedbackWaiting} changes into the feedback queue's counts and ${folded.applicationStatus} into the status counts`,
      );
    }
    return folded;
  }
}
