import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Until now the sender blanked only client review links once a message was sent. Emails already sent
 * still hold the keys of one-click survey answers (`/how-did-we-do#t=`), address confirmations and
 * password resets, which let whoever reads the outbox read and change a candidate's anonymous answer or
 * take over an account. This blanks them as the sender now does (notifications/keyed-links.ts); the
 * pattern is written out, as it was when this ran. Not undone: the keys are gone, by design.
 */
export class BlankKeysInSentMail1795956100000 implements MigrationInterface {
  name = 'BlankKeysInSentMail1795956100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE notifications
          SET body = regexp_replace(body, $1, '\\1(link sent)', 'g')
        WHERE status = 'sent' AND body ~ $1`,
      ['(/client-review#|/how-did-we-do#t=|/verify-email\\?token=|/reset-password\\?token=)[A-Za-z0-9_%.~-]+'],
    );
  }

  async down(): Promise<void> {
    // Nothing to restore.
  }
}
