import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Background work that cannot stall silently (issue 11, ADR 0024): each queue of the job queue
 * writes here when a job of it succeeds or fails, in the database's time, so `/api/health` on any
 * instance can say when the deadline sweep last succeeded, and how many runs in a row have failed.
 */
export class CreateBackgroundHeartbeats1795830000000 implements MigrationInterface {
  name = 'CreateBackgroundHeartbeats1795830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE background_heartbeats (
        queue text PRIMARY KEY,
        last_success_at timestamptz,
        last_failure_at timestamptz,
        failures_in_a_row integer NOT NULL DEFAULT 0 CONSTRAINT background_heartbeats_failures_counted
          CHECK (failures_in_a_row >= 0)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE background_heartbeats`);
  }
}
