import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Migration 1795956100000 blanked the keys of mail already sent; mail the sender gave up on keeps
 * them too (a survey answer's key works for 30 days), and the sender now blanks those when it gives up.
 * This does the same for the messages given up on before. The pattern is written out, as it was
 * when this ran (notifications/keyed-links.ts). Not undone: the keys are gone, by design.
 */
export class BlankKeysInGivenUpMail1795956200000 implements MigrationInterface {
  name = 'BlankKeysInGivenUpMail1795956200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE notifications
          SET body = regexp_replace(body, $1, '\\1(link not sent)', 'g')
        WHERE given_up_reason IS NOT NULL AND body ~ $1`,
      ['(/client-review#|/how-did-we-do#t=|/verify-email\\?token=|/reset-password\\?token=)[A-Za-z0-9_%.~-]+'],
    );
  }

  async down(): Promise<void> {
    // Nothing to restore.
  }
}
