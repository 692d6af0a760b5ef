import { ErrorCode, JobStatus, UserRole } from '@heardback/contracts';
import { DomainError } from './domain-error';
import {
  assertAcceptsApplications,
  assertJobClosable,
  assertJobEditable,
  assertNoInterviewAwaitingFeedback,
  assertSalaryRange,
  canSeeJob,
} from './job-lifecycle';

function codeOf(action: () => void): ErrorCode | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

describe('job lifecycle', () => {
  it('shows visitors and candidates open jobs only, and agency people every job', () => {
    expect(canSeeJob(JobStatus.Open, null)).toBe(true);
    expect(canSeeJob(JobStatus.Draft, null)).toBe(false);
    expect(canSeeJob(JobStatus.Filled, { id: 'c', role: UserRole.Candidate })).toBe(false);
    expect(canSeeJob(JobStatus.Draft, { id: 's', role: UserRole.Staff })).toBe(true);
  });

  it('lets a candidate who applied read their closed or filled job, but never a draft', () => {
    const candidate = { id: 'c', role: UserRole.Candidate };
    expect(canSeeJob(JobStatus.Closed, candidate, true)).toBe(true);
    expect(canSeeJob(JobStatus.Filled, candidate, true)).toBe(true);
    expect(canSeeJob(JobStatus.Closed, candidate, false)).toBe(false);
    expect(canSeeJob(JobStatus.Draft, candidate, true)).toBe(false);
  });

  it('takes applications only while open, hiding drafts as not found', () => {
    expect(codeOf(() => assertAcceptsApplications(JobStatus.Open))).toBeUndefined();
    expect(codeOf(() => assertAcceptsApplications(JobStatus.Draft))).toBe(ErrorCode.NotFound);
    expect(codeOf(() => assertAcceptsApplications(JobStatus.Closed))).toBe(ErrorCode.JobNotOpen);
    expect(codeOf(() => assertAcceptsApplications(JobStatus.Filled))).toBe(ErrorCode.JobNotOpen);
  });

  it('refuses to close a job while an interview on it waits for feedback, naming whose', () => {
    expect(() => assertNoInterviewAwaitingFeedback([], 0)).not.toThrow();
    const one = [{ candidateName: 'Ada Lovelace', stageName: 'Phone screen' }];
    expect(codeOf(() => assertNoInterviewAwaitingFeedback(one, 1))).toBe(ErrorCode.FeedbackRequired);
    expect(() => assertNoInterviewAwaitingFeedback(one, 1)).toThrow(
      'Record the feedback on this interview before closing the job: Ada Lovelace (Phone screen).',
    );
    const seven = Array.from({ length: 6 }, (_, index) => ({
      candidateName: `Person ${index + 1}`,
      stageName: 'Panel',
    }));
    expect(() => assertNoInterviewAwaitingFeedback(seven, 7)).toThrow(
      'these 7 interviews before closing the job: Person 1 (Panel), Person 2 (Panel), Person 3 (Panel), Person 4 (Panel), Person 5 (Panel) and 2 more.',
    );
  });

  it('refuses to edit or close a job twice once it is closed or filled', () => {
    for (const status of [JobStatus.Closed, JobStatus.Filled]) {
      expect(codeOf(() => assertJobEditable(status))).toBe(ErrorCode.InvalidTransition);
      expect(codeOf(() => assertJobClosable(status))).toBe(ErrorCode.InvalidTransition);
    }
    expect(codeOf(() => assertJobEditable(JobStatus.Draft))).toBeUndefined();
    expect(codeOf(() => assertJobClosable(JobStatus.Open))).toBeUndefined();
  });

  it('refuses a salary range whose maximum is below its minimum, naming salary.max', () => {
    expect(codeOf(() => assertSalaryRange({ min: 50, max: 40, currency: 'EUR' }))).toBe(ErrorCode.ValidationFailed);
    expect(codeOf(() => assertSalaryRange({ min: 40, max: 40, currency: 'EUR' }))).toBeUndefined();
    expect(codeOf(() => assertSalaryRange(undefined))).toBeUndefined();
  });
});
