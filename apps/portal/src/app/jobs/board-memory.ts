import { Injectable } from '@angular/core';
import { Navigation, PRIMARY_OUTLET } from '@angular/router';
import { JobSummary } from '@heardback/contracts';
import { BoardQuery, sameBoardQuery } from './board-filters';

/** What the board showed when the visitor left it: every page loaded for a query, and how far down they were. */
export interface BoardSnapshot {
  query: BoardQuery;
  jobs: readonly JobSummary[];
  nextCursor: string | null;
  total: number;
  totalCapped: boolean;
  didYouMean: string | null;
  scrollY: number;
  /** The job whose page the visitor went to from here: Back puts the focus on its link again. */
  openedJobId: string | null;
}

/**
 * Keeps the board as it was left, so Back from a job shows the same jobs at the same place instead
 * of the first page at the top. One snapshot: only the board the visitor just left can be gone back to.
 */
@Injectable({ providedIn: 'root' })
export class BoardMemory {
  private snapshot: BoardSnapshot | null = null;

  remember(snapshot: BoardSnapshot): void {
    this.snapshot = snapshot;
  }

  /** The board left with this query, if that is the one kept. */
  recall(query: BoardQuery): BoardSnapshot | null {
    return this.snapshot && sameBoardQuery(this.snapshot.query, query) ? this.snapshot : null;
  }
}

/** The job a navigation leaving the board goes to (`/jobs/:id`), or null when it goes elsewhere. */
export function jobOpenedBy(navigation: Navigation | null): string | null {
  const segments = navigation?.extractedUrl.root.children[PRIMARY_OUTLET]?.segments ?? [];
  return segments.length === 2 && segments[0].path === 'jobs' ? segments[1].path : null;
}
