import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registering makes no account and signs no one in (ADR 0067): it keeps what the person typed here,
 * with the hash of the token emailed to the address, until the link is followed. Only then is the
 * account made, verified, with that registration's password, and the browser that followed it signed in.
 * So no answer tells anyone whether an address has an account, and no one can take an address they
 * cannot read.
 *
 * `email` is not unique: two registrations of the same new address (the owner and someone else, or
 * the owner twice) each get their own link, and the first followed makes the account and deletes them
 * all. A link never followed is deleted by the account purge once it runs out.
 */
export class RegistrationsWaitForTheirLink1795956600000 implements MigrationInterface {
  name = 'RegistrationsWaitForTheirLink1795956600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE registrations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        full_name text NOT NULL,
        time_zone text,
        password_hash text NOT NULL,
        return_to text,
        token_hash bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        CONSTRAINT registrations_email_lowercase CHECK (email = lower(email)),
        CONSTRAINT registrations_return_to_path CHECK (return_to IS NULL OR (return_to LIKE '/%' AND length(return_to) <= 300)),
        CONSTRAINT registrations_expiry_after_creation CHECK (expires_at > created_at)
      );
      CREATE UNIQUE INDEX registrations_token_hash_unique ON registrations (token_hash);
      CREATE INDEX registrations_email_idx ON registrations (email);
      CREATE INDEX registrations_expires_idx ON registrations (expires_at);

      -- The emails with links to finish registering, sent before there was an account to name: confirming
      -- gives them to the new account, so its data export lists them and its erasure deletes them.
      CREATE INDEX notifications_unclaimed_links_idx ON notifications (recipient_email)
        WHERE recipient_id IS NULL AND kind = 'email_verification';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX notifications_unclaimed_links_idx; DROP TABLE registrations`);
  }
}
