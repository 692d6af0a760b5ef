import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotent commands (issue 11, item 4; ADR 0022): the `Idempotency-Key` a client sent with a command,
 * written in the command's own transaction. The primary key (user, key) is the guard against two
 * concurrent retries: the second insert waits for the first transaction and then finds its row.
 * `route` and `request_hash` (SHA-256 of the route's parameters and body) tell a retry from a
 * different request under the same key. The background purge deletes rows older than a day.
 */
export class CreateIdempotencyKeys1795826400000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1795826400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        key text NOT NULL,
        route text NOT NULL,
        request_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT idempotency_keys_pkey PRIMARY KEY (user_id, key),
        CONSTRAINT idempotency_keys_key_length CHECK (char_length(key) BETWEEN 1 AND 100)
      );
      CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_keys;`);
  }
}
