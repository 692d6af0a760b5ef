import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox's claim (notification-dispatcher.service.ts) holds back mail to anyone who has not verified
 * their address: `NOT EXISTS (users u WHERE u.id = recipient AND u.email_verified_at IS NULL)`. PostgreSQL
 * plans it as a hashed subplan of every unverified user, built on each claim that finds mail due, and
 * with no index for "unverified" it built that set by reading the whole users table: a sequential
 * scan of 80,000 users (61 ms) at 100k, and of 800,000 at a million, on every pass of the sender that
 * has mail to send (found by docs/explain-at-scale.md). This index holds the unverified users only, so
 * the set is read from an index as small as they are few; verifying an address takes its entry out.
 */
export class IndexUnverifiedUsers1795956100000 implements MigrationInterface {
  name = 'IndexUnverifiedUsers1795956100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX users_unverified_idx ON users (id) WHERE email_verified_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX users_unverified_idx`);
  }
}
