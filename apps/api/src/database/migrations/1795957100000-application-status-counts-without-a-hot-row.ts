import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Who is waiting"'s total reads application_status_counts (migration 1795948600000), which every
 * writer of an application upserted in its own transaction, in eight shards by application id,
 * holding the (status, shard) row's lock until it committed: candidates applying at the same moment
 * (every new application is one more 'applied') queued on those rows for the rest of each other's
 * transaction. As for the feedback queue's count (migration 1795957000000, ADR 0084): writers now
 * append their change per status to application_status_changes, which no writer updates, and
 * `fold_application_status_changes()` (run every minute with the other, background/kept-counts-fold.ts)
 * moves them into the counts, one row per status; the total reads both in one snapshot.
 *
 * count_shard() is dropped with the last count that used it.
 */
export class ApplicationStatusCountsWithoutAHotRow1795957100000 implements MigrationInterface {
  name = 'ApplicationStatusCountsWithoutAHotRow1795957100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      -- No writer may change an application while the counts are rebuilt from the applications themselves.
      LOCK TABLE applications IN SHARE MODE;

      DROP TABLE application_status_counts;
      CREATE TABLE application_status_counts (
        status text PRIMARY KEY,
        -- No CHECK (applications >= 0): an upsert's proposed row, a negative change, is checked before its conflict.
        applications bigint NOT NULL
      );
      COMMENT ON TABLE application_status_counts IS
        'How many applications have each status, as of the last fold of application_status_changes ("who is waiting"''s total).';
      INSERT INTO application_status_counts (status, applications)
      SELECT status, count(*) FROM applications GROUP BY status;

      -- Small by design (folded every minute) and read whole: no index to keep on every insert.
      -- As feedback_waiting_changes: no key, so a full replica identity and no truncating vacuum.
      CREATE TABLE application_status_changes (
        status text NOT NULL,
        applications integer NOT NULL CHECK (applications <> 0)
      ) WITH (vacuum_truncate = off);
      ALTER TABLE application_status_changes REPLICA IDENTITY FULL;
      COMMENT ON TABLE application_status_changes IS
        'Changes to application_status_counts not yet folded into it, appended by the triggers on applications.';

      CREATE OR REPLACE FUNCTION application_status_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO application_status_changes (status, applications)
            SELECT status, count(*) FROM new_applications GROUP BY status;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO application_status_changes (status, applications)
            SELECT status, -count(*) FROM old_applications GROUP BY status;
          ELSE
            INSERT INTO application_status_changes (status, applications)
            SELECT status, sum(delta) FROM (
                SELECT status, 1 AS delta FROM new_applications
                UNION ALL
                SELECT status, -1 FROM old_applications) d
             GROUP BY status HAVING sum(delta) <> 0;
          END IF;
          RETURN NULL;
        END $$;

      CREATE OR REPLACE FUNCTION application_status_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM application_status_changes;
          DELETE FROM application_status_counts;
          RETURN NULL;
        END $$;

      -- As fold_feedback_waiting_changes (migration 1795957000000). A status at zero keeps its row.
      CREATE FUNCTION fold_application_status_changes(batch integer) RETURNS integer LANGUAGE plpgsql AS $$
        DECLARE
          moved integer;
        BEGIN
          WITH taken AS (
                 DELETE FROM application_status_changes
                  WHERE ctid = ANY (ARRAY(SELECT ctid FROM application_status_changes LIMIT batch))
                 RETURNING status, applications),
               summed AS (SELECT status, sum(applications) AS applications, count(*) AS changes FROM taken GROUP BY status),
               counted AS (
                 INSERT INTO application_status_counts AS c (status, applications)
                 SELECT status, applications FROM summed WHERE applications <> 0 ORDER BY status
                 ON CONFLICT (status) DO UPDATE SET applications = c.applications + EXCLUDED.applications)
          SELECT coalesce(sum(changes), 0) FROM summed INTO moved;
          RETURN moved;
        END $$;

      DROP FUNCTION count_shard(uuid);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      LOCK TABLE applications IN SHARE MODE;
      CREATE FUNCTION count_shard(id uuid) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT (get_byte(uuid_send(id), 15) % 8)::smallint
      $$;
      DROP FUNCTION fold_application_status_changes(integer);
      DROP TABLE application_status_changes;
      DROP TABLE application_status_counts;
      CREATE TABLE application_status_counts (
        status text NOT NULL,
        shard smallint NOT NULL CHECK (shard BETWEEN 0 AND 7),
        -- No CHECK (applications >= 0): ON CONFLICT checks the proposed row, a -1, before it adds it.
        applications bigint NOT NULL,
        PRIMARY KEY (status, shard)
      );
      COMMENT ON TABLE application_status_counts IS
        'How many applications have each status, in eight shards by id (count_shard), kept by triggers on applications in the writer''s transaction ("who is waiting"''s total).';
      INSERT INTO application_status_counts (status, shard, applications)
      SELECT status, count_shard(id), count(*) FROM applications GROUP BY 1, 2;
      CREATE OR REPLACE FUNCTION application_status_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO application_status_counts AS c (status, shard, applications)
            SELECT status, count_shard(id), count(*) FROM new_applications GROUP BY 1, 2 ORDER BY 1, 2
            ON CONFLICT (status, shard) DO UPDATE SET applications = c.applications + EXCLUDED.applications;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO application_status_counts AS c (status, shard, applications)
            SELECT status, count_shard(id), -count(*) FROM old_applications GROUP BY 1, 2 ORDER BY 1, 2
            ON CONFLICT (status, shard) DO UPDATE SET applications = c.applications + EXCLUDED.applications;
          ELSE
            INSERT INTO application_status_counts AS c (status, shard, applications)
            SELECT status, shard, sum(delta) FROM (
                SELECT status, count_shard(id) AS shard, 1 AS delta FROM new_applications
                UNION ALL
                SELECT status, count_shard(id), -1 FROM old_applications) d
             GROUP BY 1, 2 HAVING sum(delta) <> 0 ORDER BY 1, 2
            ON CONFLICT (status, shard) DO UPDATE SET applications = c.applications + EXCLUDED.applications;
          END IF;
          RETURN NULL;
        END $$;
      CREATE OR REPLACE FUNCTION application_status_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM application_status_counts;
          RETURN NULL;
        END $$;
    `);
  }
}
