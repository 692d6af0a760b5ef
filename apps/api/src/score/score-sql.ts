import { ScoreGrouping } from '@heardback/contracts';
import { openApplicationSql } from '../applications/open-application-sql';

/**
 * The SQL of the score (ADRs 0033 and 0036). Each figure reads one kind of fact over the range of one
 * index (time to feedback and promises from the stored facts of migration 1795891200000, the rest
 * from migration 1795876800000's indexes) and is grouped by the key of the chosen grouping; the overall
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

/** The calendar as one string: two configurations with the same string count working time alike. */
export function calendarKey(calendar: Omit<ScorePeriod, 'fromAt' | 'toAt' | 'now'>): string {
  const { timeZone, dayStartsAt, dayEndsAt, workingDays, holidays } = calendar;
  return JSON.stringify({ timeZone, dayStartsAt, dayEndsAt, workingDays, holidays });
}

/** Collects positional parameters as a statement is written. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ''): string {
    return `$${this.values.push(value)}${cast}`;
  }
}

/**
 * What a figure is read from: a stored fact (feedback, promise, rejection), an application as a whole,
 * or a closing answer (which carries its application's job, migration 1795955400000).
 */
type FactKind = 'feedback' | 'promise' | 'rejection' | 'application' | 'answer';

interface Keyed {
  key: string | null;
  joins: string;
  where: string[];
}

/**
 * Each client interviewer of an application once: the stored pairs of migration 1795941600000 (ADR
 * 0044), an index range per application or one scan of a narrow table, instead of a DISTINCT over
 * every published draft.
 */
function interviewersOf(applicationId: string): string {
  return `JOIN score_interviewer_applications d ON d.application_id = ${applicationId}`;
}

/**
 * The grouping key, the joins it and the scope need, and the scope's conditions. A stored fact (`f`,
 * migration 1795891200000) carries its keys: for feedback and promises the stage's owner when it has
 * one, else the application's recruiter (`stage_owner`), and the client interviewer whose published
 * draft became the stage's feedback; for a rejection the application's recruiter; the job and its
 * client. Application-wide figures belong to the application's recruiter, and to each client
 * interviewer who reviewed it (found from `applicationId`, the statement's column holding the
 * application's id).
 */
function keyed(
  kind: FactKind,
  by: ScoreGrouping | null,
  scope: ScoreScope,
  params: SqlParams,
  applicationId = 'a.id',
): Keyed {
  const rows: Record<FactKind, { recruiter: string; client: string; job: string }> = {
    feedback: { recruiter: 'f.recruiter_id', client: 'f.client_id', job: 'f.job_id' },
    promise: { recruiter: 'f.recruiter_id', client: 'f.client_id', job: 'f.job_id' },
    rejection: { recruiter: 'f.recruiter_id', client: 'f.client_id', job: 'f.job_id' },
    application: { recruiter: 'a.recruiter_id', client: 'j.client_id', job: 'a.job_id' },
    answer: { recruiter: 'a.recruiter_id', client: 'j.client_id', job: 'r.job_id' },
  };
  const row = rows[kind];
  const joins: string[] = [];
  const where: string[] = [];
  if ((kind === 'application' || kind === 'answer') && (by === ScoreGrouping.Client || scope.clientId)) {
    joins.push(`JOIN jobs j ON j.id = ${row.job}`);
  }
  if (scope.recruiterId) where.push(`${row.recruiter} = ${params.add(scope.recruiterId, '::uuid')}`);
  if (scope.clientId) where.push(`${row.client} = ${params.add(scope.clientId, '::uuid')}`);
  const onePerFact = kind === 'feedback' || kind === 'promise';
  if (by === ScoreGrouping.Interviewer) {
    if (kind === 'rejection') joins.push(interviewersOf('f.application_id'));
    if (kind === 'application' || kind === 'answer') joins.push(interviewersOf(applicationId));
  }
  const keys: Record<ScoreGrouping, string> = {
    [ScoreGrouping.Recruiter]: row.recruiter,
    [ScoreGrouping.Client]: row.client,
    [ScoreGrouping.Job]: row.job,
    [ScoreGrouping.Interviewer]: onePerFact ? 'f.contact_id' : 'd.contact_id',
  };
  return { key: by ? keys[by] : null, joins: joins.join('\n'), where };
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
 * One row per interview whose first feedback was recorded in the period: its group key, the week it
 * was recorded in and the working days from the interview's end (or the moment it was marked held)
 * to then; feedback recorded before the interview's end counts as no time. Read from the stored
 * facts by an index-only range (ADR 0036): a fact stored under the calendar this API runs with
 * (`score_calendar`'s version of this key) brings its week and working days; any other is worked
 * out here from its instants, as the stored figure was.
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
  const { key, where } = keyed('feedback', by, scope, params);
  const ended = 'greatest(f.ended_at, cal.starts)';
  const endedDay = `(${ended} AT TIME ZONE ${zone})::date - cal.first_day + 1`;
  const recordedDay = `(f.recorded_at AT TIME ZONE ${zone})::date - cal.first_day + 1`;
  return `WITH ${calendar},
    stored AS (SELECT version FROM score_calendar WHERE key = ${params.add(calendarKey(period), '::text')}),
    -- OFFSET 0 plans the facts' read on its own: by their range (or one scan), then sorted by key. Left to
    -- the planner, a grouping by job took the facts in job order from score_feedback_facts_job_idx, one
    -- heap visit per fact of every period: 4.7 s of a 10 s group table at a million applications (ADR 0052).
    -- Not MATERIALIZED, which wrote the year's million rows to a temporary file first (ADR 0058). OFFSET 0
    -- keeps the subquery from being pulled up (planner behaviour, not a documented promise: bench:explain
    -- shows it). The calendar's version is one InitPlan, not a join made a million times.
    ttf AS (
      SELECT ${key ?? 'NULL::uuid'} AS key,
             CASE WHEN f.calendar_version = (SELECT version FROM stored) THEN f.week
                  ELSE date_trunc('week', f.recorded_at AT TIME ZONE ${zone})::date END AS week,
             CASE WHEN f.calendar_version = (SELECT version FROM stored) THEN f.working_days
                  ELSE greatest(0, ${workingSecondsAt(recordedDay, 'f.recorded_at')} - ${workingSecondsAt(endedDay, ended)}) / ${daySeconds}::numeric
             END AS days
        FROM score_feedback_facts f
        CROSS JOIN cal
       WHERE f.recorded_at >= ${params.add(period.fromAt, '::timestamptz')} AND f.recorded_at < ${params.add(period.toAt, '::timestamptz')}
         AND f.ended_at IS NOT NULL
         ${where.map((condition) => `AND ${condition}`).join(' ')}
       OFFSET 0
    )`;
}

/**
 * Which levels a statement returns: `all` (the report) through GROUPING SETS, each group, each ISO
 * week (the trend) and the whole; a fact has at most one key here (one stage owner, one job, one
 * published draft per feedback), so the whole is the sum of its rows and one scan serves all three.
 * `groups` (a group table, ADR 0045) only the groups: no sorts for weeks and the whole it never reads.
 */
export type ScoreLevels = 'all' | 'groups';

function levels(by: ScoreGrouping | null, which: ScoreLevels): { level: string; week: string; sets: string } {
  if (which === 'groups') {
    if (!by) throw new Error('A group table needs a grouping.');
    return { level: `'group'`, week: 'NULL::text', sets: 'key' };
  }
  return by
    ? {
        level: `CASE WHEN GROUPING(key) = 0 THEN 'group' WHEN GROUPING(week) = 0 THEN 'week' ELSE 'overall' END`,
        week: 'week::text',
        sets: 'GROUPING SETS ((key), (week), ())',
      }
    : {
        level: `CASE WHEN GROUPING(week) = 0 THEN 'week' ELSE 'overall' END`,
        week: 'week::text',
        sets: 'GROUPING SETS ((week), ())',
      };
}

/** The distribution's buckets of working days, as `distributionOf` reads them. */
const DISTRIBUTION_BUCKETS = `,
           count(*) FILTER (WHERE days < 1)::int AS under1,
           count(*) FILTER (WHERE days >= 1 AND days < 2)::int AS from1,
           count(*) FILTER (WHERE days >= 2 AND days < 3)::int AS from2,
           count(*) FILTER (WHERE days >= 3 AND days < 5)::int AS from3,
           count(*) FILTER (WHERE days >= 5)::int AS from5`;

/**
 * Time to feedback per group, per week and overall, with the distribution's buckets (a value on a
 * boundary in the later one). Median and p90 with percentile_cont: between two middle values, their
 * mean (ADR 0033). A group table (`groups`) shows no distribution: its rows have no buckets, five
 * comparisons fewer for each of a period's facts (ADR 0058).
 */
export function timeToFeedbackSql(
  by: ScoreGrouping | null,
  scope: ScoreScope,
  period: ScorePeriod,
  params: SqlParams,
  which: ScoreLevels = 'all',
): string {
  const { level, week, sets } = levels(by, which);
  return `${timeToFeedbackRows(by, scope, period, params)}
    SELECT ${level} AS level, key, ${week} AS week, count(*)::int AS count,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90
           ${which === 'groups' ? '' : DISTRIBUTION_BUCKETS}
      FROM ttf GROUP BY ${sets}`;
}

/**
 * Promises that fell due in the period (and have come due by now), from their stored facts (which
 * hold only the promises the score counts), each counted once as:
 * kept on the date first promised; re-dated by a person before the date came (the promise that
 * replaced it, if kept, is not counted again); or broken (the date came with nobody acting, or
 * passed). A promise the facts replaced (`superseded`) is neither, and an offer's reply-by date is
 * the candidate's to keep, not the agency's.
 */
function promiseRows(by: ScoreGrouping | null, scope: ScoreScope, period: ScorePeriod, params: SqlParams): string {
  const { key, where } = keyed('promise', by, scope, params);
  const now = params.add(period.now, '::timestamptz');
  const zone = params.add(period.timeZone, '::text');
  return `WITH promised AS (
      SELECT ${key ?? 'NULL::uuid'} AS key, date_trunc('week', f.due_at AT TIME ZONE ${zone})::date AS week,
             CASE
               WHEN f.ended_how IN ('kept', 'closed') AND f.ended_at <= f.due_at AND f.redatings = 0 THEN 'kept'
               WHEN f.ended_how IN ('kept', 'closed') AND f.ended_at <= f.due_at THEN NULL
               WHEN f.ended_how = 'redated' AND f.ended_at <= f.due_at THEN 'redated'
               ELSE 'broken'
             END AS outcome
        FROM score_promise_facts f
       WHERE f.due_at >= ${params.add(period.fromAt, '::timestamptz')} AND f.due_at < ${params.add(period.toAt, '::timestamptz')}
         AND (f.ended_at IS NOT NULL OR f.due_at <= ${now})
         ${where.map((condition) => `AND ${condition}`).join(' ')}
    )`;
}

/** Promises per group, per week of their date and overall, in one scan. */
export function promisesSql(
  by: ScoreGrouping | null,
  scope: ScoreScope,
  period: ScorePeriod,
  params: SqlParams,
  which: ScoreLevels = 'all',
): string {
  const { level, week, sets } = levels(by, which);
  return `${promiseRows(by, scope, period, params)}
    SELECT ${level} AS level, key, ${week} AS week,
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
           WHERE ${openApplicationSql('a')}
             ${where.map((condition) => `AND ${condition}`).join(' ')}
           ${groupBy}`;
}

/**
 * Rejections in the period after an interview (a stage that took place before the rejection), and
 * how many came through an interview's feedback, so the candidate read the interviewer's reasons
 * rather than a bare closing line: from their stored facts (ADR 0036).
 */
export function rejectionsSql(
  by: ScoreGrouping | null,
  scope: ScoreScope,
  period: ScorePeriod,
  params: SqlParams,
): string {
  const { key, joins, where } = keyed('rejection', by, scope, params);
  const { select, groupBy } = grouped(key);
  return `SELECT ${select} count(*)::int AS after_interview, count(*) FILTER (WHERE f.with_words)::int AS with_words
            FROM score_rejection_facts f
            ${joins}
           WHERE f.closed_at >= ${params.add(period.fromAt, '::timestamptz')} AND f.closed_at < ${params.add(period.toAt, '::timestamptz')}
             ${where.map((condition) => `AND ${condition}`).join(' ')}
           ${groupBy}`;
}

/**
 * Candidates' closing answers given in the period, from the answers' own index range: an application
 * row is read only for its recruiter (ADR 0052).
 */
export function satisfactionSql(
  by: ScoreGrouping | null,
  scope: ScoreScope,
  period: ScorePeriod,
  params: SqlParams,
): string {
  const { key, joins, where } = keyed('answer', by, scope, params, 'r.application_id');
  const { select, groupBy } = grouped(key);
  // Only the recruiter is the application's: an answer carries its job (and so its client), and its
  // application id finds its client interviewers.
  const needsApplication = by === ScoreGrouping.Recruiter || Boolean(scope.recruiterId);
  return `SELECT ${select} count(*)::int AS responses,
                 count(r.recommend_score)::int AS scored,
                 count(*) FILTER (WHERE r.recommend_score >= 9)::int AS promoters,
                 count(*) FILTER (WHERE r.recommend_score <= 6)::int AS detractors,
                 count(r.kept_informed)::int AS informed_answers,
                 count(*) FILTER (WHERE r.kept_informed = false)::int AS ghosted
            FROM satisfaction_responses r
            ${needsApplication ? 'JOIN applications a ON a.id = r.application_id' : ''}
            ${joins}
           WHERE r.answered_at >= ${params.add(period.fromAt, '::timestamptz')} AND r.answered_at < ${params.add(period.toAt, '::timestamptz')}
             ${where.map((condition) => `AND ${condition}`).join(' ')}
           ${groupBy}`;
}
