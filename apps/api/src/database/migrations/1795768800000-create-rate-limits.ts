import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rule 8 (accounts are throttled): the counters of every rate limit, shared by all API instances.
 * The shape is the one rate-limiter-flexible's RateLimiterPostgres reads and upserts, in this column
 * order (it inserts by position): `key` is `<limit name>:<SHA-256 of the subject>`, `points` the
 * count in the window, `expire` the window's end in epoch milliseconds. The app never creates it
 * (tableCreated: true); the background purge deletes rows an hour past their window.
 */
export class CreateRateLimits1795768800000 implements MigrationInterface {
  name = 'CreateRateLimits1795768800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rate_limits (
        key varchar(255) NOT NULL,
        points integer NOT NULL DEFAULT 0,
        expire bigint,
        CONSTRAINT rate_limits_pkey PRIMARY KEY (key)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE rate_limits;`);
  }
}
