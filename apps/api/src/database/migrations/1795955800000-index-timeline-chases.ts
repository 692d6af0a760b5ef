import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether the agency has chased a stage's late answer (`StageView.chased`) is a fact of an
 * application's whole timeline, while its view carries only the newest page of it. This partial
 * index holds only the chasing events (`CHASING_EVENT_TYPES` in timeline-entries.ts, written out here
 * as a migration must), so every view reads them without reading the rest of a long history.
 */
export class IndexTimelineChases1795955800000 implements MigrationInterface {
  name = 'IndexTimelineChases1795955800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX timeline_events_chases_idx ON timeline_events (application_id, stage_id)
        WHERE type IN ('feedback_late', 'promise_updated') AND stage_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX timeline_events_chases_idx`);
  }
}
