import { ScoreGrouping } from '@heardback/contracts';
import { OPEN_STATUSES } from '@heardback/domain';

/**
 * The SQL of the score (ADR 0033). Each figure reads one kind of fact over the range of one index
 * (see migration 1795876800000) and is grouped by the key of the chosen grouping; the overall
 * figures run the same statement without a key, so a fact that belongs to two groups (an
 * application two client interviewers reviewed) is counted once overall.
 */

/** Whose work and which client the figures are about: a recruiter sees their own, a client report one client. */
export interface ScoreScope {
  recruiterId?: string;
  clientId?: string;
}

/** The period and the agency's working calendar, as every statement needs them. */
export interface ScorePeriod {
  fromAt: Date;
  toAt: Date;
  now: Date;
  timeZone: string;
  dayStartsAt: number;
  dayEndsAt: number;
  workingDays: readonly number[];
  holidays: readonly string[];
}

/** Collects positional parameters as a statement is written. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ''): string {
    return `$${this.values.push(value)}${cast}`;
  }
}

/** What a figure is read from: a stage's feedback, a promise, or an application as a whole. */
type FactKind = 'feedback' | 'promise' | 'application';

interface Keyed {
  key: string | null;
  joins: string;
  where: string[];
}

/**
 * The grouping key, the joins it and the scope need, and the scope's conditions. A stage's work
 * belongs to the stage's owner when it has one, else to the application's recruiter (`stage_owner`).
 */
function keyed(kind: FactKind, by: ScoreGrouping | null, scope: ScoreScope, params: SqlParams): Keyed {
  const joins: string[] = [];
  const where: string[] = [];
  const recruiterOf = kind === 'application' ? 'a.recruiter_id' : 'coalesce(s.recruiter_id, a.recruiter_id)';
  if (kind === 'promise' && (by === ScoreGrouping.Recruiter || scope.recruiterId)) {
    joins.push('LEFT JOIN application_stages s ON s.id = p.stage_id');
  }
  if (by === ScoreGrouping.Client || scope.clientId) joins.push('JOIN jobs j ON j.id = a.job_id');
  if (scope.recruiterId) where.push(`${recruiterOf} = ${params.add(scope.recruiterId, '::uuid')}`);
  if (scope.clientId) where.push(`j.client_id = ${params.add(scope.clientId, '::uuid')}`);
  let key: string | null = null;
  switch (by) {
    case ScoreGrouping.Recruiter:
      key = recruiterOf;
      break;
    case ScoreGrouping.Client:
      key = 'j.client_id';
      break;
    case ScoreGrouping.Job:
      key = 'a.job_id';
      break;
    case ScoreGrouping.Interviewer:
      key = 'd.contact_id';
      // Left joins: the same rows also make the overall figures, where feedback without a draft counts.
      if (kind === 'feedback') joins.push('LEFT JOIN client_feedback_drafts d ON d.feedback_id = f.id');
      if (kind === 'promise') {
        joins.push(`LEFT JOIN feedback fo ON fo.stage_id = p.stage_id AND fo.supersedes_id IS NULL
                    LEFT JOIN client_feedback_drafts d ON d.feedback_id = fo.id`);
      }
      if (kind === 'application') {
        joins.push(`JOIN (SELECT DISTINCT application_id, contact_id FROM client_feedback_drafts
                           WHERE feedback_id IS NOT NULL) d ON d.application_id = a.id`);
      }
      break;
    case null:
      break;
  }
  return { key, joins: joins.join('\n'), where };
}

function grouped(key: string | null): { select: string; groupBy: string } {
  return key ? { select: `${key} AS key,`, groupBy: 'GROUP BY 1' } : { select: 'NULL::uuid AS key,', groupBy: '' };
}

/**
 * The agency's working calendar as arrays indexed by local day, from a year before the period to its
 * end: each day's working window (its local hours AT TIME ZONE the agency's zone, so daylight saving
 * is right; null on a day off) and the working seconds before it. The working time between two
 * instants is then four array look-ups and a subtraction, whatever the span: no join, no sort, no
 * per-row loop (ADR 0033). An interview that ended before the calendar's first day counts from it.
 */
function calendarCte(period: ScorePeriod, params: SqlParams): string {
  const zone = params.add(period.timeZone, '::text');
  const isWorking = `extract(isodow FROM d)::int = ANY(${params.add(period.workingDays, '::int[]')})
                     AND NOT (d::date = ANY(${params.add(period.holidays, '::date[]')}))`;
  const from = params.add(period.fromAt, '::timestamptz');
  const to = params.add(period.toAt, '::timestamptz');
  return `cal_days AS (
      SELECT d::date AS day,
             CASE WHEN ${isWorking} THEN (d + make_interval(hours => ${params.add(period.dayStartsAt, '::int')})) AT TIME ZONE ${zone} END AS opens,
             CASE WHEN ${isWorking} THEN (d + make_interval(hours => ${params.add(period.dayEndsAt, '::int')})) AT TIME ZONE ${zone} END AS closes
        FROM generate_series(((${from} AT TIME ZONE ${zone})::date - 366)::timestamp,
                             ((${to} AT TIME ZONE ${zone})::date + 1)::timestamp, interval '1 day') d
    ), cal AS (
      SELECT min(day) AS first_day, (min(day)::timestamp AT TIME ZONE ${zone}) AS starts,
             array_agg(opens ORDER BY day) AS opens, array_agg(closes ORDER BY day) AS closes,
             array_agg(before ORDER BY day) AS before
        FROM (SELECT day, opens, closes,
                     coalesce(sum(extract(epoch FROM closes - opens)) OVER (ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
                FROM cal_days) days
    )`;
}

/** Working seconds from the calendar's start to `instant`, `day` being the array index of its local date. */
function workingSecondsAt(day: string, instant: string): string {
  return `(cal.before[${day}] + CASE WHEN cal.opens[${day}] IS NULL THEN 0
            ELSE extract(epoch FROM least(greatest(${instant}, cal.opens[${day}]), cal.closes[${day}]) - cal.opens[${day}]) END)`;
}

/**
 * One row per interview whose first feedback was recorded in the period: its group key, when the
 * feedback was recorded, and the working days from the interview's end (or the moment it was
 * marked held) to then. Feedback recorded before the interview's end counts as no time.
 */
export function timeToFeedbackRows(
  by: ScoreGrouping | null,
  scope: ScoreScope,
  period: ScorePeriod,
  params: SqlParams,
): string {
  const calendar = calendarCte(period, params);
  const zone = params.add(period.timeZone, '::text');
  const daySeconds = (period.dayEndsAt - period.dayStartsAt) * 3600;
  const { key, joins, where } = keyed('feedback', by, scope, params);
  return `WITH ${calendar},
    ttf AS (
      SELECT ${key ?? 'NULL::uuid'} AS key, date_trunc('week', f.recorded_at AT TIME ZONE ${zone})::date AS week,
             greatest(0, ${workingSecondsAt('e.recorded_day', 'f.recorded_at')} - ${workingSecondsAt('e.ended_day', 'e.ended')}) / ${daySeconds}::numeric AS days
        FROM feedback f
        JOIN application_stages s ON s.id = f.stage_id
        JOIN applications a ON a.id = f.application_id
        ${joins}
        CROSS JOIN cal
        CROSS JOIN LATERAL (SELECT greatest(coalesce(s.ends_at, s.held_at), cal.starts) AS ended) i
        CROSS JOIN LATERAL (SELECT i.ended,
                                   (i.ended AT TIME ZONE ${zone})::date - cal.first_day + 1 AS ended_day,
                                   (f.recorded_at AT TIME ZONE ${zone})::date - cal.first_day + 1 AS recorded_day) e
       WHERE f.supersedes_id IS NULL
         AND f.recorded_at >= ${params.add(period.fromAt, '::timestamptz')} AND f.recorded_at < ${params.add(period.toAt, '::timestamptz')}
         AND coalesce(s.ends_at, s.held_at) IS NOT NULL
         ${where.map((condition) => `AND ${condition}`).join(' ')}
    )`;
}

/**
 * The levels one statement returns through GROUPING SETS: each group, each ISO week (the trend) and
 * the whole. A fact has at most one key here (one stage owner, one job, one published draft per
 * feedback), so the whole is the sum of its rows and one scan serves all three.
 */
function levels(by: ScoreGrouping | null): { level: string; sets: string } {
  return by
    ? {
        level: `CASE WHEN GROUPING(key) = 0 THEN 'group' WHEN GROUPING(week) = 0 THEN 'week' ELSE 'overall' END`,
        sets: 'GROUPING SETS ((key), (week), ())',
      }
    : { level: `CASE WHEN GROUPING(week) = 0 THEN 'week' ELSE 'overall' END`, sets: 'GROUPING SETS ((week), ())' };
}

/**
 * Time to feedback per group, per week and overall, with the distribution's buckets (a value on a
 * boundary in the later one). Median and p90 with percentile_cont: between two middle values, their
 * mean (ADR 0033).
 */
export function timeToFeedbackSql(
  by: ScoreGrouping | null,
  scope: ScoreScope,
  period: ScorePeriod,
  params: SqlParams,
): string {
  const { level, sets } = levels(by);
  return `${timeToFeedbackRows(by, scope, period, params)}
    SELECT ${level} AS level, key, week::text AS week, count(*)::int AS count,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90,
           count(*) FILTER (WHERE days < 1)::int AS under1,
           count(*) FILTER (WHERE days >= 1 AND days < 2)::int AS from1,
           count(*) FILTER (WHERE days >= 2 AND days < 3)::int AS from2,
           count(*) FILTER (WHERE days >= 3 AND days < 5)::int AS from3,
           count(*) FILTER (WHERE days >= 5)::int AS from5
      FROM ttf GROUP BY ${sets}`;
}

/**
 * Promises that fell due in the period (and have come due by now), each counted once as:
 * kept on the date first promised; re-dated by a person before the date came (the promise that
 * replaced it, if kept, is not counted again); or broken (the date came with nobody acting, or
 * passed). A promise the facts replaced (`superseded`) is neither, and an offer's reply-by date is
 * the candidate's to keep, not the agency's.
 */
function promiseRows(by: ScoreGrouping | null, scope: ScoreScope, period: ScorePeriod, params: SqlParams): string {
  const { key, joins, where } = keyed('promise', by, scope, params);
  const now = params.add(period.now, '::timestamptz');
  const zone = params.add(period.timeZone, '::text');
  return `WITH promised AS (
      SELECT ${key ?? 'NULL::uuid'} AS key, date_trunc('week', p.due_at AT TIME ZONE ${zone})::date AS week,
             CASE
               WHEN p.ended_how IN ('kept', 'closed') AND p.ended_at <= p.due_at AND p.redatings = 0 THEN 'kept'
               WHEN p.ended_how IN ('kept', 'closed') AND p.ended_at <= p.due_at THEN NULL
               WHEN p.ended_how = 'redated' AND p.ended_at <= p.due_at THEN 'redated'
               ELSE 'broken'
             END AS outcome
        FROM application_promises p
        JOIN applications a ON a.id = p.application_id
        ${joins}
       WHERE p.due_at >= ${params.add(period.fromAt, '::timestamptz')} AND p.due_at < ${params.add(period.toAt, '::timestamptz')}
         AND (p.ended_at IS NOT NULL OR p.due_at <= ${now})
         AND p.ended_how IS DISTINCT FROM 'superseded'
         AND p.kind <> 'offer_reply'
         ${where.map((condition) => `AND ${condition}`).join(' ')}
    )`;
}

/** Promises per group, per week of their date and overall, in one scan. */
export function promisesSql(
  by: ScoreGrouping | null,
  scope: ScoreScope,
  period: ScorePeriod,
  params: SqlParams,
): string {
  const { level, sets } = levels(by);
  return `${promiseRows(by, scope, period, params)}
    SELECT ${level} AS level, key, week::text AS week,
           count(*) FILTER (WHERE outcome = 'kept')::int AS kept,
           count(*) FILTER (WHERE outcome = 'redated')::int AS redated,
           count(*) FILTER (WHERE outcome = 'broken')::int AS broken
      FROM promised WHERE outcome IS NOT NULL GROUP BY ${sets}`;
}

/** Open applications now, and the one whose candidate has waited longest to hear from the agency. */
export function silenceSql(by: ScoreGrouping | null, scope: ScoreScope, params: SqlParams): string {
  const { key, joins, where } = keyed('application', by, scope, params);
  const { select, groupBy } = grouped(key);
  return `SELECT ${select} count(*)::int AS open, min(a.last_heard_at) AS since,
                 (array_agg(a.id ORDER BY a.last_heard_at, a.id))[1] AS application_id
            FROM applications a
            ${joins}
           WHERE a.status = ANY(${params.add(OPEN_STATUSES, '::text[]')})
             ${where.map((condition) => `AND ${condition}`).join(' ')}
           ${groupBy}`;
}

/**
 * Rejections in the period after an interview (a stage that took place before the rejection), and
 * how many came through an interview's feedback, so the candidate read the interviewer's reasons
 * rather than a bare closing line.
 */
export function rejectionsSql(
  by: ScoreGrouping | null,
  scope: ScoreScope,
  period: ScorePeriod,
  params: SqlParams,
): string {
  const { key, joins, where } = keyed('application', by, scope, params);
  const { select, groupBy } = grouped(key);
  return `SELECT ${select} count(*)::int AS after_interview,
                 count(*) FILTER (WHERE EXISTS (
                   SELECT 1 FROM feedback fr WHERE fr.application_id = a.id AND fr.decision = 'reject'))::int AS with_words
            FROM applications a
            ${joins}
           WHERE a.status = 'rejected'
             AND a.closed_at >= ${params.add(period.fromAt, '::timestamptz')} AND a.closed_at < ${params.add(period.toAt, '::timestamptz')}
             AND EXISTS (SELECT 1 FROM application_stages st WHERE st.application_id = a.id
                          AND (st.held_at IS NOT NULL OR st.ends_at <= a.closed_at))
             ${where.map((condition) => `AND ${condition}`).join(' ')}
           ${groupBy}`;
}

/** Candidates' closing answers given in the period. */
export function satisfactionSql(
  by: ScoreGrouping | null,
  scope: ScoreScope,
  period: ScorePeriod,
  params: SqlParams,
): string {
  const { key, joins, where } = keyed('application', by, scope, params);
  const { select, groupBy } = grouped(key);
  return `SELECT ${select} count(*)::int AS responses,
                 count(r.recommend_score)::int AS scored,
                 count(*) FILTER (WHERE r.recommend_score >= 9)::int AS promoters,
                 count(*) FILTER (WHERE r.recommend_score <= 6)::int AS detractors,
                 count(r.kept_informed)::int AS informed_answers,
                 count(*) FILTER (WHERE r.kept_informed = false)::int AS ghosted
            FROM satisfaction_responses r
            JOIN applications a ON a.id = r.application_id
            ${joins}
           WHERE r.answered_at >= ${params.add(period.fromAt, '::timestamptz')} AND r.answered_at < ${params.add(period.toAt, '::timestamptz')}
             ${where.map((condition) => `AND ${condition}`).join(' ')}
           ${groupBy}`;
}
