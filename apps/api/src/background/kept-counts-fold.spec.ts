import { DataSource } from 'typeorm';
import { JobQueue } from './job-queue';
import { KeptCountsFold, MAX_BATCHES_PER_RUN, foldInBatches } from './kept-counts-fold';

/** A fold that moves the given numbers of changes, one per call, and records the batch sizes asked for. */
function scripted(moves: number[]) {
  const asked: number[] = [];
  const foldBatch = async (batch: number) => {
    asked.push(batch);
    return moves[asked.length - 1] ?? 0;
  };
  return { asked, foldBatch };
}

describe('folding kept counts in batches', () => {
  it('folds again while a batch comes back full, and stops at the first that is not', async () => {
    const { asked, foldBatch } = scripted([5, 5, 3, 5]);
    expect(await foldInBatches(foldBatch, 5)).toBe(13);
    expect(asked).toEqual([5, 5, 5]);
  });

  it('stops after one batch when there was nothing, or less than a batch, to fold', async () => {
    expect(await foldInBatches(scripted([0]).foldBatch, 5)).toBe(0);
    const { asked, foldBatch } = scripted([4]);
    expect(await foldInBatches(foldBatch, 5)).toBe(4);
    expect(asked).toHaveLength(1);
  });

  it('leaves the rest of a backlog to the next run once it has run its most batches', async () => {
    const { asked, foldBatch } = scripted(Array.from({ length: MAX_BATCHES_PER_RUN + 5 }, () => 2));
    expect(await foldInBatches(foldBatch, 2)).toBe(2 * MAX_BATCHES_PER_RUN);
    expect(asked).toHaveLength(MAX_BATCHES_PER_RUN);
  });
});

describe('the fold job', () => {
  /** A data source whose fold functions answer as `answers` says, by name; records what was called. */
  function foldWith(answers: Record<string, () => number>) {
    const called: string[] = [];
    const dataSource = {
      query: async (sql: string) => {
        const name = /SELECT (\w+)\(/.exec(sql)?.[1] ?? sql;
        called.push(name);
        return [{ moved: answers[name]() }];
      },
    } as unknown as DataSource;
    return { called, fold: new KeptCountsFold(dataSource, {} as JobQueue) };
  }

  it('folds both counts, each until its batch is not full', async () => {
    const moves = [3, 1];
    const { called, fold } = foldWith({
      fold_feedback_waiting_changes: () => moves.shift() ?? 0,
      fold_application_status_changes: () => 2,
    });
    expect(await fold.fold(3)).toEqual({ feedbackWaiting: 4, applicationStatus: 2 });
    expect(called).toEqual([
      'fold_feedback_waiting_changes',
      'fold_feedback_waiting_changes',
      'fold_application_status_changes',
    ]);
  });

  it('still folds the second count when the first fails, then reports the failure', async () => {
    const broken = new Error('fold_feedback_waiting_changes failed');
    const { called, fold } = foldWith({
      fold_feedback_waiting_changes: () => {
        throw broken;
      },
      fold_application_status_changes: () => 1,
    });
    await expect(fold.fold(3)).rejects.toBe(broken);
    expect(called).toEqual(['fold_feedback_waiting_changes', 'fold_application_status_changes']);
  });
});
