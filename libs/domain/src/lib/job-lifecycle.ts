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

export function assertSalaryRange(salary: SalaryRangeRequest | null | undefined): void {
  if (salary && salary.min > salary.max) {
    throw fieldError('salary.max', 'must be at least salary.min');
  }
}
