import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Interview emails carry a calendar invite (issue 9, item 6). The outbox keeps the invite with
 * the message it belongs to, so a resend sends the same invite; each stage counts its calendar
 * revisions, so a reschedule or a cancellation replaces the event in the candidate's calendar
 * (RFC 5546: same UID, higher SEQUENCE) instead of adding a second one.
 */
export class AddInterviewInvites1795783200000 implements MigrationInterface {
  name = 'AddInterviewInvites1795783200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE notifications
        ADD COLUMN calendar_method text,
        ADD COLUMN calendar_content text,
        ADD CONSTRAINT notifications_calendar_method_known CHECK (calendar_method IN ('REQUEST', 'CANCEL')),
        ADD CONSTRAINT notifications_calendar_complete CHECK ((calendar_method IS NULL) = (calendar_content IS NULL));
      ALTER TABLE application_stages
        ADD COLUMN calendar_sequence integer NOT NULL DEFAULT 0,
        ADD CONSTRAINT application_stages_calendar_sequence_not_negative CHECK (calendar_sequence >= 0);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE application_stages DROP COLUMN calendar_sequence;
      ALTER TABLE notifications DROP COLUMN calendar_content, DROP COLUMN calendar_method;
    `);
  }
}
