import { ScoreFigures, ScoreRow } from '@heardback/contracts';

/** A column of the score's table: how to read its value (for sorting) and how to write it. */
export interface ScoreColumn {
  id: string;
  label: string;
  /** Null sorts last whichever way the table is sorted: a missing figure is never "best". */
  value: (row: ScoreRow) => number | string | null;
  text: (row: ScoreRow) => string;
}

export type SortDirection = 'ascending' | 'descending';

export interface ScoreSort {
  column: string;
  direction: SortDirection;
}

/** "2.5", "–" for no figure. */
export function figure(value: number | null, unit = ''): string {
  return value === null ? '–' : `${value.toLocaleString('en-GB', { maximumFractionDigits: 2 })}${unit}`;
}

/** A 0–1 share as "40%". */
export function percent(share: number | null): string {
  return share === null ? '–' : `${(Math.round(share * 1000) / 10).toLocaleString('en-GB')}%`;
}

/** Satisfaction withheld from a recruiter says why, with the count. */
export function satisfactionText(figures: ScoreFigures, value: number | null, unit: string): string {
  if (figures.satisfaction.withheld) return `Hidden (${figures.satisfaction.responses})`;
  return figure(value, unit);
}

export const SCORE_COLUMNS: readonly ScoreColumn[] = [
  { id: 'name', label: 'Name', value: (row) => row.name.toLocaleLowerCase('en-GB'), text: (row) => row.name },
  {
    id: 'interviews',
    label: 'Interviews with feedback',
    value: (row) => row.timeToFeedback.count,
    text: (row) => String(row.timeToFeedback.count),
  },
  {
    id: 'median',
    label: 'Median working days to feedback',
    value: (row) => row.timeToFeedback.medianWorkingDays,
    text: (row) => figure(row.timeToFeedback.medianWorkingDays),
  },
  {
    id: 'p90',
    label: 'p90 working days',
    value: (row) => row.timeToFeedback.p90WorkingDays,
    text: (row) => figure(row.timeToFeedback.p90WorkingDays),
  },
  {
    id: 'kept',
    label: 'Promises kept on date',
    value: (row) => row.promises.keptShare,
    text: (row) => (row.promises.due === 0 ? '–' : `${percent(row.promises.keptShare)} of ${row.promises.due}`),
  },
  {
    id: 'redated',
    label: 'Re-dated in time',
    value: (row) => row.promises.redatedShare,
    text: (row) => percent(row.promises.redatedShare),
  },
  {
    id: 'broken',
    label: 'Broken',
    value: (row) => row.promises.brokenShare,
    text: (row) => percent(row.promises.brokenShare),
  },
  {
    id: 'silence',
    label: 'Longest silence (days)',
    value: (row) => row.silence.longestDays,
    text: (row) => figure(row.silence.longestDays),
  },
  {
    id: 'words',
    label: 'Rejections with feedback in words',
    value: (row) => row.rejections.share,
    text: (row) =>
      row.rejections.afterInterview === 0
        ? '–'
        : `${percent(row.rejections.share)} of ${row.rejections.afterInterview}`,
  },
  {
    id: 'cnps',
    label: 'cNPS',
    value: (row) => (row.satisfaction.withheld ? null : row.satisfaction.cnps),
    text: (row) => satisfactionText(row, row.satisfaction.cnps, ''),
  },
  {
    id: 'ghosted',
    label: 'Felt ghosted',
    value: (row) => (row.satisfaction.withheld ? null : row.satisfaction.feltGhostedPercent),
    text: (row) => satisfactionText(row, row.satisfaction.feltGhostedPercent, '%'),
  },
];

/** The rows in the table's order; rows without the figure last, then by name. */
export function sortRows(rows: readonly ScoreRow[], sort: ScoreSort): ScoreRow[] {
  const column = SCORE_COLUMNS.find((candidate) => candidate.id === sort.column) ?? SCORE_COLUMNS[0];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = column.value(a);
    const right = column.value(b);
    if (left === null || right === null) {
      if (left !== right) return left === null ? 1 : -1;
    } else if (left !== right) {
      return (left < right ? -1 : 1) * sign;
    }
    return a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id);
  });
}

/** Clicking a column sorts by it; clicking it again turns the order round. Numbers start largest first. */
export function nextSort(current: ScoreSort, column: string): ScoreSort {
  if (current.column === column) {
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { column, direction: column === 'name' ? 'ascending' : 'descending' };
}
