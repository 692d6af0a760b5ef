import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agency job list's total (issue 12: "true totals from a cheap count") counted the jobs of the
 * chosen statuses on every page: open and draft are most of the table, so it was a scan of most of
 * `jobs` (88 ms at 100k jobs, about ten times that at 1M) on every visit to the staff jobs page.
 * `job_status_counts` keeps how many jobs each status has, written in the same transaction as the
 * jobs by statement-level triggers (one upsert per status a statement touches, in status order, so
 * bulk writes cost one row per status and two writers take the rows in the same order), and the
 * total is a sum of a few rows. A TRUNCATE of jobs empties it.
 */
export class CountJobsByStatus1795934400000 implements MigrationInterface {
  name = 'CountJobsByStatus1795934400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE job_status_counts (status text PRIMARY KEY, jobs bigint NOT NULL);
      COMMENT ON TABLE job_status_counts IS
        'How many jobs have each status, kept by triggers on jobs in the writer''s transaction (the agency job list''s total).';
      INSERT INTO job_status_counts (status, jobs) SELECT status, count(*) FROM jobs GROUP BY status;

      -- Adds what one statement changed: +1 per new or updated row's status, -1 per old one.
      CREATE FUNCTION job_status_counts_add(changes jsonb) RETURNS void LANGUAGE sql AS $$
        INSERT INTO job_status_counts AS c (status, jobs)
        SELECT key, value::bigint FROM jsonb_each_text(changes) WHERE value::bigint <> 0 ORDER BY key
        ON CONFLICT (status) DO UPDATE SET jobs = c.jobs + EXCLUDED.jobs
      $$;
      CREATE FUNCTION job_status_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            PERFORM job_status_counts_add((SELECT jsonb_object_agg(status, n) FROM
              (SELECT status, count(*) AS n FROM new_jobs GROUP BY status) d));
          ELSIF TG_OP = 'DELETE' THEN
            PERFORM job_status_counts_add((SELECT jsonb_object_agg(status, -n) FROM
              (SELECT status, count(*) AS n FROM old_jobs GROUP BY status) d));
          ELSE
            PERFORM job_status_counts_add((SELECT jsonb_object_agg(status, n) FROM
              (SELECT status, sum(delta) AS n FROM
                 (SELECT n.status, 1 AS delta FROM new_jobs n JOIN old_jobs o ON o.id = n.id WHERE o.status <> n.status
                  UNION ALL
                  SELECT o.status, -1 FROM new_jobs n JOIN old_jobs o ON o.id = n.id WHERE o.status <> n.status) x
               GROUP BY status) d));
          END IF;
          RETURN NULL;
        END $$;
      CREATE TRIGGER jobs_status_counts_inserted AFTER INSERT ON jobs REFERENCING NEW TABLE AS new_jobs
        FOR EACH STATEMENT EXECUTE FUNCTION job_status_counts_follow();
      CREATE TRIGGER jobs_status_counts_updated AFTER UPDATE ON jobs
        REFERENCING OLD TABLE AS old_jobs NEW TABLE AS new_jobs
        FOR EACH STATEMENT EXECUTE FUNCTION job_status_counts_follow();
      CREATE TRIGGER jobs_status_counts_deleted AFTER DELETE ON jobs REFERENCING OLD TABLE AS old_jobs
        FOR EACH STATEMENT EXECUTE FUNCTION job_status_counts_follow();
      CREATE FUNCTION job_status_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM job_status_counts;
          RETURN NULL;
        END $$;
      CREATE TRIGGER jobs_status_counts_truncated AFTER TRUNCATE ON jobs
        FOR EACH STATEMENT EXECUTE FUNCTION job_status_counts_clear();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER jobs_status_counts_truncated ON jobs;
      DROP TRIGGER jobs_status_counts_deleted ON jobs;
      DROP TRIGGER jobs_status_counts_updated ON jobs;
      DROP TRIGGER jobs_status_counts_inserted ON jobs;
      DROP FUNCTION job_status_counts_clear();
      DROP FUNCTION job_status_counts_follow();
      DROP FUNCTION job_status_counts_add(jsonb);
      DROP TABLE job_status_counts;
    `);
  }
}
