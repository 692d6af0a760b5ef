import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The candidate's rights over their data (issue 10, item 6; ADR 0019): export, erasure, retention.
 *
 * - `users.erased_at`: the account is an anonymous tombstone kept so the agency's statistics keep
 *   their foreign keys; `last_signed_in_at` and `retention_notice_at` drive the retention of whole
 *   accounts.
 * - `applications.closed_at` is set by a trigger the moment an application leaves the open
 *   statuses, whichever code path closes it; `personal_data_erased_at` and `retention_notice_at`
 *   make the retention sweep idempotent.
 * - `agency_settings`: one row (its key is `true`), the retention period in months.
 * - Feedback and the audit trail stay immutable, except that an erasure (a transaction that set
 *   `heardback.erasing`) may blank the words in them and nothing else.
 * - Two indexes let an erasure and an export find a person's mail without reading the outbox.
 */
export class AddDataRights1795812000000 implements MigrationInterface {
  name = 'AddDataRights1795812000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN erased_at timestamptz,
        ADD COLUMN last_signed_in_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN retention_notice_at timestamptz,
        ADD CONSTRAINT users_erased_is_disabled CHECK (erased_at IS NULL OR disabled_at IS NOT NULL);
      UPDATE users SET last_signed_in_at = created_at;
      CREATE INDEX users_candidate_last_signed_in_idx ON users (last_signed_in_at)
        WHERE role = 'candidate' AND erased_at IS NULL;

      ALTER TABLE applications
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN personal_data_erased_at timestamptz,
        ADD COLUMN retention_notice_at timestamptz;
      -- Applications closed before this migration: their last change is when they closed.
      UPDATE applications SET closed_at = updated_at
       WHERE status NOT IN ('applied', 'screening', 'interviewing', 'offer');
      ALTER TABLE applications
        ADD CONSTRAINT applications_closed_when_not_open CHECK (
          (closed_at IS NULL) = (status IN ('applied', 'screening', 'interviewing', 'offer'))),
        ADD CONSTRAINT applications_erased_when_closed CHECK (personal_data_erased_at IS NULL OR closed_at IS NOT NULL);

      CREATE FUNCTION applications_record_closing() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IN ('applied', 'screening', 'interviewing', 'offer') THEN
          NEW.closed_at := NULL;
        ELSIF NEW.closed_at IS NULL THEN
          NEW.closed_at := now();
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER applications_closed_at BEFORE INSERT OR UPDATE OF status ON applications
        FOR EACH ROW EXECUTE FUNCTION applications_record_closing();
      CREATE INDEX applications_retention_idx ON applications (closed_at)
        WHERE personal_data_erased_at IS NULL AND closed_at IS NOT NULL;

      CREATE TABLE agency_settings (
        id boolean PRIMARY KEY DEFAULT true,
        retention_months integer NOT NULL DEFAULT 12,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        CONSTRAINT agency_settings_single_row CHECK (id),
        CONSTRAINT agency_settings_retention_months_range CHECK (retention_months BETWEEN 1 AND 120),
        CONSTRAINT agency_settings_updated_by_fk FOREIGN KEY (updated_by) REFERENCES users (id)
      );
      INSERT INTO agency_settings (id) VALUES (true);

      ALTER TABLE notifications
        DROP CONSTRAINT notifications_kind_known,
        ADD CONSTRAINT notifications_kind_known CHECK (kind IN (
          'candidate_update', 'feedback_reminder', 'escalation', 'email_verification', 'account_security', 'work_assigned',
          'agency_digest', 'candidate_left', 'retention_notice'));
      CREATE INDEX notifications_recipient_idx ON notifications (recipient_id, sequence) WHERE recipient_id IS NOT NULL;
      CREATE INDEX notifications_application_idx ON notifications (application_id) WHERE application_id IS NOT NULL;

      -- Erasure blanks the words in feedback; decision, rating, who, when and the version chain stay.
      CREATE OR REPLACE FUNCTION feedback_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND current_setting('heardback.erasing', true) = 'on'
           AND (NEW.id, NEW.stage_id, NEW.application_id, NEW.decision, NEW.rating, NEW.given_by, NEW.recorded_by,
                NEW.recorded_at, NEW.supersedes_id, NEW.version, NEW.hold_until)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.stage_id, OLD.application_id, OLD.decision, OLD.rating, OLD.given_by, OLD.recorded_by,
                OLD.recorded_at, OLD.supersedes_id, OLD.version, OLD.hold_until) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'feedback is immutable: record a new version that supersedes it'
          USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'feedback_immutable';
      END $$;

      -- Erasure removes a person's data from the recorded changes; who did what, to which record, when, stays.
      CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND current_setting('heardback.erasing', true) = 'on'
           AND (NEW.id, NEW.occurred_at, NEW.actor_id, NEW.actor_role, NEW.action, NEW.entity_type, NEW.entity_id,
                NEW.request_id)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.occurred_at, OLD.actor_id, OLD.actor_role, OLD.action, OLD.entity_type, OLD.entity_id,
                OLD.request_id) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'the audit trail is append-only: rows are never changed or removed'
          USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'audit_events_append_only';
      END $$;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit trail is append-only: rows are never changed or removed'
          USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'audit_events_append_only';
      END $$;
      CREATE OR REPLACE FUNCTION feedback_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'feedback is immutable: record a new version that supersedes it'
          USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'feedback_immutable';
      END $$;

      DROP INDEX notifications_application_idx;
      DROP INDEX notifications_recipient_idx;
      DELETE FROM notifications WHERE kind IN ('candidate_left', 'retention_notice');
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_kind_known,
        ADD CONSTRAINT notifications_kind_known CHECK (kind IN (
          'candidate_update', 'feedback_reminder', 'escalation', 'email_verification', 'account_security', 'work_assigned',
          'agency_digest'));

      DROP TABLE agency_settings;

      DROP INDEX applications_retention_idx;
      DROP TRIGGER applications_closed_at ON applications;
      DROP FUNCTION applications_record_closing();
      ALTER TABLE applications
        DROP CONSTRAINT applications_erased_when_closed,
        DROP CONSTRAINT applications_closed_when_not_open,
        DROP COLUMN retention_notice_at,
        DROP COLUMN personal_data_erased_at,
        DROP COLUMN closed_at;

      DROP INDEX users_candidate_last_signed_in_idx;
      ALTER TABLE users
        DROP CONSTRAINT users_erased_is_disabled,
        DROP COLUMN retention_notice_at,
        DROP COLUMN last_signed_in_at,
        DROP COLUMN erased_at;
    `);
  }
}
