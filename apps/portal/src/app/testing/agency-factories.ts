import {
  AgencyApplicationSummary,
  AgencyJobDetail,
  AgencyJobSummary,
  AgencyUserView,
  ApplicationStatus,
  AttentionItem,
  AuditAction,
  AuditEntityType,
  AuditEventPage,
  AuditEventView,
  ClientFeedbackDraftView,
  ClientReviewLinkState,
  ClientReviewLinkView,
  ClientReviewPageView,
  FeedbackDecision,
  EmploymentType,
  JobBoardPage,
  PayPeriod,
  JobClosureView,
  JobStatus,
  JobSummary,
  NotificationView,
  StageState,
  UserRole,
  WaitingApplication,
  WaitingFor,
  WorkMode,
} from '@heardback/contracts';

// Test data for the agency's lists and staff pages, shaped like the API's answers; specs import it
// through factories.ts, the one test-data module.

/** A job as the agency lists it: no salary, no open applications yet. */
export function anAgencyJob(overrides: Partial<AgencyJobSummary> = {}): AgencyJobSummary {
  return {
    ...aJobSummary({ salary: null, publishedAt: '2026-11-01T09:00:00.000Z' }),
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

export function aJobSummary(overrides: Partial<JobSummary> = {}): JobSummary {
  return {
    id: 'job-1',
    title: 'Backend Engineer',
    clientId: 'client-1',
    clientName: 'Northwind Logistics',
    location: 'Leeds',
    workMode: WorkMode.Hybrid,
    employmentType: EmploymentType.FullTime,
    salary: { min: 55000, max: 70000, currency: 'GBP', period: PayPeriod.Year },
    status: JobStatus.Open,
    publishedAt: '2026-05-01T09:00:00.000Z',
    ...overrides,
  };
}

/** A page of the board; the total counts one more job than shown while there is a next page, unless given. */
export function aJobPage(
  items: JobSummary[],
  nextCursor: string | null = null,
  total = items.length + (nextCursor ? 1 : 0),
  didYouMean: string | null = null,
): JobBoardPage {
  return { items, nextCursor, total, totalCapped: false, didYouMean };
}

/** A page of an agency list (jobs, feedback queue, escalations), its total as aJobPage's. */
export function aListPage<T>(
  items: T[],
  nextCursor: string | null = null,
  total = items.length + (nextCursor ? 1 : 0),
): { items: T[]; nextCursor: string | null; total: number } {
  return { items, nextCursor, total };
}

/** A job as staff receive it (with its owner); visitors and candidates get no `ownerId`. */
export function anAgencyJobDetail(overrides: Partial<AgencyJobDetail> = {}): AgencyJobDetail {
  return {
    ...anAgencyJob(),
    description: 'Build things.',
    pipeline: ['Screen', 'Tech', 'Final'],
    answerWithinWorkingDays: 3,
    screeningWithinWorkingDays: 5,
    screeningQuestions: [],
    ownerId: null,
    ...overrides,
  };
}

export function aClosure(overrides: Partial<JobClosureView> = {}): JobClosureView {
  return {
    id: 'closure-1',
    jobId: 'job-1',
    outcome: JobStatus.Filled,
    status: 'queued',
    total: 3,
    done: 0,
    createdAt: '2026-11-20T09:00:00.000Z',
    finishedAt: null,
    ...overrides,
  };
}

export function aMail(overrides: Partial<NotificationView> = {}): NotificationView {
  return {
    id: 'n1',
    kind: 'candidate_update',
    recipientEmail: 'ana@example.test',
    recipientName: null,
    applicationId: null,
    subject: 'News on your application',
    body: 'Hello Ana,\n\nMessage from Riley: the client decides on Friday.',
    status: 'sent',
    attempts: 1,
    lastError: null,
    givenUpReason: null,
    heldUntilVerified: false,
    createdAt: '2026-11-20T09:00:00.000Z',
    sentAt: '2026-11-20T09:00:05.000Z',
    ...overrides,
  };
}

/** An agency account as staff list them: Sam Staff unless overridden. */
export function anAgencyUser(overrides: Partial<AgencyUserView> = {}): AgencyUserView {
  return {
    id: '7d4c2a10-0000-4000-8000-000000000001',
    email: 'staff@heardback.test',
    fullName: 'Sam Staff',
    role: UserRole.Staff,
    createdAt: '2026-01-05T10:00:00.000Z',
    disabledAt: null,
    isAgencyLead: false,
    invitationSentAt: null,
    ...overrides,
  };
}

/** Sam Staff renamed a job, in winter (London on GMT). */
export function anAuditEvent(overrides: Partial<AuditEventView> = {}): AuditEventView {
  return {
    id: 'e1',
    occurredAt: '2026-11-20T09:30:00.000Z',
    actor: { id: anAgencyUser().id, fullName: 'Sam Staff', role: UserRole.Staff },
    action: AuditAction.JobUpdated,
    entity: { type: AuditEntityType.Job, id: 'job-1', label: 'Senior Backend Engineer' },
    changes: { title: { before: 'Backend Engineer', after: 'Senior Backend Engineer' } },
    requestId: 'req-1',
    ...overrides,
  };
}

export function anAuditPage(items: AuditEventView[], nextCursor: string | null = null): AuditEventPage {
  return { items, nextCursor, timeZone: 'Europe/London' };
}

export function aWaiting(overrides: Partial<WaitingApplication> = {}): WaitingApplication {
  return { ...anAgencyApplication(), daysSilent: 3, longSilence: false, ...overrides };
}

export function anAttentionItem(overrides: Partial<AttentionItem> = {}): AttentionItem {
  return {
    applicationId: 'app-1',
    applicationVersion: 2,
    candidateName: 'Ana Silva',
    jobTitle: 'Backend Engineer',
    clientName: 'Northwind Logistics',
    reason: 'update_requested',
    detail: 'Ana asked for an update: “Any news?”',
    dueAt: '2026-11-20T09:30:00.000Z',
    overdue: false,
    ...overrides,
  };
}

/** A page of an agency list: `total` is every page's rows, more than `items` when `nextCursor` is set. */
export function aCountedPage<T>(items: T[], nextCursor: string | null = null, total = items.length) {
  return { items, nextCursor, total };
}

/** What a client interviewer's link opens: Jo Hiring's view of Ana's Phone screen, with a CV. */
export function aClientReviewPage(overrides: Partial<ClientReviewPageView> = {}): ClientReviewPageView {
  return {
    interviewerName: 'Jo Hiring',
    candidateName: 'Ana Silva',
    jobTitle: 'Backend Engineer',
    clientName: 'Northwind Logistics',
    stageName: 'Phone screen',
    interview: { startsAt: '2026-05-29T09:00:00.000Z', endsAt: '2026-05-29T10:00:00.000Z' },
    cv: { fileName: 'ana-silva-cv.pdf', sizeBytes: 245_000 },
    feedbackDueAt: '2026-06-02T16:00:00.000Z',
    expiresAt: '2026-06-12T16:00:00.000Z',
    ...overrides,
  };
}

/** Jo Hiring's unpublished draft on stage-1: advance, rated 3. */
export function aClientFeedbackDraft(overrides: Partial<ClientFeedbackDraftView> = {}): ClientFeedbackDraftView {
  return {
    id: 'draft-1',
    stageId: 'stage-1',
    stageName: 'Phone screen',
    contact: { id: 'contact-1', fullName: 'Jo Hiring', role: 'Engineering manager' },
    decision: FeedbackDecision.Advance,
    rating: 3,
    candidateMessage: 'Great conversation about queues; we would like you to meet the team.',
    internalNotes: 'Strong on systems, a little quiet.',
    holdUntil: null,
    submittedAt: '2026-05-30T08:30:00.000Z',
    publishedAt: null,
    publishedBy: null,
    ...overrides,
  };
}

/** Jo Hiring's open review link on stage-1. */
export function aClientReviewLink(overrides: Partial<ClientReviewLinkView> = {}): ClientReviewLinkView {
  return {
    id: 'link-1',
    stageId: 'stage-1',
    stageName: 'Phone screen',
    contact: { id: 'contact-1', fullName: 'Jo Hiring', email: 'jo@northwind.example' },
    state: ClientReviewLinkState.Open,
    createdAt: '2026-05-29T10:00:00.000Z',
    expiresAt: '2026-06-12T16:00:00.000Z',
    submittedAt: null,
    revokedAt: null,
    contactLeftAt: null,
    ...overrides,
  };
}
