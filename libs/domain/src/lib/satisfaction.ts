import { ApplicationStatus, SATISFACTION_ANSWER_DAYS } from '@heardback/contracts';

const DAY_MS = 86_400_000;

/**
 * Rule: which closings ask the candidate how we did (issue 13, item 5). An application the agency
 * closed (rejected, or the job closed) or that ended in a hire asks; one the candidate closed
 * themselves (withdrawing, declining the offer, erasing their account: all `withdrawn`) does not,
 * since they have just told us where they stand. Open applications never ask.
 */
export function asksHowWeDid(status: ApplicationStatus): boolean {
  return (
    status === ApplicationStatus.Rejected ||
    status === ApplicationStatus.Hired ||
    status === ApplicationStatus.JobClosed
  );
}

/** Until when a candidate may answer, or change their answer: SATISFACTION_ANSWER_DAYS after the application closed. */
export function satisfactionAnswerableUntil(closedAt: Date): Date {
  return new Date(closedAt.getTime() + SATISFACTION_ANSWER_DAYS * DAY_MS);
}

export function satisfactionAnswerable(closedAt: Date, now: Date): boolean {
  return now.getTime() <= satisfactionAnswerableUntil(closedAt).getTime();
}
