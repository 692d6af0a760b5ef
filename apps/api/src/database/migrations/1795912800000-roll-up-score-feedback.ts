import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The time-to-feedback distribution rolled up per week (issue 13, ADR 0040). A staff request over a
 * long period read every feedback fact of the period (median and p90 need every value), so a year
 * cost five times a month and grew with the data. Now `score_feedback_rollup` holds, per calendar
 * version, ISO week (in the agency's zone, the fact's stored `week`), grouping kind and group key,
 * how many facts had each working-days value to the hundredth (and which distribution bucket the
 * exact value fell in, so the buckets stay exact). A period reads its whole weeks from here and the
 * days at its edges from the facts.
 *
 * Kept exact by statement triggers on `score_feedback_facts`, in the writer's transaction: each
 * statement's old rows count -1 and new rows +1, netted per rollup row, and upserted in primary-key
 * order, so two writers lock shared rows in the same order within a statement. A reassignment, a
 * correction or a calendar refill rewrites facts and so moves their counts: nothing to invalidate.
 * The group kinds store only real keys (a fact with no interviewer has no interviewer row, as the
 * figures drop a null group); `all` holds every fact under the nil uuid.
 */
const ROLL_UP = (changes: string) => `
  INSERT INTO score_feedback_rollup AS r (calendar_version, kind, week, key, hundredths, bucket, count)
  SELECT calendar_version, kind, week, key, hundredths, bucket, sum(delta)::int
    FROM (SELECT c.calendar_version, k.kind, c.week, k.key, round(c.working_days * 100)::int AS hundredths,
                 CASE WHEN c.working_days < 1 THEN 0 WHEN c.working_days < 2 THEN 1 WHEN c.working_days < 3 THEN 2
                      WHEN c.working_days < 5 THEN 3 ELSE 4 END::smallint AS bucket,
                 c.delta
            FROM (${changes}) c
            CROSS JOIN LATERAL (VALUES ('all', '00000000-0000-0000-0000-000000000000'::uuid),
                                       ('recruiter', c.recruiter_id), ('client', c.client_id),
                                       ('job', c.job_id), ('interviewer', c.contact_id)) k(kind, key)
           WHERE k.key IS NOT NULL AND c.calendar_version IS NOT NULL AND c.working_days IS NOT NULL
             AND c.week IS NOT NULL AND c.ended_at IS NOT NULL) x
   GROUP BY calendar_version, kind, week, key, hundredths, bucket
  HAVING sum(delta) <> 0
   ORDER BY calendar_version, kind, week, key, hundredths, bucket
  ON CONFLICT (calendar_version, kind, week, key, hundredths, bucket) DO UPDATE SET count = r.count + EXCLUDED.count`;

const COLUMNS = 'calendar_version, week, working_days, ended_at, recruiter_id, client_id, job_id, contact_id';

export class RollUpScoreFeedback1795912800000 implements MigrationInterface {
  name = 'RollUpScoreFeedback1795912800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE score_feedback_rollup (
        calendar_version integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('all', 'recruiter', 'client', 'job', 'interviewer')),
        week date NOT NULL,
        key uuid NOT NULL,
        hundredths integer NOT NULL,
        bucket smallint NOT NULL CHECK (bucket BETWEEN 0 AND 4),
        -- No CHECK (count >= 0): a decrement is proposed as a row of count -1, which a check refuses before the conflict.
        count integer NOT NULL,
        PRIMARY KEY (calendar_version, kind, week, key, hundredths, bucket)
      );
      COMMENT ON TABLE score_feedback_rollup IS
        'How many feedback facts had each working-days value (to 0.01) per calendar version, week, grouping and group, kept by triggers on score_feedback_facts (ADR 0040).';

      CREATE FUNCTION score_feedback_rollup_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${ROLL_UP(`SELECT ${COLUMNS}, 1 AS delta FROM new_facts`)};
          RETURN NULL;
        END $$;
      CREATE FUNCTION score_feedback_rollup_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${ROLL_UP(`SELECT ${COLUMNS}, -1 AS delta FROM old_facts`)};
          RETURN NULL;
        END $$;
      CREATE FUNCTION score_feedback_rollup_updated() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${ROLL_UP(`SELECT ${COLUMNS}, 1 AS delta FROM new_facts UNION ALL SELECT ${COLUMNS}, -1 FROM old_facts`)};
          RETURN NULL;
        END $$;
      CREATE TRIGGER score_feedback_rollup_inserted AFTER INSERT ON score_feedback_facts
        REFERENCING NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION score_feedback_rollup_inserted();
      CREATE TRIGGER score_feedback_rollup_deleted AFTER DELETE ON score_feedback_facts
        REFERENCING OLD TABLE AS old_facts FOR EACH STATEMENT EXECUTE FUNCTION score_feedback_rollup_deleted();
      CREATE TRIGGER score_feedback_rollup_updated AFTER UPDATE ON score_feedback_facts
        REFERENCING OLD TABLE AS old_facts NEW TABLE AS new_facts
        FOR EACH STATEMENT EXECUTE FUNCTION score_feedback_rollup_updated();

      ${ROLL_UP(`SELECT ${COLUMNS}, 1 AS delta FROM score_feedback_facts`)};

      -- Whether any fact waits for the calendar's refill (then the score reads the facts directly):
      -- a probe of this index instead of a scan of the facts.
      CREATE INDEX score_feedback_facts_version_idx ON score_feedback_facts (calendar_version);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX score_feedback_facts_version_idx;
      DROP TRIGGER score_feedback_rollup_updated ON score_feedback_facts;
      DROP TRIGGER score_feedback_rollup_deleted ON score_feedback_facts;
      DROP TRIGGER score_feedback_rollup_inserted ON score_feedback_facts;
      DROP FUNCTION score_feedback_rollup_updated();
      DROP FUNCTION score_feedback_rollup_deleted();
      DROP FUNCTION score_feedback_rollup_inserted();
      DROP TABLE score_feedback_rollup;
    `);
  }
}
