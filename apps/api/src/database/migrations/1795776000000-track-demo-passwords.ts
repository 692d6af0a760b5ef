import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Demo mode is visible while any demo login still works (issue 8, item 8). The demo loader marks
 * the accounts it makes; the database forgets the mark the moment a password changes, whichever
 * path changes it (change, reset, or a direct update), so the banner goes when the last known
 * password does.
 */
export class TrackDemoPasswords1795776000000 implements MigrationInterface {
  name = 'TrackDemoPasswords1795776000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users ADD COLUMN has_demo_password boolean NOT NULL DEFAULT false;
      CREATE INDEX users_has_demo_password_idx ON users (id) WHERE has_demo_password;

      CREATE FUNCTION users_forget_demo_password() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.password_hash IS DISTINCT FROM OLD.password_hash THEN
          NEW.has_demo_password := false;
        END IF;
        RETURN NEW;
      END;
      $$;
      CREATE TRIGGER users_forget_demo_password
        BEFORE UPDATE OF password_hash ON users
        FOR EACH ROW EXECUTE FUNCTION users_forget_demo_password();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER users_forget_demo_password ON users;
      DROP FUNCTION users_forget_demo_password();
      DROP INDEX users_has_demo_password_idx;
      ALTER TABLE users DROP COLUMN has_demo_password;
    `);
  }
}
