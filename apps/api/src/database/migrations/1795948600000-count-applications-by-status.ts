import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Who is waiting" gives the true number of open applications on every page (issue 12), and counted
 * them from applications_open_last_heard_idx: every open application read on every request (33,676
 * index entries, 559 buffers, 40–56 ms at 100k; ten times that at 1M). `application_status_counts`
 * keeps how many applications have each status, written in the writer's transaction by
 * statement-level triggers (the pattern of job_status_counts, migration 1795934400000), and the total
 * sums the open statuses' rows.
 *
 * Unlike jobs, applications are written all the time (every candidate applying adds one 'applied'),
 * and a counter row stays locked by its writer until commit: one row per status would queue every
 * apply behind the last. Each status has up to eight rows instead, the `shard` taken from the
 * application's id (its last byte), so concurrent writers of different applications mostly take
 * different rows, and each row counts a fixed subset of the applications (so it can be checked row
 * by row). A statement upserts the rows it touches in key order, so two writers
 * take them in the same order.
 */
export class CountApplicationsByStatus1795948600000 implements MigrationInterface {
  name = 'CountApplicationsByStatus1795948600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE application_status_counts (
        status text NOT NULL,
        shard smallint NOT NULL CHECK (shard BETWEEN 0 AND 7),
        -- No CHECK (applications >= 0): ON CONFLICT checks the proposed row, a -1, before it adds it.
        applications bigint NOT NULL,
        PRIMARY KEY (status, shard)
      );
      COMMENT ON TABLE application_status_counts IS
        'How many applications have each status, in eight shards by id (count_shard), kept by triggers on applications in the writer''s transaction ("who is waiting"''s total).';

      -- The shard of a row in a kept count: its id's last byte, modulo 8 (fixed for the row's life).
      CREATE FUNCTION count_shard(id uuid) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT (get_byte(uuid_send(id), 15) % 8)::smallint
      $$;

      INSERT INTO application_status_counts (status, shard, applications)
      SELECT status, count_shard(id), count(*) FROM applications GROUP BY 1, 2;

      -- What one statement changed: +1 per new row's (status, shard), -1 per old row's, in key order.
      CREATE FUNCTION application_status_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
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
      CREATE TRIGGER applications_status_counts_inserted AFTER INSERT ON applications
        REFERENCING NEW TABLE AS new_applications
        FOR EACH STATEMENT EXECUTE FUNCTION application_status_counts_follow();
      CREATE TRIGGER applications_status_counts_updated AFTER UPDATE ON applications
        REFERENCING OLD TABLE AS old_applications NEW TABLE AS new_applications
        FOR EACH STATEMENT EXECUTE FUNCTION application_status_counts_follow();
      CREATE TRIGGER applications_status_counts_deleted AFTER DELETE ON applications
        REFERENCING OLD TABLE AS old_applications
        FOR EACH STATEMENT EXECUTE FUNCTION application_status_counts_follow();
      CREATE FUNCTION application_status_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM application_status_counts;
          RETURN NULL;
        END $$;
      CREATE TRIGGER applications_status_counts_truncated AFTER TRUNCATE ON applications
        FOR EACH STATEMENT EXECUTE FUNCTION application_status_counts_clear();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER applications_status_counts_truncated ON applications;
      DROP TRIGGER applications_status_counts_deleted ON applications;
      DROP TRIGGER applications_status_counts_updated ON applications;
      DROP TRIGGER applications_status_counts_inserted ON applications;
      DROP FUNCTION application_status_counts_clear();
      DROP FUNCTION application_status_counts_follow();
      DROP TABLE application_status_counts;
      DROP FUNCTION count_shard(uuid);
    `);
  }
}
