import { ApplicationStatus, FeedbackDecision, PromiseKind, StageState, WaitingFor } from '@heardback/contracts';
import { fixedClock } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { decodeRankedKeysetCursor, encodeRankedKeysetCursor } from '../database/keyset-cursor';
import { metadataOnly } from '../database/testing/metadata-only';
import { ApplicationStageEntity } from './application-stage.entity';
import { CandidateApplicationListService, myApplicationsQueries } from './candidate-application-list.service';

const now = new Date('2026-12-02T10:00:00Z');
const HOUR = 3_600_000;
const ID = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;

function aRow(index: number, overrides: Record<string, unknown> = {}) {
  const createdAt = new Date(now.getTime() - index * 24 * HOUR);
  return {
    id: ID(index),
    rank: 0,
    cursor_at: '2026-12-01 10:00:00+00',
    status: ApplicationStatus.Applied,
    version: 1,
    current_stage_id: `${ID(index)}-stage-0`,
    created_at: createdAt,
    updated_at: new Date(now.getTime() - index * HOUR),
    job_id: `job-${index}`,
    title: `Job ${index}`,
    client_name: `Client ${index}`,
    ...overrides,
  };
}

function stagesOf(applicationId: string, ended: boolean): ApplicationStageEntity[] {
  return ['Phone screen', 'Final'].map((name, position) =>
    Object.assign(new ApplicationStageEntity(), {
      id: `${applicationId}-stage-${position}`,
      applicationId,
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

/** A stage as PostgreSQL's JSON has it (entityJson): by column name, timestamps as text. */
function asJson(dataSource: DataSource, stage: ApplicationStageEntity): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const column of dataSource.getMetadata(ApplicationStageEntity).columns) {
    const value = column.getEntityValue(stage);
    json[column.databaseName] = value instanceof Date ? value.toISOString() : (value ?? null);
  }
  return json;
}

/**
 * The real entities' metadata, and a connection that answers the list's statements from memory and names
 * each one it was sent.
 */
async function countingDataSource(rows: ReturnType<typeof aRow>[], stages: ApplicationStageEntity[]) {
  const dataSource = await metadataOnly([ApplicationStageEntity]);
  const calls: string[] = [];
  const answer = (sql: string): unknown[] => {
    if (sql.includes('count(*)')) {
      calls.push('totals');
      return [{ open: 7, closed: 3 }];
    }
    if (sql.includes('UNION ALL')) {
      calls.push('page');
      return rows;
    }
    if (sql.includes('FROM application_promises')) {
      calls.push('promises');
      return [{ application_id: ID(1), kind: PromiseKind.Screening, due_at: new Date('2026-12-08T17:00:00Z') }];
    }
    if (sql.includes('FROM application_stages') && sql.includes('FROM feedback')) {
      calls.push('stages and decisions');
      const ordered = [...stages].sort((a, b) => a.position - b.position);
      return [
        {
          stages: ordered.map((stage) => asJson(dataSource, stage)),
          decisions: [{ stage_id: `${ID(4)}-stage-0`, decision: FeedbackDecision.Hold }],
        },
      ];
    }
    throw new Error(`unexpected statement: ${sql}`);
  };
  const client = { query: async ({ text }: { text: string }) => ({ rows: answer(text) }) };
  Object.assign(dataSource, {
    createQueryRunner: () => ({ connect: async () => client, release: async () => undefined, isReleased: false }),
  });
  return { dataSource, calls };
}

describe("the candidate's list of applications", () => {
  it('reads a page in four statements however long it is, each application with its own stages', async () => {
    const rows = [1, 2, 3, 4, 5, 6].map((index) => aRow(index));
    const stages = rows.flatMap((row, index) => stagesOf(row.id, index % 2 === 1));
    const heldOn = stages.find((stage) => stage.id === `${ID(4)}-stage-0`) as ApplicationStageEntity;
    heldOn.state = StageState.FeedbackRecorded;
    const { dataSource, calls } = await countingDataSource(rows, stages);
    const service = new CandidateApplicationListService(dataSource, fixedClock(now));

    const page = await service.page('candidate-1', { limit: 10 });

    expect([...calls].sort()).toEqual(['page', 'promises', 'stages and decisions', 'totals']);
    expect(page.totals).toEqual({ open: 7, closed: 3 });
    expect(page.total).toBe(10);
    expect(page.nextCursor).toBeNull();
    const list = page.items;
    expect(list[0]).toEqual({
      id: ID(1),
      status: ApplicationStatus.Applied,
      version: 1,
      job: { id: 'job-1', title: 'Job 1', clientName: 'Client 1' },
      currentStage: { id: `${ID(1)}-stage-0`, name: 'Phone screen', state: StageState.Pending, feedbackDueAt: null },
      waitingFor: WaitingFor.Screening,
      promise: { kind: PromiseKind.Screening, dueAt: '2026-12-08T17:00:00.000Z' },
      appliedAt: '2026-12-01T10:00:00.000Z',
      updatedAt: '2026-12-02T09:00:00.000Z',
    });
    expect(list[1].currentStage).toEqual({
      id: `${ID(2)}-stage-0`,
      name: 'Phone screen',
      state: StageState.AwaitingFeedback,
      feedbackDueAt: '2026-12-04T08:00:00.000Z',
    });
    expect(list[1].waitingFor).toBe(WaitingFor.Feedback);
    expect(list[1].promise).toBeNull();
    // Its feedback ("hold") is recorded: the application waits for the agency's decision.
    expect(list[3].currentStage?.state).toBe(StageState.FeedbackRecorded);
    expect(list[3].waitingFor).toBe(WaitingFor.Decision);
    expect(list.map((summary) => summary.id)).toEqual(rows.map((row) => row.id));
  });

  it('hands out a cursor at the last row shown when one more row than asked came back', async () => {
    const rows = [aRow(1), aRow(2, { rank: 1, cursor_at: '2026-11-30 10:00:00+00' }), aRow(3, { rank: 1 })];
    const { dataSource } = await countingDataSource(rows, []);
    const page = await new CandidateApplicationListService(dataSource, fixedClock(now)).page('candidate-1', {
      limit: 2,
    });
    expect(page.items).toHaveLength(2);
    expect(decodeRankedKeysetCursor(page.nextCursor ?? '', 1)).toEqual({
      rank: 1,
      at: '2026-11-30 10:00:00+00',
      id: ID(2),
    });
  });

  it('asks for no stages or promises when the candidate has no applications', async () => {
    const { dataSource, calls } = await countingDataSource([], []);
    const page = await new CandidateApplicationListService(dataSource, fixedClock(now)).page('candidate-1', {});
    expect(page.items).toEqual([]);
    expect([...calls].sort()).toEqual(['page', 'totals']);
  });

  it('reads the open half only while the cursor is among the open applications', () => {
    const fromStart = myApplicationsQueries('candidate-1', null, 20).page.sql;
    const amongOpen = myApplicationsQueries('candidate-1', { rank: 0, at: '2026-12-01 10:00:00+00', id: ID(1) }, 20);
    const amongClosed = myApplicationsQueries('candidate-1', { rank: 1, at: '2026-12-01 10:00:00+00', id: ID(1) }, 20);
    expect(fromStart.match(/UNION ALL/g)).toHaveLength(1);
    expect(amongOpen.page.sql.match(/UNION ALL/g)).toHaveLength(1);
    expect(amongOpen.page.params).toEqual(['candidate-1', 21, '2026-12-01 10:00:00+00', ID(1)]);
    expect(amongClosed.page.sql).not.toContain('UNION ALL');
    expect(amongClosed.page.sql).toContain('NOT IN');
  });

  it('refuses a cursor of a rank the list does not have', async () => {
    const foreign = encodeRankedKeysetCursor({ rank: 5, at: '2026-12-01 10:00:00+00', id: ID(1) });
    const { dataSource } = await countingDataSource([], []);
    return expect(
      new CandidateApplicationListService(dataSource, fixedClock(now)).page('candidate-1', { cursor: foreign }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
