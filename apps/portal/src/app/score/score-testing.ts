import {
  SatisfactionFigures,
  ScoreFigures,
  ScoreGroupSort,
  ScoreGrouping,
  ScoreGroupsPage,
  ScoreReport,
  ScoreRow,
  ScoreWeek,
  SortDirection,
} from '@heardback/contracts';

/** Figures for a portal spec: nothing measured unless said. */
export function someFigures(
  options: { median?: number | null; satisfaction?: SatisfactionFigures } = {},
): ScoreFigures {
  const median = options.median === undefined ? 1 : options.median;
  return {
    timeToFeedback: { count: median === null ? 0 : 2, medianWorkingDays: median, p90WorkingDays: median },
    promises: { due: 0, kept: 0, redated: 0, broken: 0, keptShare: null, redatedShare: null, brokenShare: null },
    silence: { openApplications: 0, longestDays: null, since: null, applicationId: null },
    rejections: { afterInterview: 0, withFeedbackInWords: 0, share: null },
    satisfaction: options.satisfaction ?? { responses: 0, cnps: null, feltGhostedPercent: null, withheld: false },
  };
}

export function aScoreRow(options: {
  id: string;
  name: string;
  median?: number | null;
  satisfaction?: SatisfactionFigures;
}): ScoreRow {
  return { id: options.id, name: options.name, detail: null, ...someFigures(options) };
}

/** A week of the trend with figures; `week` is 49 for 2026-W49, the week starting 30 November 2026. */
export function aScoreWeek(week: number, medianWorkingDays = 1.5): ScoreWeek {
  const startsOn = new Date(Date.UTC(2026, 10, 30 + (week - 49) * 7)).toISOString().slice(0, 10);
  return {
    week: `2026-W${week}`,
    startsOn,
    feedbackCount: 2,
    medianWorkingDays,
    promisesDue: 4,
    promisesKept: 3,
    keptShare: 0.75,
  };
}

export function aScoreReport(overrides: Partial<ScoreReport> = {}): ScoreReport {
  return {
    from: '2026-12-01',
    to: '2026-12-03',
    by: ScoreGrouping.Client,
    at: '2026-12-03T10:00:00.000Z',
    ownWorkOnly: false,
    satisfactionMinResponses: 5,
    overall: someFigures({ median: 1.5 }),
    rows: [],
    truncated: false,
    // 1–3 December 2026: one week.
    trend: [aScoreWeek(49)],
    distribution: [
      { label: '<1', fromWorkingDays: 0, toWorkingDays: 1, count: 1 },
      { label: '1–2', fromWorkingDays: 1, toWorkingDays: 2, count: 1 },
      { label: '2–3', fromWorkingDays: 2, toWorkingDays: 3, count: 0 },
      { label: '3–5', fromWorkingDays: 3, toWorkingDays: 5, count: 0 },
      { label: '5+', fromWorkingDays: 5, toWorkingDays: null, count: 0 },
    ],
    ...overrides,
  };
}

/** A page of a group table by name; all of it unless `total` and `nextCursor` say more remain. */
export function aGroupsPage(
  grouping: ScoreGrouping,
  items: ScoreRow[],
  more: { total?: number; nextCursor?: string | null } = {},
): ScoreGroupsPage {
  return {
    grouping,
    sort: ScoreGroupSort.Name,
    direction: SortDirection.Asc,
    items,
    nextCursor: more.nextCursor ?? null,
    total: more.total ?? items.length,
  };
}
