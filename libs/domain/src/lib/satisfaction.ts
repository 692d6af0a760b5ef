import { ApplicationStatus, SATISFACTION_ANSWER_DAYS, SATISFACTION_MIN_RESPONSES } from '@heardback/contracts';

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

/**
 * Below how many answers a reader is not shown candidate satisfaction: over the whole of what they
 * read (`overall`) and by job, client or interviewer (`groups`); null is "always shown".
 */
export interface SatisfactionWithholding {
  overall: number | null;
  groups: number | null;
}

/** A count of answers no group reaches: its satisfaction is always withheld. */
const WITHHOLD_ALWAYS = Number.MAX_SAFE_INTEGER;

/**
 * Rule (ADR 0061): who may tell one candidate's answer from another. Staff see every figure. A
 * recruiter sees satisfaction over all their own work, from SATISFACTION_MIN_RESPONSES answers, and
 * never by job, client or interviewer: beside the overall figure, a group withheld for having one
 * answer could be worked out by subtraction. A client's monthly report, printed to send to the
 * client, is held to the recruiter's rule whoever prints it: an interviewer would recognise the one
 * candidate who answered.
 */
export function satisfactionWithholding(reader: 'staff' | 'recruiter' | 'client-report'): SatisfactionWithholding {
  return reader === 'staff'
    ? { overall: null, groups: null }
    : { overall: SATISFACTION_MIN_RESPONSES, groups: WITHHOLD_ALWAYS };
}
