import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The client interviewers of each application, stored narrow for the score (issue 13 item 4, ADR
 * 0044). Silence, satisfaction and rejections by client interviewer count an application once for
 * each contact whose draft for it was published; they ran `SELECT DISTINCT application_id,
 * contact_id` over every published draft on every request, whatever the period. Now
 * `score_interviewer_applications` holds each (application, contact) pair once, with how many
 * published drafts make it (so a draft published, moved or removed adds or takes one, and the pair
 * goes with its last draft), kept by row triggers in the writer's transaction. Increments are
 * upserts and decrements update (taking the row's lock) and then delete a count of zero, so concurrent writers of one application cannot lose a
 * pair. A derived table: no foreign keys (drafts go with their application by cascade, and these
 * rows with them through the same triggers).
 */
export class StoreScoreInterviewers1795941600000 implements MigrationInterface {
  name = 'StoreScoreInterviewers1795941600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE score_interviewer_applications (
        application_id uuid NOT NULL,
        contact_id uuid NOT NULL,
        drafts integer NOT NULL CONSTRAINT score_interviewer_applications_drafts_counted CHECK (drafts >= 0),
        PRIMARY KEY (application_id, contact_id)
      );
      COMMENT ON TABLE score_interviewer_applications IS
        'Each application and client contact with a published draft for it, and how many, kept by triggers (ADR 0044).';

      -- One published draft more or less for (application, contact).
      CREATE FUNCTION score_interviewers_count(p_application_id uuid, p_contact_id uuid, p_by integer)
        RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          IF p_by > 0 THEN
            INSERT INTO score_interviewer_applications (application_id, contact_id, drafts)
            VALUES (p_application_id, p_contact_id, p_by)
            ON CONFLICT (application_id, contact_id)
              DO UPDATE SET drafts = score_interviewer_applications.drafts + p_by;
          ELSE
            -- The update takes the row's lock, so a concurrent writer of the pair waits and sees the count.
            UPDATE score_interviewer_applications SET drafts = drafts + p_by
             WHERE application_id = p_application_id AND contact_id = p_contact_id;
            DELETE FROM score_interviewer_applications
             WHERE application_id = p_application_id AND contact_id = p_contact_id AND drafts = 0;
          END IF;
        END $$;

      CREATE FUNCTION score_interviewers_follow_draft() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.feedback_id IS NOT NULL THEN
            PERFORM score_interviewers_count(OLD.application_id, OLD.contact_id, -1);
          END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.feedback_id IS NOT NULL THEN
            PERFORM score_interviewers_count(NEW.application_id, NEW.contact_id, 1);
          END IF;
          RETURN NULL;
        END $$;

      CREATE TRIGGER score_interviewers_drafts_added AFTER INSERT ON client_feedback_drafts
        FOR EACH ROW WHEN (NEW.feedback_id IS NOT NULL) EXECUTE FUNCTION score_interviewers_follow_draft();
      CREATE TRIGGER score_interviewers_drafts_changed AFTER UPDATE OF feedback_id, contact_id, application_id
        ON client_feedback_drafts
        FOR EACH ROW WHEN ((OLD.feedback_id IS NULL) IS DISTINCT FROM (NEW.feedback_id IS NULL)
                           OR (NEW.feedback_id IS NOT NULL AND (OLD.contact_id IS DISTINCT FROM NEW.contact_id
                                                                OR OLD.application_id IS DISTINCT FROM NEW.application_id)))
        EXECUTE FUNCTION score_interviewers_follow_draft();
      CREATE TRIGGER score_interviewers_drafts_removed AFTER DELETE ON client_feedback_drafts
        FOR EACH ROW WHEN (OLD.feedback_id IS NOT NULL) EXECUTE FUNCTION score_interviewers_follow_draft();

      INSERT INTO score_interviewer_applications (application_id, contact_id, drafts)
      SELECT application_id, contact_id, count(*) FROM client_feedback_drafts
       WHERE feedback_id IS NOT NULL GROUP BY application_id, contact_id;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER score_interviewers_drafts_removed ON client_feedback_drafts;
      DROP TRIGGER score_interviewers_drafts_changed ON client_feedback_drafts;
      DROP TRIGGER score_interviewers_drafts_added ON client_feedback_drafts;
      DROP FUNCTION score_interviewers_follow_draft();
      DROP FUNCTION score_interviewers_count(uuid, uuid, integer);
      DROP TABLE score_interviewer_applications;
    `);
  }
}
