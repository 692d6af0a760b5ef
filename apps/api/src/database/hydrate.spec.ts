import { DataSource } from 'typeorm';
import { ApplicationStageEntity } from '../applications/application-stage.entity';
import { SessionEntity } from '../auth/session.entity';
import { TimelineEventEntity } from '../timeline/timeline-event.entity';
import { UserEntity } from '../users/user.entity';
import { entityJson, hydrate } from './hydrate';
import { metadataOnly } from './testing/metadata-only';

describe('entity JSON and hydrate', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await metadataOnly([UserEntity, SessionEntity, ApplicationStageEntity, TimelineEventEntity]);
  });

  it('never reads a column the entity keeps out of selects, nor one the caller leaves out', () => {
    const user = entityJson(dataSource, UserEntity, 'u');
    expect(user).toContain(`'full_name', u."full_name"`);
    expect(user).not.toContain('password_hash');
    const session = entityJson(dataSource, SessionEntity, 's', ['tokenHash']);
    expect(session).toContain(`'expires_at', s."expires_at"`);
    expect(session).not.toContain('token_hash');
  });

  it('reads timestamps as Dates, keeps arrays and nulls, and a bigint as the driver would (a string)', () => {
    const stage = hydrate(dataSource.manager, ApplicationStageEntity, stageJson());
    expect(stage).toBeInstanceOf(ApplicationStageEntity);
    expect(stage.startsAt).toEqual(new Date('2026-12-07T10:00:00.123Z'));
    expect(stage.interviewers).toEqual(['Alex Morgan', 'Sam, the "lead"']);
    expect(stage.heldAt).toBeNull();

    const event = hydrate(dataSource.manager, TimelineEventEntity, eventJson());
    expect(event.id).toBe('9007199254740');
    expect(event.at).toEqual(new Date('2026-12-05T00:30:00.123Z'));
  });

  it('fails when a column the entity maps was not read, instead of leaving it undefined', () => {
    const { state: _state, ...withoutState } = stageJson();
    expect(() => hydrate(dataSource.manager, ApplicationStageEntity, withoutState)).toThrow(
      'application_stages.state not read',
    );
  });

  function stageJson(): Record<string, unknown> {
    const read: Record<string, unknown> = {};
    for (const column of dataSource.getMetadata(ApplicationStageEntity).columns) read[column.databaseName] = null;
    return {
      ...read,
      id: '00000000-0000-4000-8000-000000000001',
      state: 'scheduled',
      // As PostgreSQL writes a timestamptz in JSON: microseconds and an offset.
      starts_at: '2026-12-07T11:00:00.123456+01:00',
      interviewers: ['Alex Morgan', 'Sam, the "lead"'],
      calendar_sequence: 2,
    };
  }

  function eventJson(): Record<string, unknown> {
    const read: Record<string, unknown> = {};
    for (const column of dataSource.getMetadata(TimelineEventEntity).columns) read[column.databaseName] = null;
    return { ...read, id: 9007199254740, at: '2026-12-05T00:30:00.123456+00:00', candidate_visible: true };
  }
});
