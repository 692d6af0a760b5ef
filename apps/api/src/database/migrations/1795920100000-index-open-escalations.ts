import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12, "rules that scale" (ADR 0041): the deadline sweep's second escalation reads the open
 * escalations from the stage, oldest first. `feedback_escalated_at` (ADR 0037) is set only while the
 * stage owes feedback on an open application and the escalation for its current due time fired, so
 * this index holds exactly the escalation list (open work), never the escalations answered or closed.
 */
export class IndexOpenEscalations1795920100000 implements MigrationInterface {
  name = 'IndexOpenEscalations1795920100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX application_stages_escalated_at_idx ON application_stages (feedback_escalated_at)
        INCLUDE (feedback_due_at, owner_id)
        WHERE feedback_escalated_at IS NOT NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX application_stages_escalated_at_idx;`);
  }
}
