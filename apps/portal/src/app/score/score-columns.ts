import { ScoreFigures, ScoreGroupSort, ScoreRow, SortDirection } from '@heardback/contracts';

/**
 * A column of the score's table: the API sort it asks for (ADR 0045: the API sorts and pages, a
 * missing figure last either way) and how to write it.
 */
export interface ScoreColumn {
  id: ScoreGroupSort;
  label: string;
  text: (row: ScoreRow) => string;
}

export interface ScoreSort {
  column: ScoreGroupSort;
  direction: SortDirection;
}

/** The table's order when the page opens: by name, A first. */
export const FIRST_SORT: ScoreSort = { column: ScoreGroupSort.Name, direction: SortDirection.Asc };

/** "2.5", "–" for no figure. */
export function figure(value: number | null, unit = ''): string {
  return value === null ? '–' : `${value.toLocaleString('en-GB', { maximumFractionDigits: 2 })}${unit}`;
}

/** A 0–1 share as "40%". */
export function percent(share: number | null): string {
  return share === null ? '–' : `${(Math.round(share * 1000) / 10).toLocaleString('en-GB')}%`;
}

/** Satisfaction withheld from a recruiter says so, without how many answered (a clue too); the page says why. */
export function satisfactionText(figures: ScoreFigures, value: number | null, unit: string): string {
  if (figures.satisfaction.withheld) return 'Hidden';
  return figure(value, unit);
}

export const SCORE_COLUMNS: readonly ScoreColumn[] = [
  { id: ScoreGroupSort.Name, label: 'Name', text: (row) => row.name },
  {
    id: ScoreGroupSort.Interviews,
    label: 'Interviews with feedback',
    text: (row) => String(row.timeToFeedback.count),
  },
  {
    id: ScoreGroupSort.Median,
    label: 'Median working days to feedback',
    text: (row) => figure(row.timeToFeedback.medianWorkingDays),
  },
  {
    id: ScoreGroupSort.P90,
    label: 'p90 working days',
    text: (row) => figure(row.timeToFeedback.p90WorkingDays),
  },
  {
    id: ScoreGroupSort.Kept,
    label: 'Promises kept on date',
    text: (row) => (row.promises.due === 0 ? '–' : `${percent(row.promises.keptShare)} of ${row.promises.due}`),
  },
  {
    id: ScoreGroupSort.Redated,
    label: 'Re-dated in time',
    text: (row) => percent(row.promises.redatedShare),
  },
  {
    id: ScoreGroupSort.Broken,
    label: 'Broken',
    text: (row) => percent(row.promises.brokenShare),
  },
  {
    id: ScoreGroupSort.Silence,
    label: 'Longest silence (days)',
    text: (row) => figure(row.silence.longestDays),
  },
  {
    id: ScoreGroupSort.Words,
    label: 'Rejections with feedback in words',
    text: (row) =>
      row.rejections.afterInterview === 0
        ? '–'
        : `${percent(row.rejections.share)} of ${row.rejections.afterInterview}`,
  },
  {
    id: ScoreGroupSort.Cnps,
    label: 'cNPS',
    text: (row) => satisfactionText(row, row.satisfaction.cnps, ''),
  },
  {
    id: ScoreGroupSort.Ghosted,
    label: 'Felt ghosted',
    text: (row) => satisfactionText(row, row.satisfaction.feltGhostedPercent, '%'),
  },
];

/** Which way a column first sorts: names A first, figures largest first. */
export function firstDirection(column: ScoreGroupSort): SortDirection {
  return column === ScoreGroupSort.Name ? SortDirection.Asc : SortDirection.Desc;
}

/** Clicking a column sorts by it; clicking it again turns the order round. Numbers start largest first. */
export function nextSort(current: ScoreSort, column: ScoreGroupSort): ScoreSort {
  if (current.column === column) {
    return { column, direction: current.direction === SortDirection.Asc ? SortDirection.Desc : SortDirection.Asc };
  }
  return { column, direction: firstDirection(column) };
}

export function sameSort(a: ScoreSort, b: ScoreSort): boolean {
  return a.column === b.column && a.direction === b.direction;
}
