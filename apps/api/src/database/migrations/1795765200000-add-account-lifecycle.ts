import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rule 8 (only the right people get in): verified addresses, disabled accounts, single-use
 * emailed tokens (verification, password reset), and sessions that end when idle.
 * Existing accounts and ones inserted directly (staff-made, demo) count as verified; only
 * self-registration inserts an unverified address.
 */
export class AddAccountLifecycle1795765200000 implements MigrationInterface {
  name = 'AddAccountLifecycle1795765200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN email_verified_at timestamptz DEFAULT now(),
        ADD COLUMN disabled_at timestamptz;
      UPDATE users SET email_verified_at = created_at;

      ALTER TABLE sessions
        ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN user_agent text;
      UPDATE sessions SET last_seen_at = created_at;
      CREATE INDEX sessions_expires_idx ON sessions (expires_at);

      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        purpose text NOT NULL,
        token_hash bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT account_tokens_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT account_tokens_purpose_known CHECK (purpose IN ('verify_email', 'reset_password')),
        CONSTRAINT account_tokens_expiry_after_creation CHECK (expires_at > created_at)
      );
      CREATE UNIQUE INDEX account_tokens_token_hash_unique ON account_tokens (token_hash);
      CREATE INDEX account_tokens_user_purpose_idx ON account_tokens (user_id, purpose, created_at DESC);

      ALTER TABLE notifications DROP CONSTRAINT notifications_kind_known;
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_known
        CHECK (kind IN ('candidate_update', 'feedback_reminder', 'escalation', 'email_verification', 'account_security'));
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DELETE FROM notifications WHERE kind IN ('email_verification', 'account_security');
      ALTER TABLE notifications DROP CONSTRAINT notifications_kind_known;
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_known
        CHECK (kind IN ('candidate_update', 'feedback_reminder', 'escalation'));
      DROP TABLE account_tokens;
      DROP INDEX sessions_expires_idx;
      ALTER TABLE sessions DROP COLUMN user_agent, DROP COLUMN last_seen_at;
      ALTER TABLE users DROP COLUMN disabled_at, DROP COLUMN email_verified_at;
    `);
  }
}
