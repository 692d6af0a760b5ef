import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What happened first arrives first (issue 9, item 6). Rows written in one transaction share
 * `created_at` (`now()` is the transaction's start), so the outbox gets a strictly increasing
 * `sequence`; the dispatcher sends a message only when nothing earlier to the same address is
 * still waiting, and the partial index answers that question without touching sent mail.
 */
export class OrderMailPerRecipient1795779600000 implements MigrationInterface {
  name = 'OrderMailPerRecipient1795779600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE notifications ADD COLUMN sequence bigint GENERATED ALWAYS AS IDENTITY;
      CREATE INDEX notifications_unsent_by_recipient_idx ON notifications (recipient_email, sequence)
        WHERE status IN ('pending', 'sending');
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX notifications_unsent_by_recipient_idx;
      ALTER TABLE notifications DROP COLUMN sequence;
    `);
  }
}
