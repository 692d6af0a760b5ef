import { MigrationInterface, QueryRunner } from 'typeorm';

/** Stages that may still owe feedback, exactly as MAY_OWE_FEEDBACK (database/due-order-cursor.ts) says it. */
const MAY_OWE = `(s.state IN ('scheduled', 'awaiting_feedback') OR (s.held_at IS NOT NULL AND s.state IN ('pending', 'skipped')))`;

/**
 * One statement of the trigger: the stages of `tables` (transition tables; `new_stages` counts +1,
 * `old_stages` -1) that may owe feedback, summed by (day, shard), upserted in key order; the keys it
 * left at zero go into zero_days / zero_shards.
 */
function upsertChanges(tables: ('new_stages' | 'old_stages')[]): string {
  const sides = tables.map(
    (table) => `SELECT date_trunc('day', s.feedback_waiting_from, 'UTC') AS day, count_shard(s.id) AS shard,
                       ${table === 'new_stages' ? 1 : -1} AS delta
                  FROM ${table} s WHERE s.feedback_waiting_from IS NOT NULL AND ${MAY_OWE}`,
  );
  return `WITH counted AS (
              INSERT INTO feedback_waiting_counts AS c (day, shard, stages)
              SELECT day, shard, sum(delta) FROM (${sides.join(' UNION ALL ')}) d
               GROUP BY 1, 2 HAVING sum(delta) <> 0 ORDER BY 1, 2
              ON CONFLICT (day, shard) DO UPDATE SET stages = c.stages + EXCLUDED.stages
              RETURNING c.day, c.shard, c.stages)
            SELECT array_agg(day), array_agg(shard) INTO zero_days, zero_shards FROM counted WHERE stages = 0;`;
}

/**
 * The feedback queue's total (everyone's) counted application_stages_feedback_waiting_idx on every
 * request: the queue and every interview still to come, since "waiting now" is
 * `feedback_waiting_from <= now()` and the index is in due order (18,154 entries read for 4,294
 * counted, 262 buffers, 12–17 ms at 100k; ten times that at 1M).
 *
 * Whether a stage is in the queue changes with writes and with time. The writes are kept here:
 * `feedback_waiting_counts` holds, per UTC day of `feedback_waiting_from` ('-infinity', a stage
 * marked held, is a day of its own), how many stages may owe feedback from then, written in the
 * writer's transaction by statement-level triggers on application_stages. Time is the reader's:
 * the total is the sum of the days before today plus an index count of today's stages up to now
 * (application_stages_waiting_from_idx, below), so a request reads one row per past day and shard
 * and at most a day's interviews, however many stages there are.
 *
 * Shards (the stage id's last byte, modulo 8) as for application_status_counts (migration
 * 1795948600000): interviews booked at the same time are often on the same day, and a counter row
 * stays locked by its writer until commit. A row that falls to zero is removed, so the table holds
 * the days with work still owed.
 */
export class CountFeedbackWaitingByDay1795948700000 implements MigrationInterface {
  name = 'CountFeedbackWaitingByDay1795948700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE feedback_waiting_counts (
        day timestamptz NOT NULL,
        shard smallint NOT NULL CHECK (shard BETWEEN 0 AND 7),
        stages bigint NOT NULL,
        PRIMARY KEY (day, shard)
      );
      COMMENT ON TABLE feedback_waiting_counts IS
        'How many stages may owe feedback from each UTC day (of feedback_waiting_from), in eight shards by stage id, kept by triggers on application_stages (the feedback queue''s total).';

      -- Today's part of the queue, counted by the reader: the stages that may owe feedback by the time they do.
      CREATE INDEX application_stages_waiting_from_idx ON application_stages (feedback_waiting_from)
        WHERE feedback_waiting_from IS NOT NULL AND ${MAY_OWE.replace(/s\./g, '')};

      INSERT INTO feedback_waiting_counts (day, shard, stages)
      SELECT date_trunc('day', s.feedback_waiting_from, 'UTC'), count_shard(s.id), count(*)
        FROM application_stages s
       WHERE s.feedback_waiting_from IS NOT NULL AND ${MAY_OWE}
       GROUP BY 1, 2;

      -- What one statement changed: +1 per new row that may owe feedback, at its (day, shard), -1 per
      -- old one; upserted in key order, then the rows it brought to zero removed (by their writer,
      -- who holds their lock).
      CREATE FUNCTION feedback_waiting_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          zero_days timestamptz[];
          zero_shards smallint[];
        BEGIN
          IF TG_OP = 'INSERT' THEN
            ${upsertChanges(['new_stages'])}
          ELSIF TG_OP = 'DELETE' THEN
            ${upsertChanges(['old_stages'])}
          ELSE
            ${upsertChanges(['new_stages', 'old_stages'])}
          END IF;
          IF zero_days IS NOT NULL THEN
            DELETE FROM feedback_waiting_counts c USING unnest(zero_days, zero_shards) AS z(day, shard)
             WHERE c.day = z.day AND c.shard = z.shard AND c.stages = 0;
          END IF;
          RETURN NULL;
        END $$;
      CREATE TRIGGER application_stages_waiting_counts_inserted AFTER INSERT ON application_stages
        REFERENCING NEW TABLE AS new_stages
        FOR EACH STATEMENT EXECUTE FUNCTION feedback_waiting_counts_follow();
      CREATE TRIGGER application_stages_waiting_counts_updated AFTER UPDATE ON application_stages
        REFERENCING OLD TABLE AS old_stages NEW TABLE AS new_stages
        FOR EACH STATEMENT EXECUTE FUNCTION feedback_waiting_counts_follow();
      CREATE TRIGGER application_stages_waiting_counts_deleted AFTER DELETE ON application_stages
        REFERENCING OLD TABLE AS old_stages
        FOR EACH STATEMENT EXECUTE FUNCTION feedback_waiting_counts_follow();
      CREATE FUNCTION feedback_waiting_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM feedback_waiting_counts;
          RETURN NULL;
        END $$;
      CREATE TRIGGER application_stages_waiting_counts_truncated AFTER TRUNCATE ON application_stages
        FOR EACH STATEMENT EXECUTE FUNCTION feedback_waiting_counts_clear();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER application_stages_waiting_counts_truncated ON application_stages;
      DROP TRIGGER application_stages_waiting_counts_deleted ON application_stages;
      DROP TRIGGER application_stages_waiting_counts_updated ON application_stages;
      DROP TRIGGER application_stages_waiting_counts_inserted ON application_stages;
      DROP FUNCTION feedback_waiting_counts_clear();
      DROP FUNCTION feedback_waiting_counts_follow();
      DROP INDEX application_stages_waiting_from_idx;
      DROP TABLE feedback_waiting_counts;
    `);
  }
}
