import {
  PromiseFigures,
  RejectionFigures,
  SatisfactionFigures,
  ScoreBucket,
  ScoreFigures,
  ScoreWeek,
  SilenceFigures,
  TimeToFeedbackFigures,
} from '@heardback/contracts';

/** Rows as the score's statements return them (numbers from percentile_cont arrive as numbers or strings). */
export interface TimeToFeedbackRow {
  key: string | null;
  count: number;
  median: number | string | null;
  p90: number | string | null;
}
export interface PromiseRow {
  key: string | null;
  kept: number;
  redated: number;
  broken: number;
}
export interface SilenceRow {
  key: string | null;
  open: number;
  since: Date | null;
  application_id: string | null;
}
export interface RejectionRow {
  key: string | null;
  after_interview: number;
  with_words: number;
}
export interface SatisfactionRow {
  key: string | null;
  responses: number;
  scored: number;
  promoters: number;
  detractors: number;
  informed_answers: number;
  ghosted: number;
}

const MS_PER_DAY = 86_400_000;

/** Two decimals: working days are shown to the hour, roughly. */
function round(value: number, places = 2): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

function numberOrNull(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? round(n) : null;
}

/** A share of a whole, 0–1 to four places; null of nothing. */
function share(part: number, whole: number): number | null {
  return whole > 0 ? round(part / whole, 4) : null;
}

export function timeToFeedbackFigures(row: TimeToFeedbackRow | undefined): TimeToFeedbackFigures {
  const count = row?.count ?? 0;
  return {
    count,
    medianWorkingDays: count > 0 ? numberOrNull(row?.median) : null,
    p90WorkingDays: count > 0 ? numberOrNull(row?.p90) : null,
  };
}

export function promiseFigures(row: PromiseRow | undefined): PromiseFigures {
  const kept = row?.kept ?? 0;
  const redated = row?.redated ?? 0;
  const broken = row?.broken ?? 0;
  const due = kept + redated + broken;
  return {
    due,
    kept,
    redated,
    broken,
    keptShare: share(kept, due),
    redatedShare: share(redated, due),
    brokenShare: share(broken, due),
  };
}

export function silenceFigures(row: SilenceRow | undefined, now: Date): SilenceFigures {
  const since = row?.since ? new Date(row.since) : null;
  return {
    openApplications: row?.open ?? 0,
    longestDays: since ? round(Math.max(0, now.getTime() - since.getTime()) / MS_PER_DAY, 1) : null,
    since: since ? since.toISOString() : null,
    applicationId: row?.application_id ?? null,
  };
}

export function rejectionFigures(row: RejectionRow | undefined): RejectionFigures {
  const afterInterview = row?.after_interview ?? 0;
  const withFeedbackInWords = row?.with_words ?? 0;
  return { afterInterview, withFeedbackInWords, share: share(withFeedbackInWords, afterInterview) };
}

/**
 * cNPS and "felt ghosted" in percent, to one place. Withheld from a recruiter below `withholdBelow`
 * answers, so no one can tell which candidate said what: the figures and how many answered (itself a
 * clue: "one answer on that job") are null.
 */
export function satisfactionFigures(
  row: SatisfactionRow | undefined,
  options: { withholdBelow: number | null },
): SatisfactionFigures {
  const responses = row?.responses ?? 0;
  // None at all is withheld too: "nobody answered on that job" beside "hidden" would say someone did.
  const withheld = options.withholdBelow !== null && responses < options.withholdBelow;
  if (withheld) {
    return { responses: null, cnps: null, feltGhostedPercent: null, withheld };
  }
  if (!row || responses === 0) {
    return { responses, cnps: null, feltGhostedPercent: null, withheld };
  }
  return {
    responses,
    cnps: row.scored > 0 ? round(((row.promoters - row.detractors) * 100) / row.scored, 1) : null,
    feltGhostedPercent: row.informed_answers > 0 ? round((row.ghosted * 100) / row.informed_answers, 1) : null,
    withheld: false,
  };
}

export interface FigureRows {
  timeToFeedback: TimeToFeedbackRow[];
  promises: PromiseRow[];
  silence: SilenceRow[];
  rejections: RejectionRow[];
  satisfaction: SatisfactionRow[];
}

/** Every group key any figure has, each with its figures. */
export function figuresByKey(rows: FigureRows, now: Date, withholdBelow: number | null): Map<string, ScoreFigures> {
  const index = <T extends { key: string | null }>(list: T[]) =>
    new Map(list.filter((row) => row.key !== null).map((row) => [row.key as string, row]));
  const ttf = index(rows.timeToFeedback);
  const promises = index(rows.promises);
  const silence = index(rows.silence);
  const rejections = index(rows.rejections);
  const satisfaction = index(rows.satisfaction);
  const keys = new Set([
    ...ttf.keys(),
    ...promises.keys(),
    ...silence.keys(),
    ...rejections.keys(),
    ...satisfaction.keys(),
  ]);
  const figures = new Map<string, ScoreFigures>();
  for (const key of keys) {
    figures.set(key, {
      timeToFeedback: timeToFeedbackFigures(ttf.get(key)),
      promises: promiseFigures(promises.get(key)),
      silence: silenceFigures(silence.get(key), now),
      rejections: rejectionFigures(rejections.get(key)),
      satisfaction: satisfactionFigures(satisfaction.get(key), { withholdBelow }),
    });
  }
  return figures;
}

export function overallFigures(rows: FigureRows, now: Date, withholdBelow: number | null): ScoreFigures {
  return {
    timeToFeedback: timeToFeedbackFigures(rows.timeToFeedback[0]),
    promises: promiseFigures(rows.promises[0]),
    silence: silenceFigures(rows.silence[0], now),
    rejections: rejectionFigures(rows.rejections[0]),
    satisfaction: satisfactionFigures(rows.satisfaction[0], { withholdBelow }),
  };
}

/** Every ISO week the period touches, in order, with nulls where nothing happened. */
export function weeksOf(
  mondays: string[],
  feedback: { week: string; count: number; median: number | string | null }[],
  promises: { week: string; due: number; kept: number }[],
): ScoreWeek[] {
  const ttf = new Map(feedback.map((row) => [row.week, row]));
  const kept = new Map(promises.map((row) => [row.week, row]));
  return mondays.map((monday) => {
    const f = ttf.get(monday);
    const p = kept.get(monday);
    return {
      week: isoWeekName(monday),
      startsOn: monday,
      feedbackCount: f?.count ?? 0,
      medianWorkingDays: f && f.count > 0 ? numberOrNull(f.median) : null,
      promisesDue: p?.due ?? 0,
      promisesKept: p?.kept ?? 0,
      keptShare: share(p?.kept ?? 0, p?.due ?? 0),
    };
  });
}

/** `2026-W49` for the Monday 2026-11-30 (the ISO week-numbering year is the Thursday's). */
export function isoWeekName(monday: string): string {
  const start = Date.parse(`${monday}T00:00:00Z`);
  const thursday = new Date(start + 3 * MS_PER_DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * MS_PER_DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Mondays of every ISO week from the week of `from` to the week of `to` (yyyy-mm-dd days). */
export function mondaysBetween(from: string, to: string): string[] {
  const first = Date.parse(`${from}T00:00:00Z`);
  const weekday = (new Date(first).getUTCDay() + 6) % 7;
  const mondays: string[] = [];
  const last = Date.parse(`${to}T00:00:00Z`);
  for (let day = first - weekday * MS_PER_DAY; day <= last; day += 7 * MS_PER_DAY) {
    mondays.push(new Date(day).toISOString().slice(0, 10));
  }
  return mondays;
}

export const BUCKETS: readonly { label: string; from: number; to: number | null; column: string }[] = [
  { label: '<1', from: 0, to: 1, column: 'under1' },
  { label: '1–2', from: 1, to: 2, column: 'from1' },
  { label: '2–3', from: 2, to: 3, column: 'from2' },
  { label: '3–5', from: 3, to: 5, column: 'from3' },
  { label: '5+', from: 5, to: null, column: 'from5' },
];

export function distributionOf(row: Record<string, number> | undefined): ScoreBucket[] {
  return BUCKETS.map((bucket) => ({
    label: bucket.label,
    fromWorkingDays: bucket.from,
    toWorkingDays: bucket.to,
    count: row?.[bucket.column] ?? 0,
  }));
}
