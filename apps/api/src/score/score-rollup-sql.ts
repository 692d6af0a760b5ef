import { ScoreGrouping } from '@heardback/contracts';
import { ScorePeriod, SqlParams, calendarKey, timeToFeedbackRows } from './score-sql';

const MS_PER_DAY = 86_400_000;

/** The whole ISO weeks of a period, as local Mondays: `from` included, `to` excluded. */
export interface WholeWeeks {
  from: string;
  to: string;
}

/**
 * The whole weeks (Monday to Sunday, in the agency's calendar days) inside a period of days `from`
 * to `to` (both included), or null when it holds none. Pure date arithmetic on calendar days: the
 * instants are the agency's midnights, worked out in SQL.
 */
export function wholeWeeksOf(from: string, to: string): WholeWeeks | null {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`) + MS_PER_DAY;
  const isoDay = (ms: number) => (new Date(ms).getUTCDay() + 6) % 7; // Monday 0
  const first = isoDay(start) === 0 ? start : start + (7 - isoDay(start)) * MS_PER_DAY;
  const last = end - isoDay(end) * MS_PER_DAY;
  if (first >= last) return null;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: day(first), to: day(last) };
}

/** True when some feedback fact is not under the calendar version in force: then the rollup is incomplete. */
export function factsAwaitingRefillSql(period: ScorePeriod, params: SqlParams): string {
  const version = `(SELECT version FROM score_calendar WHERE key = ${params.add(calendarKey(period), '::text')})`;
  // Three probes of score_feedback_facts_version_idx, not a scan of the facts.
  return `SELECT ${version} IS NULL
              OR EXISTS (SELECT 1 FROM score_feedback_facts WHERE calendar_version < ${version})
              OR EXISTS (SELECT 1 FROM score_feedback_facts WHERE calendar_version > ${version})
              OR EXISTS (SELECT 1 FROM score_feedback_facts WHERE calendar_version IS NULL) AS awaiting`;
}

/**
 * Time to feedback per group, per week and overall over a period with whole weeks (ADR 0040): the
 * whole weeks' values from `score_feedback_rollup` (a count per value to the hundredth), the days at
 * the period's edges from the facts, merged; median and p90 from the cumulative counts exactly as
 * percentile_cont interpolates (first + (second − first) × fraction, in double precision, of the
 * rows at floor and ceil of p × (n − 1)), so the figures equal `timeToFeedbackSql`'s to the digit.
 * The buckets are of the exact values (the rollup keeps each value's bucket). Same columns as
 * `timeToFeedbackSql`. Staff only: a recruiter's or a client's own range is short already.
 */
export function timeToFeedbackRolledUpSql(
  by: ScoreGrouping,
  period: ScorePeriod,
  weeks: WholeWeeks,
  params: SqlParams,
): string {
  const zone = params.add(period.timeZone, '::text');
  const fromWeek = params.add(weeks.from, '::date');
  const toWeek = params.add(weeks.to, '::date');
  const edges: [string, string][] = [];
  const periodFrom = params.add(period.fromAt, '::timestamptz');
  const periodTo = params.add(period.toAt, '::timestamptz');
  edges.push([periodFrom, `(${fromWeek}::timestamp AT TIME ZONE ${zone})`]);
  edges.push([`(${toWeek}::timestamp AT TIME ZONE ${zone})`, periodTo]);
  const percentile = (p: number) => {
    const at = `(${p}::float8 * (total - 1))`;
    const first = `min(days) FILTER (WHERE upto > floor(${at}))::float8`;
    const second = `min(days) FILTER (WHERE upto > ceil(${at}))::float8`;
    return `${first} + (${second} - ${first}) * (${at} - floor(${at}))`;
  };
  return `${timeToFeedbackRows(by, {}, period, params, edges)},
    edge AS (
      SELECT key, week, days,
             CASE WHEN exact < 1 THEN 0 WHEN exact < 2 THEN 1 WHEN exact < 3 THEN 2 WHEN exact < 5 THEN 3 ELSE 4 END AS bucket
        FROM ttf
    ), rolled AS (
      SELECT r.kind, r.key, r.week, r.hundredths / 100.0 AS days, r.bucket, r.count
        FROM score_feedback_rollup r JOIN stored ON r.calendar_version = stored.version
       WHERE r.kind IN ('all', ${params.add(by, '::text')}) AND r.week >= ${fromWeek} AND r.week < ${toWeek} AND r.count > 0
    ), points AS (
      SELECT 'group' AS level, key, NULL::date AS week, days, bucket, 1 AS n FROM edge WHERE key IS NOT NULL
      UNION ALL SELECT 'week', NULL::uuid, week, days, bucket, 1 FROM edge
      UNION ALL SELECT 'overall', NULL::uuid, NULL::date, days, bucket, 1 FROM edge
      UNION ALL SELECT 'group', key, NULL::date, days, bucket, count FROM rolled WHERE kind <> 'all'
      UNION ALL SELECT 'week', NULL::uuid, week, days, bucket, count FROM rolled WHERE kind = 'all'
      UNION ALL SELECT 'overall', NULL::uuid, NULL::date, days, bucket, count FROM rolled WHERE kind = 'all'
    ), merged AS (
      SELECT level, key, week, days, sum(n) AS n,
             sum(n) FILTER (WHERE bucket = 0) AS b0, sum(n) FILTER (WHERE bucket = 1) AS b1,
             sum(n) FILTER (WHERE bucket = 2) AS b2, sum(n) FILTER (WHERE bucket = 3) AS b3,
             sum(n) FILTER (WHERE bucket = 4) AS b4
        FROM points GROUP BY level, key, week, days HAVING sum(n) > 0
    ), ranked AS (
      SELECT *, sum(n) OVER (PARTITION BY level, key, week ORDER BY days) AS upto,
             sum(n) OVER (PARTITION BY level, key, week) AS total
        FROM merged
    )
    SELECT level, key, week::text AS week, total::int AS count,
           ${percentile(0.5)} AS median, ${percentile(0.9)} AS p90,
           coalesce(sum(b0), 0)::int AS under1, coalesce(sum(b1), 0)::int AS from1,
           coalesce(sum(b2), 0)::int AS from2, coalesce(sum(b3), 0)::int AS from3,
           coalesce(sum(b4), 0)::int AS from5
      FROM ranked GROUP BY level, key, week, total`;
}
