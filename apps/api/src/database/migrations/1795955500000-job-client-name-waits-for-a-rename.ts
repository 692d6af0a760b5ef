import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A job's copy of its client's name (the board and the job page read it, ADR 0027 and 0053) could miss
 * a rename made while the job was being written: the job read the old name, the rename's update of
 * the client's jobs did not see the uncommitted job, and both committed. Reading the client FOR SHARE
 * orders the two: a rename in progress is waited for and its name read; a rename that comes after
 * waits for the job, and then finds it. The API renames one client per request; a hand-written
 * statement that renames several clients at once can now deadlock with a job being moved between two
 * of them (PostgreSQL then cancels one of the two, which is retried), so rename one client at a time.
 */
export class JobClientNameWaitsForARename1795955500000 implements MigrationInterface {
  name = 'JobClientNameWaitsForARename1795955500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION jobs_copy_client_name() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.client_name := coalesce((SELECT name FROM clients WHERE id = NEW.client_id FOR SHARE), '');
        RETURN NEW;
      END $$;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION jobs_copy_client_name() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.client_name := coalesce((SELECT name FROM clients WHERE id = NEW.client_id), '');
        RETURN NEW;
      END $$;
    `);
  }
}
