import { ApplicationStatus, FeedbackDecision, PromiseKind, StageState, WaitingFor } from '@heardback/contracts';
import { fixedClock } from '@heardback/domain';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ApplicationStageEntity } from './application-stage.entity';
import { loadConfig } from '../config/app-config';
import { ApplicationViewsService } from './application-views.service';
import { ApplicationEntity } from './application.entity';

const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/unused' });

const now = new Date('2026-12-02T10:00:00Z');
const HOUR = 3_600_000;

function anApplication(index: number, overrides: Partial<ApplicationEntity> = {}): ApplicationEntity {
  return Object.assign(new ApplicationEntity(), {
    id: `app-${index}`,
    jobId: `job-${index}`,
    job: { title: `Job ${index}`, client: { name: `Client ${index}` } },
    candidateId: 'candidate-1',
    status: ApplicationStatus.Applied,
    currentStageId: `app-${index}-stage-0`,
    version: 1,
    createdAt: new Date(now.getTime() - index * 24 * HOUR),
    updatedAt: new Date(now.getTime() - index * HOUR),
    ...overrides,
  });
}

function stagesOf(application: ApplicationEntity, ended: boolean): ApplicationStageEntity[] {
  return ['Phone screen', 'Final'].map((name, position) =>
    Object.assign(new ApplicationStageEntity(), {
      id: `${application.id}-stage-${position}`,
      applicationId: application.id,
      position,
      name,
      state: position === 0 && ended ? StageState.AwaitingFeedback : StageState.Pending,
      startsAt: position === 0 && ended ? new Date(now.getTime() - 3 * HOUR) : null,
      endsAt: position === 0 && ended ? new Date(now.getTime() - 2 * HOUR) : null,
      location: null,
      interviewers: [],
      feedbackDueAt: position === 0 && ended ? new Date(now.getTime() + 46 * HOUR) : null,
      heldAt: null,
      skipReason: null,
    }),
  );
}

/** A manager that answers the list's queries from memory and counts them. */
function countingDataSource(applications: ApplicationEntity[], stages: ApplicationStageEntity[]) {
  const calls: string[] = [];
  const manager = {
    find: async (entity: EntityTarget<ObjectLiteral>) => {
      if (entity === ApplicationEntity) {
        calls.push('applications');
        return applications;
      }
      if (entity === ApplicationStageEntity) {
        calls.push('stages');
        return [...stages].sort((a, b) => a.position - b.position);
      }
      throw new Error(`unexpected find on ${String(entity)}`);
    },
    query: async (sql: string) => {
      if (sql.includes('FROM application_promises')) {
        calls.push('promises');
        return [{ application_id: 'app-1', kind: PromiseKind.Screening, due_at: new Date('2026-12-08T17:00:00Z') }];
      }
      calls.push(sql.includes('FROM feedback') ? 'feedback' : sql);
      return [{ stage_id: 'app-4-stage-0', decision: FeedbackDecision.Hold }];
    },
  } as unknown as EntityManager;
  return { dataSource: { manager } as DataSource, calls };
}

describe("the candidate's list of applications", () => {
  it('is read in four queries however many applications there are, each with its own stages', async () => {
    const applications = [1, 2, 3, 4, 5, 6].map((index) => anApplication(index));
    const stages = applications.flatMap((application, index) => stagesOf(application, index % 2 === 1));
    const heldOn = stages.find((stage) => stage.id === 'app-4-stage-0') as ApplicationStageEntity;
    heldOn.state = StageState.FeedbackRecorded;
    const { dataSource, calls } = countingDataSource(applications, stages);
    const service = new ApplicationViewsService(dataSource, fixedClock(now), config);

    const list = await service.listForCandidate('candidate-1');

    expect(calls).toEqual(['applications', 'stages', 'feedback', 'promises']);
    expect(list).toHaveLength(6);
    expect(list[0]).toEqual({
      id: 'app-1',
      status: ApplicationStatus.Applied,
      version: 1,
      job: { id: 'job-1', title: 'Job 1', clientName: 'Client 1' },
      currentStage: { id: 'app-1-stage-0', name: 'Phone screen', state: StageState.Pending, feedbackDueAt: null },
      waitingFor: WaitingFor.Screening,
      promise: { kind: PromiseKind.Screening, dueAt: '2026-12-08T17:00:00.000Z' },
      appliedAt: '2026-12-01T10:00:00.000Z',
      updatedAt: '2026-12-02T09:00:00.000Z',
    });
    expect(list[1].currentStage).toEqual({
      id: 'app-2-stage-0',
      name: 'Phone screen',
      state: StageState.AwaitingFeedback,
      feedbackDueAt: '2026-12-04T08:00:00.000Z',
    });
    expect(list[1].waitingFor).toBe(WaitingFor.Feedback);
    expect(list[1].promise).toBeNull();
    expect(list[2].waitingFor).toBe(WaitingFor.Screening);
    // Its feedback ("hold") is recorded: the application waits for the agency's decision.
    expect(list[3].currentStage?.state).toBe(StageState.FeedbackRecorded);
    expect(list[3].waitingFor).toBe(WaitingFor.Decision);
    expect(list.map((summary) => summary.id)).toEqual(['app-1', 'app-2', 'app-3', 'app-4', 'app-5', 'app-6']);
  });

  it('asks for nothing more when the candidate has no applications', async () => {
    const { dataSource, calls } = countingDataSource([], []);
    const service = new ApplicationViewsService(dataSource, fixedClock(now), config);
    expect(await service.listForCandidate('candidate-1')).toEqual([]);
    expect(calls).toEqual(['applications']);
  });
});
