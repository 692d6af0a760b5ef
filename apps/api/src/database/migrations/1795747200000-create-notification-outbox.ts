import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rule 6 (nothing is lost): notifications are written in the same transaction as the change
 * they report, then sent by a worker at least once. Rule 2: each deadline alert fires once,
 * guarded by a primary key, however many workers sweep at the same moment.
 */
export class CreateNotificationOutbox1795747200000 implements MigrationInterface {
  name = 'CreateNotificationOutbox1795747200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key text NOT NULL,
        kind text NOT NULL,
        recipient_id uuid REFERENCES users (id),
        recipient_email text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        application_id uuid REFERENCES applications (id),
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        last_error text,
        given_up_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT notifications_idempotency_key_unique UNIQUE (idempotency_key),
        CONSTRAINT notifications_kind_known CHECK (kind IN ('candidate_update', 'feedback_reminder', 'escalation')),
        CONSTRAINT notifications_status_known CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
        CONSTRAINT notifications_sent_has_time CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
        CONSTRAINT notifications_failed_has_reason CHECK (status <> 'failed' OR given_up_reason IS NOT NULL)
      );
      CREATE INDEX notifications_due_idx ON notifications (next_attempt_at) WHERE status IN ('pending', 'sending');
      CREATE INDEX notifications_created_idx ON notifications (created_at DESC);

      CREATE TABLE deadline_alerts (
        stage_id uuid NOT NULL REFERENCES application_stages (id),
        kind text NOT NULL,
        due_at timestamptz NOT NULL,
        fired_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (stage_id, kind, due_at),
        CONSTRAINT deadline_alerts_kind_known CHECK (kind IN ('reminder_before_due', 'reminder_at_due', 'escalation'))
      );
      CREATE INDEX deadline_alerts_escalations_idx ON deadline_alerts (fired_at DESC) WHERE kind = 'escalation';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE deadline_alerts; DROP TABLE notifications;`);
  }
}
