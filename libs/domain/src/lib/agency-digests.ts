import type { AgencyMailPreference, NotificationKind } from '@heardback/contracts';
import { fieldError } from './domain-error';
import { WorkingCalendar, nextWorkingWindowStart, validateWorkingCalendar } from './working-hours';

/**
 * Agency mail digests (issue 9, item 6; ADR 0014). An agency person chooses how they are told
 * about their work: each email as it is written (`immediate`), or gathered into one digest at the
 * top of each hour (`hourly`) or at the start of the agency's working day (`daily`).
 *
 * A digest window is half-open: an item written at or after one digest time and before the next
 * goes out at the next. An item written exactly on the hour waits for the following hour.
 */

/**
 * Agency kinds that may wait for a digest. Escalations never do: someone must act now. A new
 * application may: its screening promise is days away, and the lapse of that promise chases anyway.
 */
const DIGESTIBLE_KINDS: ReadonlySet<NotificationKind> = new Set<NotificationKind>([
  'feedback_reminder',
  'application_arrived',
]);

/** Whether an email of this kind could wait for a digest, for someone who chose one. */
export function mayWaitForDigest(kind: NotificationKind): boolean {
  return DIGESTIBLE_KINDS.has(kind);
}

/** Whether an email of this kind, to a person with this preference, waits for their digest. */
export function waitsForDigest(kind: NotificationKind, preference: AgencyMailPreference | null): boolean {
  return preference !== null && preference !== 'immediate' && mayWaitForDigest(kind);
}

/**
 * When the digest carrying an item written at `writtenAt` goes out, or null for `immediate`
 * (sent on its own, at once).
 */
export function digestDueAt(preference: AgencyMailPreference, writtenAt: Date, calendar: WorkingCalendar): Date | null {
  switch (preference) {
    case 'immediate':
      return null;
    case 'hourly':
      return nextHourlyDigestAt(writtenAt, calendar.timeZone);
    case 'daily':
      return nextDailyDigestAt(writtenAt, calendar);
    default:
      throw fieldError('agencyMail', `must be one of immediate, hourly, daily`);
  }
}

const MS_PER_MINUTE = 60_000;
const QUARTER_HOUR = 15 * MS_PER_MINUTE;

/**
 * The first top of a local hour (mm:ss = 00:00 in `timeZone`) strictly after `at`. Every zone's
 * offset is a whole number of quarter hours, so the answer is one of the next four UTC quarter
 * hours; across a daylight-saving change the local clock still reads :00 at each UTC hour.
 */
export function nextHourlyDigestAt(at: Date, timeZone: string): Date {
  const t = instant(at);
  const minuteOf = minuteReader(timeZone);
  let candidate = Math.floor(t / QUARTER_HOUR) * QUARTER_HOUR + QUARTER_HOUR;
  for (let step = 0; step < 4; step++, candidate += QUARTER_HOUR) {
    if (minuteOf(candidate) === 0) return new Date(candidate);
  }
  throw fieldError('timeZone', `"${timeZone}" has no top of the hour within an hour of ${new Date(t).toISOString()}`);
}

/**
 * The start of the first working day that starts strictly after `at`, in the agency's calendar:
 * written before 09:00 on a working day, the digest goes at 09:00 that day; written at or after
 * 09:00, at 09:00 on the next working day; weekends and public holidays are skipped.
 */
export function nextDailyDigestAt(at: Date, calendar: WorkingCalendar): Date {
  validateWorkingCalendar(calendar);
  return nextWorkingWindowStart(new Date(instant(at) + 1), calendar);
}

/**
 * The held items a person's change of preference re-times: to the new preference's next digest
 * from `now`, or at once (`now`) when they choose `immediate`, so nothing held waits longer than
 * the person now asks for and nothing is sent one by one out of order.
 */
export function digestDueAfterPreferenceChange(
  preference: AgencyMailPreference,
  now: Date,
  calendar: WorkingCalendar,
): Date {
  return digestDueAt(preference, now, calendar) ?? new Date(instant(now));
}

function instant(value: Date): number {
  const t = value instanceof Date ? value.getTime() : NaN;
  if (Number.isNaN(t)) throw fieldError('at', 'must be a valid date');
  return t;
}

const minuteFormatters = new Map<string, Intl.DateTimeFormat>();

function minuteReader(timeZone: string): (instant: number) => number {
  let formatter = minuteFormatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone, minute: 'numeric', second: 'numeric' });
    } catch {
      throw fieldError('timeZone', `unknown time zone "${timeZone}"`);
    }
    if (minuteFormatters.size > 100) minuteFormatters.clear();
    minuteFormatters.set(timeZone, formatter);
  }
  const reader = formatter;
  return (at) => Number(reader.formatToParts(at).find((part) => part.type === 'minute')?.value ?? NaN);
}
