import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agency mail digests (issue 9, item 6; ADR 0014). Each agency person says how they want to hear
 * about their work (`users.agency_mail`). A reminder to someone who chose hourly or daily is
 * written `held` with the time its digest is due; the dispatcher gathers a person's due items into
 * one `agency_digest` row in one transaction and marks them `digested`, linked to it. The digest
 * row then leaves like any other email (order per recipient, retries, giving up). Held rows are not
 * `pending`, so the claim query and its indexes never see them.
 */
export class AddAgencyMailDigests1795801200000 implements MigrationInterface {
  name = 'AddAgencyMailDigests1795801200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN agency_mail text NOT NULL DEFAULT 'hourly',
        ADD CONSTRAINT users_agency_mail_known CHECK (agency_mail IN ('immediate', 'hourly', 'daily'));

      ALTER TABLE notifications
        ADD COLUMN digest_due_at timestamptz,
        ADD COLUMN digest_id uuid,
        ADD CONSTRAINT notifications_digest_fk FOREIGN KEY (digest_id) REFERENCES notifications (id),
        DROP CONSTRAINT notifications_kind_known,
        ADD CONSTRAINT notifications_kind_known CHECK (kind IN (
          'candidate_update', 'feedback_reminder', 'escalation', 'email_verification', 'account_security', 'work_assigned',
          'agency_digest')),
        DROP CONSTRAINT notifications_status_known,
        ADD CONSTRAINT notifications_status_known CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'held', 'digested')),
        ADD CONSTRAINT notifications_held_has_due_time CHECK (status <> 'held' OR (digest_due_at IS NOT NULL AND recipient_id IS NOT NULL)),
        ADD CONSTRAINT notifications_digested_has_digest CHECK ((status = 'digested') = (digest_id IS NOT NULL)),
        ADD CONSTRAINT notifications_digest_not_in_digest CHECK (kind <> 'agency_digest' OR digest_due_at IS NULL);

      CREATE INDEX notifications_held_due_idx ON notifications (digest_due_at) WHERE status = 'held';
      CREATE INDEX notifications_held_by_recipient_idx ON notifications (recipient_id, sequence) WHERE status = 'held';
      CREATE INDEX notifications_digest_items_idx ON notifications (digest_id, sequence) WHERE digest_id IS NOT NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX notifications_digest_items_idx;
      DROP INDEX notifications_held_by_recipient_idx;
      DROP INDEX notifications_held_due_idx;

      -- Nothing held is lost: held items, and items of a digest not yet sent, are sent one by one;
      -- items of a sent digest count as sent when it was.
      UPDATE notifications n SET status = 'sent', sent_at = d.sent_at, digest_id = NULL
        FROM notifications d WHERE n.digest_id = d.id AND d.status = 'sent';
      UPDATE notifications SET status = 'pending', digest_id = NULL, next_attempt_at = now()
       WHERE status IN ('held', 'digested');
      DELETE FROM notifications WHERE kind = 'agency_digest';

      ALTER TABLE notifications
        DROP CONSTRAINT notifications_digest_not_in_digest,
        DROP CONSTRAINT notifications_digested_has_digest,
        DROP CONSTRAINT notifications_held_has_due_time,
        DROP CONSTRAINT notifications_status_known,
        ADD CONSTRAINT notifications_status_known CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
        DROP CONSTRAINT notifications_kind_known,
        ADD CONSTRAINT notifications_kind_known CHECK (kind IN (
          'candidate_update', 'feedback_reminder', 'escalation', 'email_verification', 'account_security', 'work_assigned')),
        DROP CONSTRAINT notifications_digest_fk,
        DROP COLUMN digest_id,
        DROP COLUMN digest_due_at;

      ALTER TABLE users DROP COLUMN agency_mail;
    `);
  }
}
