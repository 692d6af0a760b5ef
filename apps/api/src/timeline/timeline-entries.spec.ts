import { IndexTimelineChases1795955800000 } from '../database/migrations/1795955800000-index-timeline-chases';
import { CHASING_EVENT_TYPES_SQL } from './timeline-entries';

describe('chasing events', () => {
  it('are the events the partial index holds, so every view reads them through it', async () => {
    const statements: string[] = [];
    const runner = { query: async (sql: string) => void statements.push(sql) };
    await new IndexTimelineChases1795955800000().up(runner as never);
    // The view's condition must be the index's predicate, word for word, for the planner to use it.
    expect(statements.join('\n').replace(/\s+/g, ' ')).toContain(
      `WHERE type IN (${CHASING_EVENT_TYPES_SQL}) AND stage_id IS NOT NULL`,
    );
  });
});
