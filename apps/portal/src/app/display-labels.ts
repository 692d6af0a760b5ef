import {
  ApplicationStatus,
  EmploymentType,
  PayPeriod,
  StageState,
  UserRole,
  WaitingFor,
  WorkMode,
} from '@heardback/contracts';

/** The words a person reads for each enum value the API sends. */
export const WORK_MODE_LABELS: Record<WorkMode, string> = {
  [WorkMode.Onsite]: 'On-site',
  [WorkMode.Hybrid]: 'Hybrid',
  [WorkMode.Remote]: 'Remote',
};

export const EMPLOYMENT_TYPE_LABELS: Record<EmploymentType, string> = {
  [EmploymentType.FullTime]: 'Full-time',
  [EmploymentType.PartTime]: 'Part-time',
  [EmploymentType.Contract]: 'Contract',
  [EmploymentType.Temporary]: 'Temporary',
  [EmploymentType.Internship]: 'Internship',
};

/** What a pay range is per, as the job editor offers it. */
export const PAY_PERIOD_LABELS: Record<PayPeriod, string> = {
  [PayPeriod.Year]: 'Year',
  [PayPeriod.Day]: 'Day',
  [PayPeriod.Hour]: 'Hour',
};

/** "2 working days", "1 working day": every deadline the agency sets is counted, and said, in working days. */
export function workingDaysText(days: number): string {
  return `${days} working ${days === 1 ? 'day' : 'days'}`;
}

/** A job's promise to its candidates, as the job page says it. */
export function answerPromiseText(answerWithinWorkingDays: number): string {
  return `We promise an answer within ${workingDaysText(answerWithinWorkingDays)} of each interview, in words, whatever the outcome.`;
}

/** A job's promise to its applicants, as the job page says it. */
export function screeningPromiseText(screeningWithinWorkingDays: number): string {
  return `We promise to tell you whether you move forward within ${workingDaysText(screeningWithinWorkingDays)} of applying.`;
}

/** The choices a select offers for each, in the API's order. */
export const WORK_MODE_OPTIONS = labelledOptions(WORK_MODE_LABELS);
export const EMPLOYMENT_TYPE_OPTIONS = labelledOptions(EMPLOYMENT_TYPE_LABELS);
export const PAY_PERIOD_OPTIONS = labelledOptions(PAY_PERIOD_LABELS);

function labelledOptions<T extends string>(labels: Record<T, string>): { value: T; label: string }[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}

/** "That page is for recruiters." */
export const ROLE_AS_AUDIENCE: Record<UserRole, string> = {
  [UserRole.Candidate]: 'candidates',
  [UserRole.Recruiter]: 'recruiters',
  [UserRole.Staff]: 'agency staff',
};

/** "You are signed in as a candidate." */
export const ROLE_AS_SUBJECT: Record<UserRole, string> = {
  [UserRole.Candidate]: 'a candidate',
  [UserRole.Recruiter]: 'a recruiter',
  [UserRole.Staff]: 'agency staff',
};

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  [ApplicationStatus.Applied]: 'Applied',
  [ApplicationStatus.Screening]: 'Screening',
  [ApplicationStatus.Interviewing]: 'Interviewing',
  [ApplicationStatus.Offer]: 'Offer',
  [ApplicationStatus.Hired]: 'Hired',
  [ApplicationStatus.Rejected]: 'Not successful',
  [ApplicationStatus.Withdrawn]: 'Withdrawn',
  [ApplicationStatus.JobClosed]: 'Job closed',
};

/** What the application waits for, said to the candidate (under "Waiting for"). */
export const WAITING_FOR_TEXT: Record<WaitingFor, string> = {
  [WaitingFor.Screening]: 'The agency is reviewing your application.',
  [WaitingFor.Scheduling]: 'The agency is arranging your next interview.',
  [WaitingFor.Interview]: 'Your next interview is booked.',
  [WaitingFor.Feedback]: 'The interviewers are writing your feedback.',
  [WaitingFor.Decision]: 'The agency is making a decision.',
  [WaitingFor.CandidateResponse]: 'You: the agency is waiting for your reply.',
  [WaitingFor.Nothing]: 'Nothing: this application is closed.',
};

/**
 * The candidate's whole list in numbers, from the API's totals (every page): "42 applications: 12 in
 * progress, 30 closed". The groups are named as the page's headings name them.
 */
export function myApplicationsTotalsText({ open, closed }: { open: number; closed: number }): string {
  const total = open + closed;
  const applications = `${total.toLocaleString('en-GB')} ${total === 1 ? 'application' : 'applications'}`;
  const groups = [
    ...(open > 0 ? [`${open.toLocaleString('en-GB')} in progress`] : []),
    ...(closed > 0 ? [`${closed.toLocaleString('en-GB')} closed`] : []),
  ];
  return groups.length > 0 ? `${applications}: ${groups.join(', ')}` : applications;
}

export const STAGE_STATE_LABELS: Record<StageState, string> = {
  [StageState.Pending]: 'Not scheduled yet',
  [StageState.Scheduled]: 'Scheduled',
  [StageState.AwaitingFeedback]: 'Waiting for feedback',
  [StageState.FeedbackRecorded]: 'Done',
  [StageState.Skipped]: 'Skipped',
};
