import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A change to one promise rewrites that promise's score fact, not every fact of its application
 * (ADR 0064). Each fact is read from its own promise row and what that row points at (the
 * application, job, stage, feedback and draft), never from the application's other promises, so
 * rewriting one is the same as rewriting all. Changes to what a fact points at still refresh the
 * application's facts through their own triggers (score_facts_refresh_promises, unchanged).
 *
 * Why: a reschedule ends one promise and opens another, and each of the two refreshes read all the
 * application's promises and wrote all its facts back (four statements, each forgetting cached score
 * periods): 0.9 ms of the database's ~7 ms per reschedule under load.
 */
export class ScorePromiseFactsFollowOnePromise1795956400000 implements MigrationInterface {
  name = 'ScorePromiseFactsFollowOnePromise1795956400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION score_facts_follow_promise() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            DELETE FROM score_promise_facts WHERE promise_id = OLD.id;
            RETURN NULL;
          END IF;
          -- The promises the score counts: not one replaced by a new slot's, not an offer's reply date.
          IF NEW.ended_how IS DISTINCT FROM 'superseded' AND NEW.kind <> 'offer_reply' THEN
            INSERT INTO score_promise_facts (promise_id, application_id, due_at, ended_at, ended_how, redatings,
                                             recruiter_id, job_id, client_id, contact_id)
            SELECT p.id, p.application_id, p.due_at, p.ended_at, p.ended_how, p.redatings,
                   coalesce(s.recruiter_id, a.recruiter_id), a.job_id, j.client_id, d.contact_id
              FROM application_promises p
              JOIN applications a ON a.id = p.application_id
              JOIN jobs j ON j.id = a.job_id
              LEFT JOIN application_stages s ON s.id = p.stage_id
              LEFT JOIN feedback fo ON fo.stage_id = p.stage_id AND fo.supersedes_id IS NULL
              LEFT JOIN client_feedback_drafts d ON d.feedback_id = fo.id
             WHERE p.id = NEW.id
            ON CONFLICT (promise_id) DO UPDATE
               SET application_id = EXCLUDED.application_id, due_at = EXCLUDED.due_at, ended_at = EXCLUDED.ended_at,
                   ended_how = EXCLUDED.ended_how, redatings = EXCLUDED.redatings, recruiter_id = EXCLUDED.recruiter_id,
                   job_id = EXCLUDED.job_id, client_id = EXCLUDED.client_id, contact_id = EXCLUDED.contact_id;
          ELSIF TG_OP = 'UPDATE' THEN
            DELETE FROM score_promise_facts WHERE promise_id = NEW.id;
          END IF;
          RETURN NULL;
        END $$;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION score_facts_follow_promise() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM score_facts_refresh_promises(CASE WHEN TG_OP = 'DELETE' THEN OLD.application_id ELSE NEW.application_id END);
          RETURN NULL;
        END $$;
    `);
  }
}
