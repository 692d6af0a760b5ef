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
 * Changes folded per transaction: about a minute of the bench's full write load (some 17,000; an
 * agency writes far less), in about 35 ms on the 100k bench dataset (measured in psql), far inside
 * the statement timeout, however large a backlog has grown.
 */
export const FOLD_BATCH = 20_000;
/** Batches per count in one run at most (half a million changes, inside the job's expiry); the next run goes on. */
export const MAX_BATCHES_PER_RUN = 25;

/**
 * Folds batch after batch (each `foldBatch` call is one transaction and returns how many changes it
 * moved) until one is not full, or `maxBatches` have run. Returns how many changes moved in all.
 */
export async function foldInBatches(
  foldBatch: (batch: number) => Promise<number>,
  batch: number,
  maxBatches = MAX_BATCHES_PER_RUN,
): Promise<number> {
  let moved = 0;
  for (let run = 0; run < maxBatches; run += 1) {
    const batchMoved = await foldBatch(batch);
    moved += batchMoved;
    if (batchMoved < batch) break;
  }
  return moved;
}

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

  /**
   * Each count in batches (foldInBatches). A count whose fold fails does not keep the other from being
   * folded: the first failure is thrown once both have been tried, so the job is retried.
   */
  async fold(batch = FOLD_BATCH): Promise<FoldedChanges> {
    const folded = { feedbackWaiting: 0, applicationStatus: 0 };
    let failure: unknown = null;
    for (const [count, fn] of Object.entries(FOLDS) as [keyof typeof FOLDS, string][]) {
      try {
        folded[count] = await foldInBatches(async (size) => {
          const rows: { moved: number }[] = await this.dataSource.query(`SELECT ${fn}($1) AS moved`, [size]);
          return rows[0].moved;
        }, batch);
      } catch (error) {
        failure ??= error;
      }
    }
    if (folded.feedbackWaiting + folded.applicationStatus > 0) {
      this.logger.debug(
        `Folded ${folded.feedbackWaiting} changes into the feedback queue's counts and ${folded.applicationStatus} into the status counts`,
      );
    }
    if (failure) throw failure;
    return folded;
  }
}
