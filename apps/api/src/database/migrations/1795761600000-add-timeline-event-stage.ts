import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A timeline event says which stage it concerns, so readers match on data, not on its words.
 * Existing "answer is late" events are linked by the sentence they were written with, once.
 */
export class AddTimelineEventStage1795761600000 implements MigrationInterface {
  name = 'AddTimelineEventStage1795761600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE timeline_events
        ADD COLUMN stage_id uuid CONSTRAINT timeline_events_stage_fk REFERENCES application_stages (id);
      UPDATE timeline_events t SET stage_id = s.id
        FROM application_stages s
       WHERE s.application_id = t.application_id AND t.type = 'feedback_late'
         AND starts_with(t.text, 'Our answer about your ' || s.name || ' is late:');
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE timeline_events DROP COLUMN stage_id`);
  }
}
