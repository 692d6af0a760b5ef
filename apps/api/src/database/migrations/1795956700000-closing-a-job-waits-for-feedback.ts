import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rule 1 for a job's closing: an application closed with its job (`job_closed`) leaves its stages as
 * surely as one rejected, so the database refuses it too while a stage that took place has no feedback.
 * Before, closing a job ended the wait for an interview's feedback: the candidate heard that the job had
 * closed, never how their interview went, and the stage left the recruiters' queue for good.
 * (`withdrawn` stays out: the candidate chose to leave, and must never be held by the agency's debt.)
 */
export class ClosingAJobWaitsForFeedback1795956700000 implements MigrationInterface {
  name = 'ClosingAJobWaitsForFeedback1795956700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER applications_stage_feedback_required ON applications;
      CREATE TRIGGER applications_stage_feedback_required BEFORE UPDATE ON applications
        FOR EACH ROW
        WHEN (NEW.current_stage_id IS DISTINCT FROM OLD.current_stage_id
              OR (NEW.status IS DISTINCT FROM OLD.status AND NEW.status IN ('offer', 'hired', 'rejected', 'job_closed')))
        EXECUTE FUNCTION applications_require_stage_feedback();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER applications_stage_feedback_required ON applications;
      CREATE TRIGGER applications_stage_feedback_required BEFORE UPDATE ON applications
        FOR EACH ROW
        WHEN (NEW.current_stage_id IS DISTINCT FROM OLD.current_stage_id
              OR (NEW.status IS DISTINCT FROM OLD.status AND NEW.status IN ('offer', 'hired', 'rejected')))
        EXECUTE FUNCTION applications_require_stage_feedback();
    `);
  }
}
