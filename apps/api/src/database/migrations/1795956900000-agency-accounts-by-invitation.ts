import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff no longer choose a recruiter's or staff member's password: they invite them (ADR 0082). The invited
 * person is emailed a link (an `accept_invitation` token) where they choose their own password, which also
 * proves the address. `users.invited_at` is when the last invitation went; with `email_verified_at` still
 * null, the invitation is pending. Accounts made before keep the password staff gave them (null here).
 */
export class AgencyAccountsByInvitation1795956900000 implements MigrationInterface {
  name = 'AgencyAccountsByInvitation1795956900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE account_tokens DROP CONSTRAINT account_tokens_purpose_known`);
    await queryRunner.query(
      `ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_purpose_known
         CHECK (purpose IN ('verify_email', 'reset_password', 'accept_invitation'))`,
    );
    await queryRunner.query(`ALTER TABLE users ADD COLUMN invited_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP COLUMN invited_at`);
    await queryRunner.query(`DELETE FROM account_tokens WHERE purpose = 'accept_invitation'`);
    await queryRunner.query(`ALTER TABLE account_tokens DROP CONSTRAINT account_tokens_purpose_known`);
    await queryRunner.query(
      `ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_purpose_known
         CHECK (purpose IN ('verify_email', 'reset_password'))`,
    );
  }
}
