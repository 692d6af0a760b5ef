import {
  ApplicationStatus,
  ApplicationSummary,
  ApplicationView,
  FeedbackDecision,
  StageState,
  StageView,
  TimelineEventType,
  WaitingFor,
} from '@heardback/contracts';

/** Test data shaped exactly like the API's answers. */
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

export function anApplication(overrides: Partial<ApplicationView> = {}): ApplicationView {
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
    appliedAt: '2026-05-01T09:00:00.000Z',
    updatedAt: '2026-05-02T09:00:00.000Z',
    ...overrides,
  };
}

/** "Now" in these tests: between the first and the second interview. */
export const TEST_NOW = new Date('2026-06-01T12:00:00.000Z');
