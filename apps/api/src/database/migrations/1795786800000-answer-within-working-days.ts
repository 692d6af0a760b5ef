import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A job promises "an answer within N working days of each interview" (issue 9, item 1; ADR 0012)
 * instead of a feedback deadline in working hours, which everyone read as calendar days. Existing
 * jobs keep about the same promise: 8 working hours make a working day, rounded up, within 1–20.
 * The column is renamed rather than added and dropped, so it keeps its place and down() restores
 * the table exactly; going down, N working days become N × 8 working hours.
 */
export class AnswerWithinWorkingDays1795786800000 implements MigrationInterface {
  name = 'AnswerWithinWorkingDays1795786800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      -- No default from here on: the API writes the agency's default, which lives in libs/contracts.
      ALTER TABLE jobs
        DROP CONSTRAINT jobs_feedback_deadline_range,
        ALTER COLUMN feedback_deadline_hours DROP DEFAULT;
      ALTER TABLE jobs RENAME COLUMN feedback_deadline_hours TO answer_within_working_days;
      UPDATE jobs SET answer_within_working_days = LEAST(20, GREATEST(1, ceil(answer_within_working_days / 8.0)::integer));
      ALTER TABLE jobs
        ADD CONSTRAINT jobs_answer_within_working_days_range CHECK (answer_within_working_days BETWEEN 1 AND 20);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE jobs DROP CONSTRAINT jobs_answer_within_working_days_range;
      ALTER TABLE jobs RENAME COLUMN answer_within_working_days TO feedback_deadline_hours;
      UPDATE jobs SET feedback_deadline_hours = feedback_deadline_hours * 8;
      ALTER TABLE jobs
        ALTER COLUMN feedback_deadline_hours SET DEFAULT 48,
        ADD CONSTRAINT jobs_feedback_deadline_range CHECK (feedback_deadline_hours BETWEEN 1 AND 720);
    `);
  }
}
