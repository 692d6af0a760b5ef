/**
 * The agency's retention rule (ADR 0019). A closed application is erased `months` after it closed,
 * and never sooner than RETENTION_NOTICE_DAYS after its candidate was told: the notice goes out
 * RETENTION_NOTICE_DAYS before the date. A candidate's whole account goes the same way once every
 * application of theirs is erased and they have not signed in for `months`.
 */
export const RETENTION_NOTICE_DAYS = 30;

const DAY_MS = 86_400_000;

/** Calendar months later, in UTC, the day clamped to the month's end (31 January + 1 month = 28/29 February), as PostgreSQL adds an interval. */
export function addMonths(at: Date, months: number): Date {
  const target = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(at.getUTCDate(), lastDay));
  target.setUTCHours(at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), at.getUTCMilliseconds());
  return target;
}

/** When something kept since `since` is due to be erased, and when its owner is told. */
export function retentionDates(since: Date, months: number): { noticeAt: Date; eraseAt: Date } {
  const eraseAt = addMonths(since, months);
  return { eraseAt, noticeAt: new Date(eraseAt.getTime() - RETENTION_NOTICE_DAYS * DAY_MS) };
}

/** The day erasure may happen after a notice sent at `noticeSentAt`: a late notice pushes the date back, never forward. */
export function erasureDate(since: Date, months: number, noticeSentAt: Date): Date {
  const { eraseAt } = retentionDates(since, months);
  return new Date(Math.max(eraseAt.getTime(), noticeSentAt.getTime() + RETENTION_NOTICE_DAYS * DAY_MS));
}
