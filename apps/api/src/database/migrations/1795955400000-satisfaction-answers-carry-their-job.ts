import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A closing answer carries its application's job (ADR 0052), as the score's facts do: the score by job
 * or by client reads the year's answers by their own index and groups them, instead of joining every
 * application for its job (0.45 s of a year's job table at a million applications). The database
 * fills it from the application on every insert, so no writer can get it wrong, and moves it with the
 * application should its job ever change.
 */
export class SatisfactionAnswersCarryTheirJob1795955400000 implements MigrationInterface {
  name = 'SatisfactionAnswersCarryTheirJob1795955400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE satisfaction_responses ADD COLUMN job_id uuid;
      UPDATE satisfaction_responses r SET job_id = a.job_id FROM applications a WHERE a.id = r.application_id;
      ALTER TABLE satisfaction_responses ALTER COLUMN job_id SET NOT NULL;

      CREATE FUNCTION satisfaction_response_job() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.job_id := (SELECT job_id FROM applications WHERE id = NEW.application_id);
          RETURN NEW;
        END $$;
      CREATE TRIGGER satisfaction_response_job BEFORE INSERT OR UPDATE OF application_id, job_id
        ON satisfaction_responses FOR EACH ROW EXECUTE FUNCTION satisfaction_response_job();

      CREATE FUNCTION satisfaction_responses_follow_job() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE satisfaction_responses SET job_id = NEW.job_id WHERE application_id = NEW.id;
          RETURN NULL;
        END $$;
      CREATE TRIGGER satisfaction_responses_follow_job AFTER UPDATE OF job_id ON applications
        FOR EACH ROW WHEN (OLD.job_id IS DISTINCT FROM NEW.job_id)
        EXECUTE FUNCTION satisfaction_responses_follow_job();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER satisfaction_responses_follow_job ON applications;
      DROP FUNCTION satisfaction_responses_follow_job();
      DROP TRIGGER satisfaction_response_job ON satisfaction_responses;
      DROP FUNCTION satisfaction_response_job();
      ALTER TABLE satisfaction_responses DROP COLUMN job_id;
    `);
  }
}
