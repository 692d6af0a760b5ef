import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An interview invite is kept as the facts it is written from and written when it is sent (ADR 0064):
 * writing it cost a recruiter's reschedule a tenth of its API time. `calendar_content` stays for the
 * invites already written; a row holds one or the other, and a method with either.
 */
export class CalendarInvitesWrittenWhenSent1795956300000 implements MigrationInterface {
  name = 'CalendarInvitesWrittenWhenSent1795956300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notifications ADD COLUMN calendar_invite jsonb`);
    await queryRunner.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_calendar_complete`);
    await queryRunner.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_calendar_complete
         CHECK ((calendar_method IS NULL) = (calendar_content IS NULL AND calendar_invite IS NULL)
                AND (calendar_content IS NULL OR calendar_invite IS NULL)
                AND (calendar_invite IS NULL OR jsonb_typeof(calendar_invite) = 'object'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Invites not yet sent lose their calendar part: there is no content to keep for them.
    await queryRunner.query(
      `UPDATE notifications SET calendar_method = NULL, calendar_invite = NULL WHERE calendar_invite IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_calendar_complete`);
    await queryRunner.query(`ALTER TABLE notifications DROP COLUMN calendar_invite`);
    await queryRunner.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_calendar_complete
         CHECK ((calendar_method IS NULL) = (calendar_content IS NULL))`,
    );
  }
}
