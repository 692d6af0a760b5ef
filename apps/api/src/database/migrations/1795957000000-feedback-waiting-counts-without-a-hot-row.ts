import { MigrationInterface, QueryRunner } from 'typeorm';

/** Stages that may still owe feedback, exactly as MAY_OWE_FEEDBACK (database/due-order-cursor.ts) says it. */
const MAY_OWE = `(s.state IN ('scheduled', 'awaiting_feedback') OR (s.held_at IS NOT NULL AND s.state IN ('pending', 'skipped')))`;

/** The stages of a transition table that may owe feedback, by UTC day, each counted `delta`. */
function side(table: 'new_stages' | 'old_stages', delta: 1 | -1): string {
  return `SELECT date_trunc('day', s.feedback_waiting_from, 'UTC') AS day, ${delta} AS delta
            FROM ${table} s WHERE s.feedback_waiting_from IS NOT NULL AND ${MAY_OWE}`;
}

/** One statement of the trigger: what `sides` changed, summed by day, appended (never upserted). */
function appendChanges(sides: string[]): string {
  return `INSERT INTO feedback_waiting_changes (day, stages)
          SELECT day, sum(delta) FROM (${sides.join(' UNION ALL ')}) d GROUP BY day HAVING sum(delta) <> 0;`;
}

/** The counts as migration 1795948700000 kept them, for down(): eight shards by stage id, upserted by the writer. */
function upsertSharded(sides: ('new_stages' | 'old_stages')[]): string {
  const parts = sides.map(
    (table) => `SELECT date_trunc('day', s.feedback_waiting_from, 'UTC') AS day, count_shard(s.id) AS shard,
                       ${table === 'new_stages' ? 1 : -1} AS delta
                  FROM ${table} s WHERE s.feedback_waiting_from IS NOT NULL AND ${MAY_OWE}`,
  );
  return `WITH counted AS (
              INSERT INTO feedback_waiting_counts AS c (day, shard, stages)
              SELECT day, shard, sum(delta) FROM (${parts.join(' UNION ALL ')}) d
               GROUP BY 1, 2 HAVING sum(delta) <> 0 ORDER BY 1, 2
              ON CONFLICT (day, shard) DO UPDATE SET stages = c.stages + EXCLUDED.stages
              RETURNING c.day, c.shard, c.stages)
            SELECT array_agg(day), array_agg(shard) INTO zero_days, zero_shards FROM counted WHERE stages = 0;`;
}

/**
 * The feedback queue's total reads feedback_waiting_counts (migration 1795948700000), which every
 * writer of a stage upserted in its own transaction, holding the (day, shard) row's lock until it
 * committed. Interviews booked at the same time are mostly on the same day, so concurrent writers
 * queued on those eight rows for the rest of each other's transactions: under the bench's write
 * (ten recruiters rescheduling, all onto one day), over a fifth of the sampled busy time of the
 * database's sessions was spent waiting on that lock (ADR 0084).
 *
 * Writers now only append: each statement on application_stages inserts its change per day into
 * feedback_waiting_changes, which no writer updates, so no writer waits for another. The folding
 * (background/kept-counts-fold.ts, every minute) moves the changes into the counts in batches, each
 * in one transaction of its own, and the total reads both, in one snapshot: the changes not
 * yet folded are counted as they are, so the total does not wait for the fold. With one writer of
 * the counts, they need no shards: one row per day with work still owed.
 */
export class FeedbackWaitingCountsWithoutAHotRow1795957000000 implements MigrationInterface {
  name = 'FeedbackWaitingCountsWithoutAHotRow1795957000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      -- No writer may change a stage while the counts are rebuilt from the stages themselves.
      LOCK TABLE application_stages IN SHARE MODE;

      DROP TABLE feedback_waiting_counts;
      CREATE TABLE feedback_waiting_counts (
        day timestamptz PRIMARY KEY,
        -- No CHECK (stages >= 0): an upsert's proposed row, a negative change, is checked before its conflict.
        stages bigint NOT NULL
      );
      COMMENT ON TABLE feedback_waiting_counts IS
        'How many stages may owe feedback from each UTC day (of feedback_waiting_from), as of the last fold of feedback_waiting_changes (the feedback queue''s total).';
      INSERT INTO feedback_waiting_counts (day, stages)
      SELECT date_trunc('day', s.feedback_waiting_from, 'UTC'), count(*)
        FROM application_stages s
       WHERE s.feedback_waiting_from IS NOT NULL AND ${MAY_OWE}
       GROUP BY 1;

      -- Small by design (folded every minute) and read whole: no index to keep on every insert.
      -- No key: REPLICA IDENTITY FULL lets the fold's deletes through a publication (logical replication,
      -- an upgrade by it), and no vacuum_truncate keeps VACUUM from locking writers out to shrink the
      -- table each time the fold has emptied it.
      CREATE TABLE feedback_waiting_changes (
        day timestamptz NOT NULL,
        stages integer NOT NULL CHECK (stages <> 0)
      ) WITH (vacuum_truncate = off);
      ALTER TABLE feedback_waiting_changes REPLICA IDENTITY FULL;
      COMMENT ON TABLE feedback_waiting_changes IS
        'Changes to feedback_waiting_counts not yet folded into it, appended by the triggers on application_stages.';

      CREATE OR REPLACE FUNCTION feedback_waiting_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            ${appendChanges([side('new_stages', 1)])}
          ELSIF TG_OP = 'DELETE' THEN
            ${appendChanges([side('old_stages', -1)])}
          ELSE
            ${appendChanges([side('new_stages', 1), side('old_stages', -1)])}
          END IF;
          RETURN NULL;
        END $$;

      CREATE OR REPLACE FUNCTION feedback_waiting_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM feedback_waiting_changes;
          DELETE FROM feedback_waiting_counts;
          RETURN NULL;
        END $$;

      -- Moves up to \`batch\` changes committed so far into the counts, in the caller's transaction: a
      -- reader sees them in one table or the other, never both or neither. Changes committed meanwhile,
      -- or taken by a fold running at the same time, are left. Returns how many it moved: the caller
      -- folds again while that is the whole batch, so a backlog (a worker stopped for days) is worked
      -- off in steps that each finish within the statement timeout.
      CREATE FUNCTION fold_feedback_waiting_changes(batch integer) RETURNS integer LANGUAGE plpgsql AS $$
        DECLARE
          moved integer;
          emptied timestamptz[];
        BEGIN
          WITH taken AS (
                 DELETE FROM feedback_waiting_changes
                  WHERE ctid = ANY (ARRAY(SELECT ctid FROM feedback_waiting_changes LIMIT batch))
                 RETURNING day, stages),
               summed AS (SELECT day, sum(stages) AS stages, count(*) AS changes FROM taken GROUP BY day),
               counted AS (
                 INSERT INTO feedback_waiting_counts AS c (day, stages)
                 SELECT day, stages FROM summed WHERE stages <> 0 ORDER BY day
                 ON CONFLICT (day) DO UPDATE SET stages = c.stages + EXCLUDED.stages
                 RETURNING c.day, c.stages)
          SELECT (SELECT coalesce(sum(changes), 0) FROM summed),
                 (SELECT array_agg(day) FROM counted WHERE stages = 0)
            INTO moved, emptied;
          IF emptied IS NOT NULL THEN
            DELETE FROM feedback_waiting_counts WHERE day = ANY (emptied) AND stages = 0;
          END IF;
          RETURN moved;
        END $$;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      LOCK TABLE application_stages IN SHARE MODE;
      DROP FUNCTION fold_feedback_waiting_changes(integer);
      DROP TABLE feedback_waiting_changes;
      DROP TABLE feedback_waiting_counts;
      CREATE TABLE feedback_waiting_counts (
        day timestamptz NOT NULL,
        shard smallint NOT NULL CHECK (shard BETWEEN 0 AND 7),
        stages bigint NOT NULL,
        PRIMARY KEY (day, shard)
      );
      COMMENT ON TABLE feedback_waiting_counts IS
        'How many stages may owe feedback from each UTC day (of feedback_waiting_from), in eight shards by stage id, kept by triggers on application_stages (the feedback queue''s total).';
      INSERT INTO feedback_waiting_counts (day, shard, stages)
      SELECT date_trunc('day', s.feedback_waiting_from, 'UTC'), count_shard(s.id), count(*)
        FROM application_stages s
       WHERE s.feedback_waiting_from IS NOT NULL AND ${MAY_OWE}
       GROUP BY 1, 2;
      CREATE OR REPLACE FUNCTION feedback_waiting_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          zero_days timestamptz[];
          zero_shards smallint[];
        BEGIN
          IF TG_OP = 'INSERT' THEN
            ${upsertSharded(['new_stages'])}
          ELSIF TG_OP = 'DELETE' THEN
            ${upsertSharded(['old_stages'])}
          ELSE
            ${upsertSharded(['new_stages', 'old_stages'])}
          END IF;
          IF zero_days IS NOT NULL THEN
            DELETE FROM feedback_waiting_counts c USING unnest(zero_days, zero_shards) AS z(day, shard)
             WHERE c.day = z.day AND c.shard = z.shard AND c.stages = 0;
          END IF;
          RETURN NULL;
        END $$;
      CREATE OR REPLACE FUNCTION feedback_waiting_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM feedback_waiting_counts;
          RETURN NULL;
        END $$;
    `);
  }
}
