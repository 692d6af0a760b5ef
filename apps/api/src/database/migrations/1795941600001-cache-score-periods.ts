import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The score's time to feedback and (for periods that have ended) promises, cached (issue 13 item 4,
 * ADR 0044). A year's figures read and sort a year of facts on every request, yet they change only
 * when a fact in the period is written: new feedback, or history rewritten (a reassignment, an
 * interview's end corrected, a job moved to another client, the calendar's refill).
 * `score_period_cache` keeps one statement's rows per key (a hash of the statement and its
 * parameters: grouping, scope, period, calendar), and the facts' own statement triggers delete every
 * entry whose period holds a fact written (its old or new date), in the writer's transaction, so no
 * entry outlives a change to what it counted.
 *
 * A reader fills an entry in three steps (score-cache.ts): it writes the entry empty with a token,
 * passes a barrier (an exclusive advisory lock taken and released at once, which waits for every
 * transaction that has written facts and not yet ended: writers hold the same lock shared until
 * they commit), then reads the figures and stores them only if its token is still there. A writer
 * that wrote before the barrier is in the figures; one that wrote after it deletes the entry (its
 * statement starts after the entry was committed), and the reader's store then finds no token.
 */
export class CacheScorePeriods1795941600001 implements MigrationInterface {
  name = 'CacheScorePeriods1795941600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE score_period_cache (
        key text PRIMARY KEY,
        figure text NOT NULL CONSTRAINT score_period_cache_figure_known CHECK (figure IN ('feedback', 'promise')),
        from_at timestamptz NOT NULL,
        to_at timestamptz NOT NULL CONSTRAINT score_period_cache_period_ordered CHECK (to_at > from_at),
        fill uuid,
        rows jsonb,
        stored_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT score_period_cache_filled_or_filling CHECK ((fill IS NULL) <> (rows IS NULL))
      );
      COMMENT ON TABLE score_period_cache IS
        'One score statement''s rows for a period, deleted by the facts'' triggers when a fact in the period changes (ADR 0044).';
      CREATE INDEX score_period_cache_period_idx ON score_period_cache (figure, from_at, to_at);
      CREATE INDEX score_period_cache_stored_idx ON score_period_cache (stored_at);

      CREATE FUNCTION score_cache_forget() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          -- Held until this transaction ends: a reader's barrier waits for it (score-cache.ts).
          PERFORM pg_advisory_xact_lock_shared(hashtext('heardback:score-period-cache'));
          IF TG_TABLE_NAME = 'score_feedback_facts' THEN
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
              DELETE FROM score_period_cache c WHERE c.figure = 'feedback'
                 AND EXISTS (SELECT 1 FROM new_facts n WHERE n.recorded_at >= c.from_at AND n.recorded_at < c.to_at);
            END IF;
            IF TG_OP IN ('DELETE', 'UPDATE') THEN
              DELETE FROM score_period_cache c WHERE c.figure = 'feedback'
                 AND EXISTS (SELECT 1 FROM old_facts o WHERE o.recorded_at >= c.from_at AND o.recorded_at < c.to_at);
            END IF;
          ELSE
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
              DELETE FROM score_period_cache c WHERE c.figure = 'promise'
                 AND EXISTS (SELECT 1 FROM new_facts n WHERE n.due_at >= c.from_at AND n.due_at < c.to_at);
            END IF;
            IF TG_OP IN ('DELETE', 'UPDATE') THEN
              DELETE FROM score_period_cache c WHERE c.figure = 'promise'
                 AND EXISTS (SELECT 1 FROM old_facts o WHERE o.due_at >= c.from_at AND o.due_at < c.to_at);
            END IF;
          END IF;
          RETURN NULL;
        END $$;

      CREATE TRIGGER score_cache_feedback_added AFTER INSERT ON score_feedback_facts
        REFERENCING NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION score_cache_forget();
      CREATE TRIGGER score_cache_feedback_changed AFTER UPDATE ON score_feedback_facts
        REFERENCING OLD TABLE AS old_facts NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION score_cache_forget();
      CREATE TRIGGER score_cache_feedback_removed AFTER DELETE ON score_feedback_facts
        REFERENCING OLD TABLE AS old_facts FOR EACH STATEMENT EXECUTE FUNCTION score_cache_forget();
      CREATE TRIGGER score_cache_promises_added AFTER INSERT ON score_promise_facts
        REFERENCING NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION score_cache_forget();
      CREATE TRIGGER score_cache_promises_changed AFTER UPDATE ON score_promise_facts
        REFERENCING OLD TABLE AS old_facts NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION score_cache_forget();
      CREATE TRIGGER score_cache_promises_removed AFTER DELETE ON score_promise_facts
        REFERENCING OLD TABLE AS old_facts FOR EACH STATEMENT EXECUTE FUNCTION score_cache_forget();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER score_cache_promises_removed ON score_promise_facts;
      DROP TRIGGER score_cache_promises_changed ON score_promise_facts;
      DROP TRIGGER score_cache_promises_added ON score_promise_facts;
      DROP TRIGGER score_cache_feedback_removed ON score_feedback_facts;
      DROP TRIGGER score_cache_feedback_changed ON score_feedback_facts;
      DROP TRIGGER score_cache_feedback_added ON score_feedback_facts;
      DROP FUNCTION score_cache_forget();
      DROP TABLE score_period_cache;
    `);
  }
}
