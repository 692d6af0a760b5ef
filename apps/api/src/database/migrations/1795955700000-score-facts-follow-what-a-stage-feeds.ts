import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A stage's new interview end, held mark or owner rebuilt all of its application's score facts: the
 * feedback facts with their working days, the promise facts and the rejection fact. Every reschedule
 * paid for that, though a stage being rescheduled has no feedback and its application is open, so
 * not one of those facts can change. Each fact reads only this of a stage (ADR 0036, ADR 0055):
 *
 * - a feedback fact, its own stage's end, held mark and owner: only a stage with feedback has one;
 * - a promise fact, its stage's owner, nothing else of it;
 * - a rejection fact, whether any stage of a closed, rejected application took place.
 *
 * So a stage's trigger now rebuilds the facts it feeds, and only when it feeds them. It also follows a
 * stage moved to another application, which the trigger before did not see.
 * `score-facts.spec.ts` compares every fact with the source tables after each kind of change.
 */
export class ScoreFactsFollowWhatAStageFeeds1795955700000 implements MigrationInterface {
  name = 'ScoreFactsFollowWhatAStageFeeds1795955700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION score_facts_follow_stage() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          -- A new stage has no feedback and no promise yet: both refer to it by foreign keys that are
          -- not deferrable (feedback_stage_id_fkey, application_promises_stage_fk). It can only make a
          -- closed, rejected application's interview one that took place.
          took_place_may_change boolean := TG_OP = 'INSERT';
          owner_moved boolean := false;
        BEGIN
          IF TG_OP = 'UPDATE' THEN
            took_place_may_change := OLD.ends_at IS DISTINCT FROM NEW.ends_at OR OLD.held_at IS DISTINCT FROM NEW.held_at;
            owner_moved := OLD.recruiter_id IS DISTINCT FROM NEW.recruiter_id;
            IF EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = NEW.id) THEN
              PERFORM score_facts_refresh_feedback(NEW.application_id);
            END IF;
          END IF;
          IF owner_moved AND EXISTS (SELECT 1 FROM application_promises p
                                      WHERE p.application_id = NEW.application_id AND p.stage_id = NEW.id) THEN
            PERFORM score_facts_refresh_promises(NEW.application_id);
          END IF;
          IF took_place_may_change AND EXISTS (SELECT 1 FROM applications a WHERE a.id = NEW.application_id
                                      AND a.status = 'rejected' AND a.closed_at IS NOT NULL) THEN
            PERFORM score_facts_refresh_rejections(NEW.application_id);
          END IF;
          -- A stage moved to another application (never by the API; by hand in SQL): whether an interview
          -- of each took place may change. Its feedback and promises keep their own application.
          IF TG_OP = 'UPDATE' AND OLD.application_id IS DISTINCT FROM NEW.application_id THEN
            PERFORM score_facts_refresh_rejections(OLD.application_id);
            PERFORM score_facts_refresh_rejections(NEW.application_id);
          END IF;
          RETURN NULL;
        END $$;
      DROP TRIGGER score_facts_stages_added ON application_stages;
      CREATE TRIGGER score_facts_stages_added AFTER INSERT ON application_stages
        FOR EACH ROW WHEN (NEW.ends_at IS NOT NULL OR NEW.held_at IS NOT NULL)
        EXECUTE FUNCTION score_facts_follow_stage();
      DROP TRIGGER score_facts_stages ON application_stages;
      CREATE TRIGGER score_facts_stages AFTER UPDATE OF ends_at, held_at, recruiter_id, application_id ON application_stages
        FOR EACH ROW WHEN (OLD.ends_at IS DISTINCT FROM NEW.ends_at OR OLD.held_at IS DISTINCT FROM NEW.held_at
                           OR OLD.recruiter_id IS DISTINCT FROM NEW.recruiter_id
                           OR OLD.application_id IS DISTINCT FROM NEW.application_id)
        EXECUTE FUNCTION score_facts_follow_stage();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER score_facts_stages_added ON application_stages;
      CREATE TRIGGER score_facts_stages_added AFTER INSERT ON application_stages
        FOR EACH ROW WHEN (NEW.ends_at IS NOT NULL OR NEW.held_at IS NOT NULL OR NEW.recruiter_id IS NOT NULL)
        EXECUTE FUNCTION score_facts_follow_application();
      DROP TRIGGER score_facts_stages ON application_stages;
      CREATE TRIGGER score_facts_stages AFTER UPDATE OF ends_at, held_at, recruiter_id ON application_stages
        FOR EACH ROW WHEN (OLD.ends_at IS DISTINCT FROM NEW.ends_at OR OLD.held_at IS DISTINCT FROM NEW.held_at
                           OR OLD.recruiter_id IS DISTINCT FROM NEW.recruiter_id)
        EXECUTE FUNCTION score_facts_follow_application();
      DROP FUNCTION score_facts_follow_stage();
    `);
  }
}
