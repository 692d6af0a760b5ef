import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A promise's change rebuilt all of its application's score facts (ADR 0036): the feedback facts with
 * their working days, the promise facts and the rejection fact, each deleted and written again. A
 * reschedule changes two promises (the old answer date ends, the new one opens), so it paid for that
 * twice over, besides the stage's own refresh. The promise facts are the only ones a promise feeds
 * (the feedback and rejection facts read no promise), so a promise's trigger now rebuilds those alone;
 * every other trigger still rebuilds all three, through the same three parts (ADR 0054).
 */
export class ScoreFactsRefreshedByKind1795955600000 implements MigrationInterface {
  name = 'ScoreFactsRefreshedByKind1795955600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION score_facts_refresh_feedback(p_application_id uuid) RETURNS void LANGUAGE plpgsql AS $$
        DECLARE
          c score_calendar;
        BEGIN
          SELECT * INTO c FROM score_calendar;
          DELETE FROM score_feedback_facts WHERE application_id = p_application_id;
          INSERT INTO score_feedback_facts (feedback_id, application_id, recorded_at, ended_at, recruiter_id, job_id,
                                            client_id, contact_id, calendar_version, working_days, week)
          SELECT f.id, f.application_id, f.recorded_at, coalesce(s.ends_at, s.held_at),
                 coalesce(s.recruiter_id, a.recruiter_id), a.job_id, j.client_id, d.contact_id, c.version,
                 CASE WHEN c.version IS NOT NULL AND coalesce(s.ends_at, s.held_at) IS NOT NULL
                      THEN score_working_days(coalesce(s.ends_at, s.held_at), f.recorded_at, c) END,
                 CASE WHEN c.version IS NOT NULL THEN date_trunc('week', f.recorded_at AT TIME ZONE c.time_zone)::date END
            FROM feedback f
            JOIN application_stages s ON s.id = f.stage_id
            JOIN applications a ON a.id = f.application_id
            JOIN jobs j ON j.id = a.job_id
            LEFT JOIN client_feedback_drafts d ON d.feedback_id = f.id
           WHERE f.application_id = p_application_id AND f.supersedes_id IS NULL;
        END $$;
      CREATE OR REPLACE FUNCTION score_facts_refresh_promises(p_application_id uuid) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM score_promise_facts WHERE application_id = p_application_id;
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
           WHERE p.application_id = p_application_id
             AND p.ended_how IS DISTINCT FROM 'superseded' AND p.kind <> 'offer_reply';
        END $$;
      CREATE OR REPLACE FUNCTION score_facts_refresh_rejections(p_application_id uuid) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM score_rejection_facts WHERE application_id = p_application_id;
          INSERT INTO score_rejection_facts (application_id, closed_at, recruiter_id, job_id, client_id, with_words)
          SELECT a.id, a.closed_at, a.recruiter_id, a.job_id, j.client_id,
                 EXISTS (SELECT 1 FROM feedback fr WHERE fr.application_id = a.id AND fr.decision = 'reject')
            FROM applications a
            JOIN jobs j ON j.id = a.job_id
           WHERE a.status = 'rejected' AND a.closed_at IS NOT NULL
             AND EXISTS (SELECT 1 FROM application_stages st WHERE st.application_id = a.id
                          AND (st.held_at IS NOT NULL OR st.ends_at <= a.closed_at))
             AND a.id = p_application_id;
        END $$;
      CREATE OR REPLACE FUNCTION score_facts_refresh(p_application_id uuid) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM score_facts_refresh_feedback(p_application_id);
          PERFORM score_facts_refresh_promises(p_application_id);
          PERFORM score_facts_refresh_rejections(p_application_id);
        END $$;
      CREATE FUNCTION score_facts_follow_promise() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM score_facts_refresh_promises(CASE WHEN TG_OP = 'DELETE' THEN OLD.application_id ELSE NEW.application_id END);
          RETURN NULL;
        END $$;
      DROP TRIGGER score_facts_promises ON application_promises;
      CREATE TRIGGER score_facts_promises AFTER INSERT OR DELETE OR UPDATE OF due_at, ended_at, ended_how, redatings, stage_id, kind
        ON application_promises FOR EACH ROW EXECUTE FUNCTION score_facts_follow_promise();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER score_facts_promises ON application_promises;
      CREATE TRIGGER score_facts_promises AFTER INSERT OR DELETE OR UPDATE OF due_at, ended_at, ended_how, redatings, stage_id, kind
        ON application_promises FOR EACH ROW EXECUTE FUNCTION score_facts_follow_application();
      DROP FUNCTION score_facts_follow_promise();
      CREATE OR REPLACE FUNCTION score_facts_refresh(p_application_id uuid) RETURNS void LANGUAGE plpgsql AS $$
        DECLARE
          c score_calendar;
        BEGIN
          SELECT * INTO c FROM score_calendar;
          DELETE FROM score_feedback_facts WHERE application_id = p_application_id;
          INSERT INTO score_feedback_facts (feedback_id, application_id, recorded_at, ended_at, recruiter_id, job_id,
                                            client_id, contact_id, calendar_version, working_days, week)
          SELECT f.id, f.application_id, f.recorded_at, coalesce(s.ends_at, s.held_at),
                 coalesce(s.recruiter_id, a.recruiter_id), a.job_id, j.client_id, d.contact_id, c.version,
                 CASE WHEN c.version IS NOT NULL AND coalesce(s.ends_at, s.held_at) IS NOT NULL
                      THEN score_working_days(coalesce(s.ends_at, s.held_at), f.recorded_at, c) END,
                 CASE WHEN c.version IS NOT NULL THEN date_trunc('week', f.recorded_at AT TIME ZONE c.time_zone)::date END
            FROM feedback f
            JOIN application_stages s ON s.id = f.stage_id
            JOIN applications a ON a.id = f.application_id
            JOIN jobs j ON j.id = a.job_id
            LEFT JOIN client_feedback_drafts d ON d.feedback_id = f.id
           WHERE f.application_id = p_application_id AND f.supersedes_id IS NULL;
          DELETE FROM score_promise_facts WHERE application_id = p_application_id;
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
           WHERE p.application_id = p_application_id
             AND p.ended_how IS DISTINCT FROM 'superseded' AND p.kind <> 'offer_reply';
          DELETE FROM score_rejection_facts WHERE application_id = p_application_id;
          INSERT INTO score_rejection_facts (application_id, closed_at, recruiter_id, job_id, client_id, with_words)
          SELECT a.id, a.closed_at, a.recruiter_id, a.job_id, j.client_id,
                 EXISTS (SELECT 1 FROM feedback fr WHERE fr.application_id = a.id AND fr.decision = 'reject')
            FROM applications a
            JOIN jobs j ON j.id = a.job_id
           WHERE a.status = 'rejected' AND a.closed_at IS NOT NULL
             AND EXISTS (SELECT 1 FROM application_stages st WHERE st.application_id = a.id
                          AND (st.held_at IS NOT NULL OR st.ends_at <= a.closed_at))
             AND a.id = p_application_id;
        END $$;
      DROP FUNCTION score_facts_refresh_feedback(uuid);
      DROP FUNCTION score_facts_refresh_promises(uuid);
      DROP FUNCTION score_facts_refresh_rejections(uuid);
    `);
  }
}
