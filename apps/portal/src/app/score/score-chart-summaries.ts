import { ScoreBucket, ScoreWeek } from '@heardback/contracts';
import { figure, percent } from './score-columns';

/** What each chart shows, in a sentence: read before its table, by a screen reader and by anyone. */

/** One sentence for a screen reader before the table: the span and the latest week with figures. */
export function trendSummary(weeks: readonly ScoreWeek[]): string {
  const measured = weeks.filter((week) => week.medianWorkingDays !== null || week.promisesDue > 0);
  if (measured.length === 0) return 'No feedback was recorded and no promise fell due in these weeks.';
  const latest = measured[measured.length - 1];
  const parts = [`${weeks.length} ${weeks.length === 1 ? 'week' : 'weeks'}`];
  if (latest.medianWorkingDays !== null) {
    parts.push(`in ${latest.week} feedback took a median ${figure(latest.medianWorkingDays)} working days`);
  }
  if (latest.promisesDue > 0)
    parts.push(`${percent(latest.keptShare)} of promises were kept on date in ${latest.week}`);
  return `${parts.join('; ')}.`;
}

export function distributionSummary(buckets: readonly ScoreBucket[]): string {
  const total = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  if (total === 0) return 'No interview had feedback recorded in this period.';
  const within = buckets.filter((bucket) => bucket.toWorkingDays !== null && bucket.toWorkingDays <= 2);
  const quick = within.reduce((sum, bucket) => sum + bucket.count, 0);
  return `${total} ${total === 1 ? 'interview' : 'interviews'}; ${quick} had feedback within 2 working days.`;
}
