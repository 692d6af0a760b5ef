import {
  ScoreBucket,
  ScoreFigures,
  ScoreGrouping,
  ScoreReport,
  ScoreRow,
  ScoreTable,
  ScoreWeek,
} from '@heardback/contracts';

/**
 * The score's tables as CSV (RFC 4180: CRLF lines, fields with a comma, quote or line break quoted,
 * quotes doubled). A name a person typed that starts with = + - @ (or a tab or carriage return)
 * is prefixed with an apostrophe, so a spreadsheet shows it instead of running it as a formula.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

type Cell = string | number | null;

/** Text a person wrote: never a formula. */
function text(value: string | null): string | null {
  if (value === null) return null;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function field(value: Cell): string {
  if (value === null) return '';
  const written = String(value);
  return /[",\r\n]/.test(written) ? `"${written.replace(/"/g, '""')}"` : written;
}

function lines(rows: Cell[][]): string {
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** A 0–1 share as a percentage with one decimal. */
function percent(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 10;
}

const GROUP_HEADER = [
  'group',
  'name',
  'detail',
  'interviews with feedback',
  'median working days to feedback',
  'p90 working days to feedback',
  'promises due',
  'kept on date',
  're-dated in time',
  'broken',
  'kept %',
  'open applications',
  'longest silence (days)',
  'rejections after interview',
  'with feedback in words',
  'with feedback in words %',
  'satisfaction answers',
  'cNPS',
  'felt ghosted %',
];

function figureCells(figures: ScoreFigures): Cell[] {
  const { timeToFeedback, promises, silence, rejections, satisfaction } = figures;
  return [
    timeToFeedback.count,
    timeToFeedback.medianWorkingDays,
    timeToFeedback.p90WorkingDays,
    promises.due,
    promises.kept,
    promises.redated,
    promises.broken,
    percent(promises.keptShare),
    silence.openApplications,
    silence.longestDays,
    rejections.afterInterview,
    rejections.withFeedbackInWords,
    percent(rejections.share),
    satisfaction.responses,
    satisfaction.cnps,
    satisfaction.feltGhostedPercent,
  ];
}

/** The group table's header and its "Everyone" line; the groups follow, a batch at a time. */
export function groupsCsvHead(report: ScoreReport): string {
  return lines([GROUP_HEADER, ['overall', 'Everyone', null, ...figureCells(report.overall)]]);
}

export function groupsCsvLines(by: ScoreGrouping, rows: ScoreRow[]): string {
  return rows.length === 0 ? '' : lines(rows.map((row) => [by, text(row.name), text(row.detail), ...figureCells(row)]));
}

export function groupsCsv(report: ScoreReport): string {
  return groupsCsvHead(report) + (report.by ? groupsCsvLines(report.by, report.rows) : '');
}

export function trendCsv(weeks: ScoreWeek[]): string {
  return lines([
    [
      'week',
      'starts on',
      'interviews with feedback',
      'median working days to feedback',
      'promises due',
      'kept on date',
      'kept %',
    ],
    ...weeks.map((week) => [
      week.week,
      week.startsOn,
      week.feedbackCount,
      week.medianWorkingDays,
      week.promisesDue,
      week.promisesKept,
      percent(week.keptShare),
    ]),
  ]);
}

export function distributionCsv(buckets: ScoreBucket[]): string {
  return lines([
    ['working days to feedback', 'from', 'to', 'interviews'],
    ...buckets.map((bucket) => [bucket.label, bucket.fromWorkingDays, bucket.toWorkingDays, bucket.count]),
  ]);
}

export function scoreCsv(report: ScoreReport, table: ScoreTable): string {
  if (table === ScoreTable.Trend) return trendCsv(report.trend);
  if (table === ScoreTable.Distribution) return distributionCsv(report.distribution);
  return groupsCsv(report);
}

export function scoreCsvFileName(report: ScoreReport, table: ScoreTable): string {
  const what = table === ScoreTable.Groups && report.by ? `by-${report.by}` : table;
  return `heardback-score-${what}-${report.from}-to-${report.to}.csv`;
}
