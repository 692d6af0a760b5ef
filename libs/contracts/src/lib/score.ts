/**
 * The Heardback score (issue 13, item 4; ADR 0033): how well the agency keeps its promise, over a
 * period, per recruiter, client, client interviewer or job. Every figure is null when nothing in
 * the group or period measures it (never 0 or NaN standing in for "no data").
 */

export enum ScoreGrouping {
  Recruiter = 'recruiter',
  Client = 'client',
  /** A client interviewer: the contact whose published review became the stage's feedback. */
  Interviewer = 'interviewer',
  Job = 'job',
}

/** The longest period one score covers, in days (a year, leap day included). */
export const SCORE_MAX_PERIOD_DAYS = 366;
/**
 * At most this many groups in `ScoreReport.rows`; `truncated` says when more exist. The score page
 * and a client's monthly report read their tables a page at a time instead (`GET
 * /api/agency/score/groups`, ADRs 0045 and 0047), and the CSV holds every group.
 */
export const SCORE_MAX_GROUPS = 500;

/** `from` and `to` are days in the agency's time zone, both included. */
export interface ScorePeriodQuery {
  from: string;
  to: string;
}

/** The figures, the trend and, with `by`, one group table (at most SCORE_MAX_GROUPS rows). */
export interface ScoreQuery extends ScorePeriodQuery {
  by?: ScoreGrouping;
}

/** A table of groups is 50 a page unless asked, at most 200 (ADR 0045). */
export const SCORE_GROUPS_DEFAULT_LIMIT = 50;
export const SCORE_GROUPS_MAX_LIMIT = 200;
/**
 * A group cursor holds the last row's sort value (at most a job title), the name and detail that break
 * its ties (a job title and its client's name) and its id, with its table's grouping, order and client,
 * as JSON in base64url: (2 × 160 + 120) characters of up to four bytes each, 1,760 bytes, plus ~130 of
 * ids and JSON, is 2,520 in base64url, and names that are one line are never escaped longer.
 */
export const SCORE_GROUPS_CURSOR_MAX_LENGTH = 2600;

/** What a group table can be sorted by: the portal's columns. */
export enum ScoreGroupSort {
  Name = 'name',
  /** Interviews with feedback in the period. */
  Interviews = 'interviews',
  Median = 'median',
  P90 = 'p90',
  /** Share of promises kept on the date first promised. */
  Kept = 'kept',
  Redated = 'redated',
  Broken = 'broken',
  /** Longest silence on an open application now. */
  Silence = 'silence',
  /** Share of rejections after interview with feedback in words. */
  Words = 'words',
  Cnps = 'cnps',
  Ghosted = 'ghosted',
}

export enum SortDirection {
  Asc = 'asc',
  Desc = 'desc',
}

/**
 * GET /api/agency/score/groups: one grouping's table, a page at a time. Rows without the sorted
 * figure (null, or withheld from a recruiter) come last in either direction; ties go by the name the
 * row shows, then its detail, A first in either direction (by name, the whole order turns round), then
 * by id, so pages never overlap or skip.
 */
export interface ScoreGroupsQuery extends ScorePeriodQuery {
  grouping: ScoreGrouping;
  /** Only this client's figures (a client's monthly report pages its tables with it): a client's id. */
  client?: string;
  /** `name` unless asked. */
  sort?: ScoreGroupSort;
  /** `asc` unless asked. */
  direction?: SortDirection;
  cursor?: string;
  limit?: number;
}

/**
 * `GET /api/agency/score/clients/:id/monthly`: the month, and the order of each of its two tables
 * (by name, A first, unless asked; the same sorts as the group table's).
 */
export interface ClientMonthQuery {
  /** yyyy-mm */
  month: string;
  interviewerSort?: ScoreGroupSort;
  interviewerDirection?: SortDirection;
  jobSort?: ScoreGroupSort;
  jobDirection?: SortDirection;
}

export interface ScoreGroupsPage {
  grouping: ScoreGrouping;
  sort: ScoreGroupSort;
  direction: SortDirection;
  items: ScoreRow[];
  nextCursor: string | null;
  /** Every group the period has in this grouping (all pages). */
  total: number;
}

export interface TimeToFeedbackFigures {
  /** Interviews whose first feedback was recorded in the period. */
  count: number;
  /** Interview end to feedback recorded, in working days (percentile_cont: interpolated). */
  medianWorkingDays: number | null;
  p90WorkingDays: number | null;
}

export interface PromiseFigures {
  /** Promises that fell due in the period: kept + redated + broken. */
  due: number;
  /** Kept on the date first promised. */
  kept: number;
  /** Moved by a person, with a sentence to the candidate, before the date came. */
  redated: number;
  /** The date came with nobody acting (the rules spoke), or passed. */
  broken: number;
  /** Shares of `due`, 0–1; null when nothing fell due. */
  keptShare: number | null;
  redatedShare: number | null;
  brokenShare: number | null;
}

export interface SilenceFigures {
  /** Open applications now. */
  openApplications: number;
  /** The longest a candidate with an open application has gone without hearing, in days, now. */
  longestDays: number | null;
  /** Since when that candidate has not heard. */
  since: string | null;
  applicationId: string | null;
}

export interface RejectionFigures {
  /** Applications rejected in the period after at least one interview. */
  afterInterview: number;
  /** Of those, rejected through an interview's feedback: the candidate read why, in the interviewer's words. */
  withFeedbackInWords: number;
  share: number | null;
}

export interface SatisfactionFigures {
  /** Closing answers given in the period; null when withheld (how many answered is a clue too). */
  responses: number | null;
  /** Promoters (9–10) minus detractors (0–6), in percent of those who gave a score, −100 to 100. */
  cnps: number | null;
  /** Share of those who answered "kept informed?" with no, in percent. */
  feltGhostedPercent: number | null;
  /**
   * True when a recruiter is not shown the figures: over their own work, fewer answers than
   * SATISFACTION_MIN_RESPONSES; by job, client or interviewer, always.
   */
  withheld: boolean;
}

export interface ScoreFigures {
  timeToFeedback: TimeToFeedbackFigures;
  promises: PromiseFigures;
  silence: SilenceFigures;
  rejections: RejectionFigures;
  satisfaction: SatisfactionFigures;
}

export interface ScoreRow extends ScoreFigures {
  id: string;
  name: string;
  /** What tells two groups of one name apart: a job's or an interviewer's client. */
  detail: string | null;
}

export interface ScoreWeek {
  /** ISO week, e.g. `2026-W49`. */
  week: string;
  /** Its Monday (yyyy-mm-dd). */
  startsOn: string;
  feedbackCount: number;
  medianWorkingDays: number | null;
  promisesDue: number;
  promisesKept: number;
  keptShare: number | null;
}

export interface ScoreBucket {
  /** `<1`, `1–2`, `2–3`, `3–5`, `5+` working days; a value on a boundary falls in the later bucket. */
  label: string;
  fromWorkingDays: number;
  toWorkingDays: number | null;
  count: number;
}

export interface ScoreReport {
  from: string;
  to: string;
  /** Null when no group table was asked for: `rows` is then empty. */
  by: ScoreGrouping | null;
  /** Computed at (the API's clock): silences are measured to this instant. */
  at: string;
  /** True when the figures are a recruiter's own work only. */
  ownWorkOnly: boolean;
  satisfactionMinResponses: number;
  overall: ScoreFigures;
  rows: ScoreRow[];
  truncated: boolean;
  trend: ScoreWeek[];
  distribution: ScoreBucket[];
}

/** What the CSV export holds: the group table (default), the weekly trend or the distribution. */
export enum ScoreTable {
  Groups = 'groups',
  Trend = 'trend',
  Distribution = 'distribution',
}

/**
 * GET /api/agency/score.csv: one table of the period. The group table holds every group of `by`, in the
 * order asked for (the score page's table's order; by name unless asked), ties as the pages break them.
 */
export interface ScoreCsvQuery extends ScorePeriodQuery {
  by: ScoreGrouping;
  table?: ScoreTable;
  sort?: ScoreGroupSort;
  direction?: SortDirection;
}

/**
 * 503 SCORE_TOO_BROAD: a score statement ran past SCORE_TIMEOUT_MS (ADR 0047). Said to staff and
 * recruiters, who can ask for less.
 */
export const SCORE_TOO_BROAD_MESSAGE =
  'The score for this period took too long to work out. Choose a shorter period or one client, then try again.';

/**
 * One client's month, for the printable report. Its two tables are the first page of the client's
 * groups in the order asked for, by name unless asked (`GET /api/agency/score/groups?grouping=…&client=…`
 * with the page's sort and direction reads the next ones, ADR 0047).
 */
export interface ClientMonthlyScore {
  client: { id: string; name: string };
  /** yyyy-mm */
  month: string;
  from: string;
  to: string;
  at: string;
  overall: ScoreFigures;
  interviewers: ScoreGroupsPage;
  jobs: ScoreGroupsPage;
  trend: ScoreWeek[];
  distribution: ScoreBucket[];
}
