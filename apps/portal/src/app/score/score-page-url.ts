import { ScoreGrouping, ScoreGroupSort, SortDirection } from '@heardback/contracts';
import { oneOf } from '../core/url-query';
import { FIRST_SORT, ScoreSort, firstDirection } from './score-columns';
import { PERIOD_CHOICES, Period, PeriodChoice, periodProblem, presetPeriod } from './score-period';

/**
 * What the score page shows is kept in its URL, so a reload or a shared link shows it again:
 * `?period=last-90-days` (or `period=custom&from=2026-11-03&to=2026-11-20`), `by=job`,
 * `sort=median&direction=desc`. What the page starts with is left out, so its plain address is
 * its first view; a value that is not one the page offers falls back to that, without a word.
 */
export interface ScoreUrlQuery {
  period: string;
  from: string;
  to: string;
  by: string;
  sort: string;
  direction: string;
}

export type ScoreArea = 'staff' | 'recruiter';

/** The period, the grouping and the table's order on screen. */
export interface ScoreView {
  choice: PeriodChoice;
  period: Period;
  by: ScoreGrouping;
  sort: ScoreSort;
}

/** Staff start with the recruiters; a recruiter, whose recruiter table is their own row, with clients. */
export function firstGrouping(area: ScoreArea): ScoreGrouping {
  return area === 'staff' ? ScoreGrouping.Recruiter : ScoreGrouping.Client;
}

/** A recruiter has no recruiter table: it would be their own row, the same as the figures above it. */
export function offersGrouping(area: ScoreArea, by: ScoreGrouping): boolean {
  return area === 'staff' || by !== ScoreGrouping.Recruiter;
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.from === b.from && a.to === b.to;
}

/** A day that is on the calendar (not 30 February), written yyyy-mm-dd. */
function realDay(day: string): boolean {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date)).toISOString().slice(0, 10) === day;
}

function periodFromUrl(query: ScoreUrlQuery, today: Date): Pick<ScoreView, 'choice' | 'period'> {
  const choice = PERIOD_CHOICES.find((option) => option.value === query.period)?.value;
  if (choice === 'custom') {
    const period = { from: query.from, to: query.to };
    if (periodProblem(period) === '' && realDay(period.from) && realDay(period.to)) return { choice, period };
  } else if (choice) {
    return { choice, period: presetPeriod(choice, today) };
  }
  return { choice: 'this-month', period: presetPeriod('this-month', today) };
}

export function scoreViewFromUrl(query: ScoreUrlQuery, area: ScoreArea, today: Date): ScoreView {
  const by = oneOf(ScoreGrouping, query.by);
  const column = oneOf(ScoreGroupSort, query.sort) || FIRST_SORT.column;
  return {
    ...periodFromUrl(query, today),
    by: by && offersGrouping(area, by) ? by : firstGrouping(area),
    sort: { column, direction: oneOf(SortDirection, query.direction) || firstDirection(column) },
  };
}

/** The URL's query for a view: what differs from the page's first view, the rest removed. */
export function scoreUrlOf(view: ScoreView, area: ScoreArea): Record<keyof ScoreUrlQuery, string | null> {
  const custom = view.choice === 'custom';
  const firstOrder = view.sort.column === FIRST_SORT.column && view.sort.direction === FIRST_SORT.direction;
  return {
    period: view.choice === 'this-month' ? null : view.choice,
    from: custom ? view.period.from : null,
    to: custom ? view.period.to : null,
    by: view.by === firstGrouping(area) ? null : view.by,
    sort: firstOrder ? null : view.sort.column,
    direction: firstOrder ? null : view.sort.direction,
  };
}

const SCORE_URL_KEYS: readonly (keyof ScoreUrlQuery)[] = ['period', 'from', 'to', 'by', 'sort', 'direction'];

/**
 * A view's query as one value, for a page opened from the score to link back to the same view
 * (`?back=period%3Dlast-90-days%26by%3Dclient` on a client's report).
 */
export function scoreBackValue(query: Record<keyof ScoreUrlQuery, string | null>): string {
  const written = new URLSearchParams();
  for (const key of SCORE_URL_KEYS) {
    const value = query[key];
    if (value !== null) written.set(key, value);
  }
  return written.toString();
}

/**
 * The score's query a `back` value asks for: only the score's own keys, each value as given (the
 * score page itself falls back from any it does not offer); anything else in it is ignored.
 */
export function scoreQueryFromBack(back: string): Partial<ScoreUrlQuery> {
  const read = new URLSearchParams(back);
  const query: Partial<ScoreUrlQuery> = {};
  for (const key of SCORE_URL_KEYS) {
    const value = read.get(key);
    if (value !== null && value.length <= 40) query[key] = value;
  }
  return query;
}
