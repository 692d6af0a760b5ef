import { ErrorCode, JobStatus, SalaryRangeRequest } from '@heardback/contracts';
import { DomainError, fieldError } from './domain-error';
import { Viewer, canSeeInternalDetails } from './visibility';

/**
 * Visitors and candidates see open jobs; agency people see every job. A candidate who applied may
 * still read the job they applied for once it closed or filled, so "See the job" never says "not found".
 */
export function canSeeJob(status: JobStatus, viewer: Viewer | null, appliedToIt = false): boolean {
  return (
    status === JobStatus.Open ||
    (viewer !== null && canSeeInternalDetails(viewer)) ||
    (appliedToIt && status !== JobStatus.Draft)
  );
}

/** A draft is invisible to candidates (404); a closed or filled job says so (409). */
export function assertAcceptsApplications(status: JobStatus): void {
  if (status === JobStatus.Draft) {
    throw new DomainError(ErrorCode.NotFound, 'This job does not exist or is no longer open.');
  }
  if (status !== JobStatus.Open) {
    throw new DomainError(ErrorCode.JobNotOpen, 'This job is no longer taking applications.');
  }
}

function isFinished(status: JobStatus): boolean {
  return status === JobStatus.Closed || status === JobStatus.Filled;
}

export function assertJobEditable(status: JobStatus): void {
  if (isFinished(status)) {
    throw new DomainError(ErrorCode.InvalidTransition, `This job is ${status}; it can no longer be edited.`);
  }
}

/** Rule 3: a job is closed once, with its closing message to every open application. */
export function assertJobClosable(status: JobStatus): void {
  if (isFinished(status)) {
    throw new DomainError(ErrorCode.InvalidTransition, `This job is already ${status}.`);
  }
}

/** An interview that took place on an open application of a job being closed, and has no feedback yet. */
export interface InterviewAwaitingFeedback {
  candidateName: string;
  stageName: string;
}

/** How many of the interviews awaiting feedback a refusal to close names; the rest are counted. */
export const CLOSING_REFUSAL_NAMES = 5;

/**
 * Rule 1 at a job's closing: closing a job closes its open applications, so every interview that took
 * place on them must have its feedback first. Otherwise closing the job would end the wait for it, and a
 * candidate who was interviewed would hear only that the job closed, never how their interview went.
 * `waiting` holds at most CLOSING_REFUSAL_NAMES + 1 of them; `total` is how many there are.
 */
export function assertNoInterviewAwaitingFeedback(waiting: readonly InterviewAwaitingFeedback[], total: number): void {
  if (total === 0) return;
  const named = waiting.slice(0, CLOSING_REFUSAL_NAMES).map((one) => `${one.candidateName} (${one.stageName})`);
  const more = total - named.length;
  const list = more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
  throw new DomainError(
    ErrorCode.FeedbackRequired,
    `Record the feedback on ${total === 1 ? 'this interview' : `these ${total} interviews`} before closing the job: ${list}. ` +
      'Each candidate must hear how their interview went, not only that the job closed.',
  );
}

export function assertSalaryRange(salary: SalaryRangeRequest | null | undefined): void {
  if (salary && salary.min > salary.max) {
    throw fieldError('salary.max', 'must be at least salary.min');
  }
}
