import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ownership that can move, and an escalation ladder with a second level (issue 9, item 5; ADR 0015).
 *
 * An application has a recruiter (set from the job's owner when the candidate applies, existing
 * rows backfilled from it), and a stage may be given to someone else (null: the application's).
 * `stage_owner(application, stage)` is the one home of "whose work is this"; every query that
 * reminds, chases or escalates asks it. Work can only be given to an active recruiter or staff
 * member (`work_owner_is_active_agency_user`). An escalation remembers whom it named, so the second
 * level (to the agency leads) fires only while the work still sits with that person.
 */
export class AddWorkReassignment1795797600000 implements MigrationInterface {
  name = 'AddWorkReassignment1795797600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN is_agency_lead boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT users_agency_lead_is_staff CHECK (NOT is_agency_lead OR role = 'staff');

      ALTER TABLE applications ADD COLUMN recruiter_id uuid REFERENCES users(id);
      UPDATE applications a SET recruiter_id = j.owner_id FROM jobs j WHERE j.id = a.job_id;
      ALTER TABLE application_stages ADD COLUMN recruiter_id uuid REFERENCES users(id);
      CREATE INDEX applications_recruiter_idx ON applications (recruiter_id) WHERE recruiter_id IS NOT NULL;
      CREATE INDEX application_stages_recruiter_idx ON application_stages (recruiter_id) WHERE recruiter_id IS NOT NULL;

      -- Whose work a stage is: its own recruiter, else its application's. With a null stage: the application's.
      CREATE FUNCTION stage_owner(p_application_id uuid, p_stage_id uuid) RETURNS uuid
        LANGUAGE sql STABLE AS $$
          SELECT coalesce(s.recruiter_id, a.recruiter_id)
            FROM applications a
            LEFT JOIN application_stages s ON s.id = p_stage_id AND s.application_id = a.id
           WHERE a.id = p_application_id
        $$;

      -- A new application takes the job's owner (if they can still own work); any recruiter set or
      -- changed must be an active recruiter or staff member.
      CREATE FUNCTION work_owner_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_TABLE_NAME = 'applications' AND TG_OP = 'INSERT' AND NEW.recruiter_id IS NULL THEN
            SELECT u.id INTO NEW.recruiter_id
              FROM jobs j JOIN users u ON u.id = j.owner_id
             WHERE j.id = NEW.job_id AND u.role IN ('recruiter', 'staff') AND u.disabled_at IS NULL;
            RETURN NEW;
          END IF;
          IF NEW.recruiter_id IS NOT NULL
             AND (TG_OP = 'INSERT' OR NEW.recruiter_id IS DISTINCT FROM OLD.recruiter_id)
             AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.recruiter_id
                                AND u.role IN ('recruiter', 'staff') AND u.disabled_at IS NULL) THEN
            RAISE EXCEPTION 'work can be given only to an active recruiter or staff member'
              USING ERRCODE = 'check_violation', CONSTRAINT = 'work_owner_is_active_agency_user';
          END IF;
          RETURN NEW;
        END $$;
      CREATE TRIGGER applications_recruiter_guard BEFORE INSERT OR UPDATE OF recruiter_id ON applications
        FOR EACH ROW EXECUTE FUNCTION work_owner_guard();
      CREATE TRIGGER application_stages_recruiter_guard BEFORE INSERT OR UPDATE OF recruiter_id ON application_stages
        FOR EACH ROW EXECUTE FUNCTION work_owner_guard();

      ALTER TABLE deadline_alerts ADD COLUMN owner_id uuid REFERENCES users(id);
      UPDATE deadline_alerts d SET owner_id = stage_owner(s.application_id, s.id)
        FROM application_stages s WHERE s.id = d.stage_id;
      ALTER TABLE deadline_alerts
        DROP CONSTRAINT deadline_alerts_kind_known,
        ADD CONSTRAINT deadline_alerts_kind_known
          CHECK (kind IN ('reminder_before_due', 'reminder_at_due', 'escalation', 'second_escalation'));

      ALTER TABLE notifications
        DROP CONSTRAINT notifications_kind_known,
        ADD CONSTRAINT notifications_kind_known CHECK (kind IN ('candidate_update', 'feedback_reminder', 'escalation',
          'email_verification', 'account_security', 'work_assigned'));
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE notifications SET kind = 'feedback_reminder' WHERE kind = 'work_assigned';
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_kind_known,
        ADD CONSTRAINT notifications_kind_known CHECK (kind = ANY (ARRAY['candidate_update'::text, 'feedback_reminder'::text,
          'escalation'::text, 'email_verification'::text, 'account_security'::text]));

      DELETE FROM deadline_alerts WHERE kind = 'second_escalation';
      ALTER TABLE deadline_alerts
        DROP CONSTRAINT deadline_alerts_kind_known,
        ADD CONSTRAINT deadline_alerts_kind_known
          CHECK (kind = ANY (ARRAY['reminder_before_due'::text, 'reminder_at_due'::text, 'escalation'::text]));
      ALTER TABLE deadline_alerts DROP COLUMN owner_id;

      DROP TRIGGER application_stages_recruiter_guard ON application_stages;
      DROP TRIGGER applications_recruiter_guard ON applications;
      DROP FUNCTION work_owner_guard();
      DROP FUNCTION stage_owner(uuid, uuid);
      DROP INDEX application_stages_recruiter_idx;
      DROP INDEX applications_recruiter_idx;
      ALTER TABLE application_stages DROP COLUMN recruiter_id;
      ALTER TABLE applications DROP COLUMN recruiter_id;

      ALTER TABLE users DROP COLUMN is_agency_lead;
    `);
  }
}
