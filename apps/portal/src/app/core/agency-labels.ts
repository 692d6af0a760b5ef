import {
  ApplicationStatus,
  ClientReviewLinkState,
  FeedbackDecision,
  JobStatus,
  PromiseKind,
  StageState,
  UserRole,
  WaitingFor,
} from '@heardback/contracts';

/** The words agency people read for each enum value the API sends. */
export const STAGE_STATE_LABELS: Record<StageState, string> = {
  [StageState.Pending]: 'Not scheduled yet',
  [StageState.Scheduled]: 'Scheduled',
  [StageState.AwaitingFeedback]: 'Awaiting feedback',
  [StageState.FeedbackRecorded]: 'Feedback recorded',
  [StageState.Skipped]: 'Skipped',
};

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  [ApplicationStatus.Applied]: 'Applied',
  [ApplicationStatus.Screening]: 'Screening',
  [ApplicationStatus.Interviewing]: 'Interviewing',
  [ApplicationStatus.Offer]: 'Offer made',
  [ApplicationStatus.Hired]: 'Hired',
  [ApplicationStatus.Rejected]: 'Rejected',
  [ApplicationStatus.Withdrawn]: 'Withdrawn',
  [ApplicationStatus.JobClosed]: 'Job closed',
};

export const WAITING_FOR_LABELS: Record<WaitingFor, string> = {
  [WaitingFor.Screening]: 'New: to screen',
  [WaitingFor.Scheduling]: 'Waiting to be scheduled',
  [WaitingFor.Interview]: 'Interview booked',
  [WaitingFor.Feedback]: 'Waiting for feedback',
  [WaitingFor.Decision]: 'Waiting for a decision',
  [WaitingFor.CandidateResponse]: 'Waiting for the candidate',
  [WaitingFor.Nothing]: 'Nothing pending',
};

export const DECISION_LABELS: Record<FeedbackDecision, string> = {
  [FeedbackDecision.Advance]: 'Advance',
  [FeedbackDecision.Reject]: 'Reject',
  [FeedbackDecision.Hold]: 'Hold',
};

export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  [JobStatus.Draft]: 'Draft',
  [JobStatus.Open]: 'Open',
  [JobStatus.Closed]: 'Closed',
  [JobStatus.Filled]: 'Filled',
};

export const ROLE_LABELS: Record<UserRole, string> = {
  [UserRole.Candidate]: 'Candidate',
  [UserRole.Recruiter]: 'Recruiter',
  [UserRole.Staff]: 'Staff',
};

/** What each overall rating means, so two recruiters use the scale the same way. */
export const RATING_LABELS: Record<number, string> = {
  1: 'Not a fit',
  2: 'Doubts',
  3: 'Good',
  4: 'Excellent',
};

/** Each kind of promise, named without its stage (the audit trail, lists). */
export const PROMISE_KIND_LABELS: Record<PromiseKind, string> = {
  [PromiseKind.Screening]: 'Whether they move forward',
  [PromiseKind.Answer]: 'The answer after an interview',
  [PromiseKind.NextStep]: 'When their next interview is',
  [PromiseKind.Hold]: 'News on a stage on hold',
  [PromiseKind.UpdateRequest]: 'An answer to their request for an update',
  [PromiseKind.OfferReply]: 'Their reply to the offer',
};

/** What the agency has promised the candidate will hear next, as agency people read it. */
export function promiseWhat(kind: PromiseKind, stageName: string | null): string {
  const stage = stageName ?? 'the stage';
  switch (kind) {
    case PromiseKind.Screening:
      return 'Whether they move forward';
    case PromiseKind.Answer:
      return `The answer about ${stage}`;
    case PromiseKind.NextStep:
      return 'When their next interview is';
    case PromiseKind.Hold:
      return `News on ${stage}, on hold`;
    case PromiseKind.UpdateRequest:
      return 'An answer to their request for an update';
    case PromiseKind.OfferReply:
      return 'Their reply to the offer, asked';
  }
}

/** Where a client interviewer's review link stands, as the agency reads it. */
export const CLIENT_REVIEW_LINK_STATE_LABELS: Record<ClientReviewLinkState, string> = {
  [ClientReviewLinkState.Open]: 'Waiting for their feedback',
  [ClientReviewLinkState.Used]: 'Feedback sent',
  [ClientReviewLinkState.Expired]: 'Expired',
  [ClientReviewLinkState.Revoked]: 'Revoked',
  [ClientReviewLinkState.Replaced]: 'Replaced by a newer link',
  [ClientReviewLinkState.FeedbackRecorded]: 'Closed: the stage has feedback',
};
