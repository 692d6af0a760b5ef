import { HttpErrorResponse } from '@angular/common/http';
import {
  AgencyApplicationSummary,
  AgencyJobSummary,
  ApiError,
  ApplicationStatus,
  ApplicationView,
  EmploymentType,
  ErrorCode,
  FeedbackDecision,
  FeedbackQueueItem,
  FeedbackView,
  JobStatus,
  StageState,
  StageView,
  TimelineEventType,
  WaitingFor,
  WorkMode,
} from '@heardback/contracts';

/** Test data for the recruiter and staff areas: valid by default, overridden where a test cares. */
export function aStage(overrides: Partial<StageView> = {}): StageView {
  return {
    id: 'stage-1',
    name: 'Phone screen',
    position: 0,
    state: StageState.Pending,
    startsAt: null,
    endsAt: null,
    location: null,
    feedbackDueAt: null,
    feedback: null,
    ...overrides,
  };
}

export function aFeedback(overrides: Partial<FeedbackView> = {}): FeedbackView {
  return {
    id: 'feedback-1',
    decision: FeedbackDecision.Advance,
    rating: 3,
    candidateMessage: 'Thank you: you explained your work clearly.',
    internalNotes: 'Strong on systems design.',
    givenBy: 'Riley Recruiter',
    recordedAt: '2026-11-20T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

/** An application whose phone screen took place and awaits feedback, with two stages after it. */
export function anApplication(overrides: Partial<ApplicationView> = {}): ApplicationView {
  return {
    id: 'app-1',
    status: ApplicationStatus.Screening,
    version: 3,
    waitingFor: WaitingFor.Feedback,
    currentStageId: 'stage-1',
    job: { id: 'job-1', title: 'Backend Engineer', clientName: 'Northwind Logistics' },
    candidate: { id: 'cand-1', fullName: 'Ana Silva' },
    stages: [
      aStage({
        id: 'stage-1',
        name: 'Phone screen',
        position: 0,
        state: StageState.AwaitingFeedback,
        startsAt: '2026-11-18T09:00:00.000Z',
        endsAt: '2026-11-18T09:30:00.000Z',
        location: 'Video call',
        feedbackDueAt: '2026-11-20T09:30:00.000Z',
      }),
      aStage({ id: 'stage-2', name: 'Technical interview', position: 1 }),
      aStage({ id: 'stage-3', name: 'Final interview', position: 2 }),
    ],
    timeline: [
      { at: '2026-11-10T08:00:00.000Z', type: TimelineEventType.Applied, stageId: null, text: 'You applied.' },
    ],
    ...overrides,
  };
}

export function aQueueItem(overrides: Partial<FeedbackQueueItem> = {}): FeedbackQueueItem {
  return {
    applicationId: 'app-1',
    applicationVersion: 3,
    stageId: 'stage-1',
    stageName: 'Phone screen',
    candidateName: 'Ana Silva',
    jobTitle: 'Backend Engineer',
    clientName: 'Northwind Logistics',
    endedAt: '2026-11-18T09:30:00.000Z',
    feedbackDueAt: '2026-11-20T09:30:00.000Z',
    overdue: false,
    ...overrides,
  };
}

export function anAgencyJob(overrides: Partial<AgencyJobSummary> = {}): AgencyJobSummary {
  return {
    id: 'job-1',
    title: 'Backend Engineer',
    clientId: 'client-1',
    clientName: 'Northwind Logistics',
    location: 'Leeds',
    workMode: WorkMode.Hybrid,
    employmentType: EmploymentType.FullTime,
    salary: null,
    status: JobStatus.Open,
    publishedAt: '2026-11-01T09:00:00.000Z',
    openApplications: 0,
    ...overrides,
  };
}

export function anAgencyApplication(overrides: Partial<AgencyApplicationSummary> = {}): AgencyApplicationSummary {
  return {
    id: 'app-1',
    version: 2,
    status: ApplicationStatus.Screening,
    candidate: { id: 'cand-1', fullName: 'Ana Silva', email: 'ana@example.test' },
    job: { id: 'job-1', title: 'Backend Engineer', clientName: 'Northwind Logistics' },
    currentStage: {
      id: 'stage-1',
      name: 'Phone screen',
      position: 0,
      state: StageState.Pending,
      feedbackDueAt: null,
    },
    waitingFor: WaitingFor.Scheduling,
    appliedAt: '2026-11-10T08:00:00.000Z',
    lastHeardAt: '2026-11-10T08:00:00.000Z',
    ...overrides,
  };
}

/** The error HttpClient reports when the API answers with its error body. */
export function anApiErrorResponse(
  status: number,
  code: ErrorCode,
  message: string,
  details?: ApiError['details'],
): HttpErrorResponse {
  return new HttpErrorResponse({
    status,
    error: { statusCode: status, code, message, ...(details ? { details } : {}) },
  });
}

/** The body and status to flush through HttpTestingController for an API error. */
export function apiErrorBody(
  status: number,
  code: ErrorCode,
  message: string,
  details?: ApiError['details'],
): [ApiError, { status: number; statusText: string }] {
  return [
    { statusCode: status, code, message, ...(details ? { details } : {}) },
    { status, statusText: 'Error' },
  ];
}
