import { MigrationInterface, QueryRunner } from 'typeorm';

/** Stages that may still owe feedback, exactly as MAY_OWE_FEEDBACK (database/due-order-cursor.ts) says it. */
const MAY_OWE = `(state IN ('scheduled', 'awaiting_feedback') OR (held_at IS NOT NULL AND state IN ('pending', 'skipped')))`;
const DUE_ORDER = `(coalesce(feedback_due_at, '-infinity'::timestamptz)), (coalesce(ends_at, 'infinity'::timestamptz)), id`;

/**
 * Issue 12, "rules that scale" (ADR 0041): whose work a stage is, `stage_owner(application, stage)`
 * (ADR 0015: the stage's own recruiter, else its application's), is stored on the stage as
 * `owner_id`, kept by triggers in the writer's transaction, so "my feedback queue" (page and total)
 * and the sweep's second escalation read it from the stage and one partial index instead of looking
 * up every queued stage's application.
 *
 * `stage_owner()` stays the definition (the single-row readers still ask it, and the API spec
 * compares every stored owner with it). Its inputs are the stage's `recruiter_id` and
 * `application_id` and the application's `recruiter_id`:
 * - `application_stages_owner`, BEFORE INSERT OR UPDATE OF application_id, recruiter_id, owner_id:
 *   writes the owner into the row being written (a hand-written owner is worked out again). The
 *   function cannot be called here, as it reads the stage's row, which is not yet (or not yet so)
 *   in the table.
 * - `applications_stage_owner`, AFTER UPDATE OF recruiter_id when it changed: the stages that follow
 *   the application (no recruiter of their own) take the new owner.
 */
export class StoreStageOwner1795920000000 implements MigrationInterface {
  name = 'StoreStageOwner1795920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE application_stages ADD COLUMN owner_id uuid REFERENCES users(id);
      -- Backfill, set-based, with the definition below (the trigger is created after it).
      UPDATE application_stages s SET owner_id = coalesce(s.recruiter_id, a.recruiter_id)
        FROM applications a WHERE a.id = s.application_id AND coalesce(s.recruiter_id, a.recruiter_id) IS NOT NULL;

      CREATE FUNCTION application_stages_write_owner() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- stage_owner(application_id, id), for the row being written.
        NEW.owner_id := coalesce(NEW.recruiter_id,
                                 (SELECT a.recruiter_id FROM applications a WHERE a.id = NEW.application_id));
        RETURN NEW;
      END $$;
      CREATE TRIGGER application_stages_owner
        BEFORE INSERT OR UPDATE OF application_id, recruiter_id, owner_id ON application_stages
        FOR EACH ROW EXECUTE FUNCTION application_stages_write_owner();

      CREATE FUNCTION applications_refresh_stage_owner() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE application_stages SET owner_id = NEW.recruiter_id
         WHERE application_id = NEW.id AND recruiter_id IS NULL AND owner_id IS DISTINCT FROM NEW.recruiter_id;
        RETURN NULL;
      END $$;
      CREATE TRIGGER applications_stage_owner AFTER UPDATE OF recruiter_id ON applications
        FOR EACH ROW WHEN (OLD.recruiter_id IS DISTINCT FROM NEW.recruiter_id)
        EXECUTE FUNCTION applications_refresh_stage_owner();

      -- One person's feedback queue, in its order (page), and its total (index-only count of "<= now()"):
      -- application_stages_feedback_waiting_idx with the owner in front.
      CREATE INDEX application_stages_owner_feedback_waiting_idx ON application_stages (owner_id, ${DUE_ORDER})
        INCLUDE (application_id, feedback_waiting_from)
        WHERE feedback_waiting_from IS NOT NULL AND ${MAY_OWE};
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX application_stages_owner_feedback_waiting_idx;
      DROP TRIGGER applications_stage_owner ON applications;
      DROP FUNCTION applications_refresh_stage_owner();
      DROP TRIGGER application_stages_owner ON application_stages;
      DROP FUNCTION application_stages_write_owner();
      ALTER TABLE application_stages DROP COLUMN owner_id;
    `);
  }
}
