import { BoardFilter } from './job-board-query';

/** More distinct broad searches than a board sees in a few minutes; the oldest is forgotten first. */
export const BROAD_SEARCH_MEMO_ENTRIES = 10_000;

/**
 * Which searches were lately found to match more jobs than the board counts (JOB_SEARCH_COUNT_CAP),
 * so the next visitor's identical search skips the count (ADR 0049).
 *
 * Counting is the one part of a search whose cost grows with the table: the matches are found
 * through the GIN index, and a bitmap scan reads every one of them before the count can stop at the
 * cap (75,000 for "engineer" at a million jobs, past the board's statement_timeout under load). The
 * page itself is cheap for such a search: walking the newest open jobs fills it within a few hundred
 * rows. And the answer, "more than 1,000", is the most stable fact on the board: a word that matched
 * 75,000 jobs a few minutes ago still matches more than 1,000. So only that verdict is remembered,
 * never an exact count, which a job opening or closing changes at once.
 *
 * Per process, bounded, and forgotten after `ttlMs` by the injected clock: at worst a board that just
 * lost most of its matches says "1,000+" for a few minutes while it lists the true jobs.
 */
export class BroadSearchMemo {
  /** Key → when the verdict lapses, in insertion order, so the first entry is the oldest. */
  private readonly lapsesAt = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = BROAD_SEARCH_MEMO_ENTRIES,
  ) {}

  /** True when this search was found broad within the last `ttlMs`. */
  isBroad(filter: BoardFilter, now: Date): boolean {
    const key = memoKey(filter);
    const lapses = this.lapsesAt.get(key);
    if (lapses === undefined) return false;
    if (lapses > now.getTime()) return true;
    this.lapsesAt.delete(key);
    return false;
  }

  rememberBroad(filter: BoardFilter, now: Date): void {
    if (this.ttlMs <= 0) return;
    const key = memoKey(filter);
    this.lapsesAt.delete(key);
    if (this.lapsesAt.size >= this.maxEntries) {
      const oldest = this.lapsesAt.keys().next();
      if (!oldest.done) this.lapsesAt.delete(oldest.value);
    }
    this.lapsesAt.set(key, now.getTime() + this.ttlMs);
  }
}

/** Every field of the filter, in a fixed order; the cursor is not part of it (the count ignores it). */
function memoKey(filter: BoardFilter): string {
  return JSON.stringify([filter.tsQuery, filter.location, filter.workMode, filter.employmentType, filter.clientId]);
}
