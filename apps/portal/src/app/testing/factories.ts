import { HttpErrorResponse } from '@angular/common/http';
import {
  ApiError,
  ApplicationStatus,
  ApplicationSummary,
  ApplicationView,
  CandidateApplicationView,
  DocumentKind,
  DocumentMediaType,
  DocumentView,
  ErrorCode,
  FeedbackDecision,
  FeedbackQueueItem,
  FeedbackView,
  MyApplicationsPage,
  OfferView,
  PayPeriod,
  PromiseKind,
  PromiseView,
  StageState,
  StageView,
  TimelineEventType,
  UserRole,
  UserView,
  WaitingFor,
} from '@heardback/contracts';
import { isOpen } from '@heardback/domain';

/**
 * Test data for every portal spec, shaped exactly like the API's answers: valid by default,
 * overridden where a test cares.
 */
/** Someone with `role`, named after it: `candidate@heardback.test`. */
export function aUserWithRole(role: UserRole): UserView {
  return aUser({
    role,
    email: `${role}@heardback.test`,
    fullName: `Pat ${role}`,
    ...(role === UserRole.Candidate ? {} : { agencyMail: 'hourly' as const }),
  });
}

/** A signed-in person: Casey Candidate, verified, unless overridden. */
export function aUser(overrides: Partial<UserView> = {}): UserView {
  return {
    id: 'u1',
    email: 'candidate@heardback.test',
    fullName: 'Casey Candidate',
    role: UserRole.Candidate,
    emailVerified: true,
    timeZone: null,
    ...overrides,
  };
}

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
    chased: false,
    ...overrides,
  };
}

/** An open offer with every term written: override `answer`, `declineReason` and the terms. */
export function anOffer(overrides: Partial<OfferView> = {}): OfferView {
  return {
    id: 'offer-1',
    title: 'Backend Engineer',
    pay: { amount: 64_000, currency: 'EUR', period: PayPeriod.Year },
    startDate: '2026-07-01',
    message: 'The team would love to have you.',
    madeAt: '2026-06-01T10:00:00.000Z',
    replyBy: '2026-06-08T16:00:00.000Z',
    answer: null,
    answeredAt: null,
    declineReason: null,
    ...overrides,
  };
}

/** The agency's promise of an answer about a stage, first date standing: override `kind`, `dueAt`, `stageId`. */
export function aPromise(overrides: Partial<PromiseView> = {}): PromiseView {
  return {
    kind: PromiseKind.Answer,
    stageId: 'stage-1',
    dueAt: '2026-06-12T14:00:00.000Z',
    sentence: null,
    automatic: false,
    previousDueAts: [],
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
    onHold: overrides.decision === FeedbackDecision.Hold,
    ...overrides,
  };
}

/** What only the agency is shown: how to reach Ana, and the CV she sent. */
function agencyOnlyParts(): Pick<ApplicationView, 'candidateDetails' | 'documents'> {
  return {
    candidateDetails: {
      email: 'ana.silva@example.test',
      phone: '+447700900123',
      location: 'Lisbon, Portugal',
      timeZone: 'Europe/Lisbon',
      profileLink: 'https://www.linkedin.com/in/ana-silva',
    },
    documents: { cv: aDocument(), coverLetter: null, coverLetterText: null },
  };
}

/** Ana's CV, a PDF uploaded before she applied. */
export function aDocument(overrides: Partial<DocumentView> = {}): DocumentView {
  return {
    id: 'doc-1',
    kind: DocumentKind.Cv,
    fileName: 'Ana Silva CV.pdf',
    mediaType: DocumentMediaType.Pdf,
    sizeBytes: 245_760,
    createdAt: '2026-11-09T18:00:00.000Z',
    downloadPath: '/api/documents/doc-1',
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
    earlierTimelineCursor: null,
    nextStageId: 'stage-2',
    offerSkipsStageIds: ['stage-2', 'stage-3'],
    feedbackOwedStageIds: [],
    candidateSaid: { otherOffer: null, availability: null },
    promise: aPromise({ stageId: 'stage-1', dueAt: '2026-11-20T09:30:00.000Z' }),
    offer: null,
    closingWords: null,
    redatingsLeft: 2,
    ...agencyOnlyParts(),
    screeningAnswers: [],
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
    ownerId: 'user-riley',
    ownerName: 'Riley Recruiter',
    assignedToYou: true,
    clientDraftsWaiting: 0,
    ...overrides,
  };
}

/** The same application as its candidate receives it: feedback without rating, interviewer or notes. */
export function asCandidateSees(application: ApplicationView): CandidateApplicationView {
  const {
    nextStageId: _next,
    offerSkipsStageIds: _skips,
    feedbackOwedStageIds: _owed,
    candidateSaid: _said,
    redatingsLeft: _left,
    candidateDetails: _details,
    documents: _documents,
    screeningAnswers: _answers,
    ...shared
  } = application;
  return {
    ...shared,
    stages: shared.stages.map(({ interviewers: _interviewers, ...stage }) => ({
      ...stage,
      feedback: stage.feedback
        ? {
            id: stage.feedback.id,
            candidateMessage: stage.feedback.candidateMessage,
            recordedAt: stage.feedback.recordedAt,
            onHold: stage.feedback.onHold,
          }
        : null,
    })),
  };
}

/** `anApplication` as the candidate receives it. */
export function aCandidateApplication(overrides: Partial<ApplicationView> = {}): CandidateApplicationView {
  return asCandidateSees(anApplication(overrides));
}

/** `anApplicationBetweenInterviews` as the candidate receives it. */
export function aCandidateApplicationBetweenInterviews(
  overrides: Partial<ApplicationView> = {},
): CandidateApplicationView {
  return asCandidateSees(anApplicationBetweenInterviews(overrides));
}

/** A candidate between interviews: the phone screen passed, the technical interview booked, one stage to come. */
export function anApplicationBetweenInterviews(overrides: Partial<ApplicationView> = {}): ApplicationView {
  return {
    id: 'app-1',
    status: ApplicationStatus.Interviewing,
    version: 3,
    waitingFor: WaitingFor.Interview,
    currentStageId: 's2',
    job: {
      id: 'job-1',
      title: 'E-commerce Product Manager',
      clientName: 'Orchard Retail',
    },
    candidate: { id: 'cand-1', fullName: 'Casey Candidate' },
    stages: [
      aStage({
        id: 's1',
        name: 'Phone screen',
        position: 0,
        state: StageState.FeedbackRecorded,
        startsAt: '2026-05-01T10:00:00.000Z',
        endsAt: '2026-05-01T11:00:00.000Z',
        feedbackDueAt: '2026-05-03T11:00:00.000Z',
        feedback: {
          id: 'f1',
          decision: FeedbackDecision.Advance,
          rating: 3,
          candidateMessage:
            'You explained your product decisions clearly. We would like you to meet the engineering lead next.',
          givenBy: 'Riley Recruiter',
          recordedAt: '2026-05-02T09:00:00.000Z',
          version: 1,
          onHold: false,
        },
      }),
      aStage({
        id: 's2',
        name: 'Technical interview',
        position: 1,
        state: StageState.Scheduled,
        startsAt: '2026-06-10T13:00:00.000Z',
        endsAt: '2026-06-10T14:00:00.000Z',
        location: 'https://meet.example.com/abc',
        feedbackDueAt: '2026-06-12T14:00:00.000Z',
      }),
      aStage({ id: 's3', name: 'Final interview', position: 2 }),
    ],
    timeline: [
      {
        at: '2026-04-30T09:00:00.000Z',
        type: TimelineEventType.Applied,
        stageId: null,
        text: 'You applied for E-commerce Product Manager at Orchard Retail.',
      },
      {
        at: '2026-05-02T09:00:00.000Z',
        type: TimelineEventType.FeedbackRecorded,
        stageId: 's1',
        text: 'Feedback on your Phone screen is ready.',
      },
    ],
    earlierTimelineCursor: null,
    nextStageId: 's3',
    offerSkipsStageIds: ['s2', 's3'],
    feedbackOwedStageIds: [],
    candidateSaid: { otherOffer: null, availability: null },
    promise: aPromise({ stageId: 's2', dueAt: '2026-06-12T14:00:00.000Z' }),
    offer: null,
    closingWords: null,
    redatingsLeft: 2,
    ...agencyOnlyParts(),
    screeningAnswers: [],
    ...overrides,
  };
}

export function aSummary(overrides: Partial<ApplicationSummary> = {}): ApplicationSummary {
  return {
    id: 'app-1',
    status: ApplicationStatus.Screening,
    version: 2,
    job: {
      id: 'job-1',
      title: 'Frontend Engineer (Angular)',
      clientName: 'Bluefin Health',
    },
    currentStage: {
      id: 's1',
      name: 'Phone screen',
      state: StageState.Scheduled,
      feedbackDueAt: '2026-06-12T14:00:00.000Z',
    },
    waitingFor: WaitingFor.Interview,
    promise: { kind: PromiseKind.Answer, dueAt: '2026-06-12T14:00:00.000Z' },
    appliedAt: '2026-05-01T09:00:00.000Z',
    updatedAt: '2026-05-02T09:00:00.000Z',
    ...overrides,
  };
}

/** A page of the candidate's list holding `items`; the totals count them unless `overrides` say otherwise. */
export function aMyApplicationsPage(
  items: ApplicationSummary[],
  overrides: Partial<MyApplicationsPage> = {},
): MyApplicationsPage {
  const open = items.filter((item) => isOpen(item.status)).length;
  return {
    items,
    nextCursor: null,
    total: items.length,
    totals: { open, closed: items.length - open },
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

/** "Now" in these tests: between the first and the second interview. */
export const TEST_NOW = new Date('2026-06-01T12:00:00.000Z');

// The agency's lists and staff pages: one module for every spec to import from.
export * from './agency-factories';
