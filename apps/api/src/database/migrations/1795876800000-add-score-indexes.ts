import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Heardback score (issue 13 item 4, ADR 0033) reads each figure's facts by the date that puts
 * them in a period, so every scan is a range on one index that also carries what the figure groups by:
 *
 * - time to feedback: a stage's first feedback (the original, not a correction) by when it was recorded;
 * - the client interviewer who gave it: a published draft by the feedback it became (unique: one
 *   feedback comes from at most one draft, which lets one grouped scan count each feedback once);
 * - promises by the date they fell due, with how they ended;
 * - rejections by when the application closed.
 *
 * Open applications' silences already have `applications_open_last_heard_idx`, and satisfaction
 * answers `satisfaction_responses_answered_idx`.
 */
export class AddScoreIndexes1795876800000 implements MigrationInterface {
  name = 'AddScoreIndexes1795876800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX feedback_original_recorded_idx ON feedback (recorded_at)
        INCLUDE (stage_id, application_id, decision) WHERE supersedes_id IS NULL;
      CREATE UNIQUE INDEX client_feedback_drafts_feedback_idx ON client_feedback_drafts (feedback_id)
        INCLUDE (contact_id) WHERE feedback_id IS NOT NULL;
      CREATE INDEX application_promises_due_idx ON application_promises (due_at)
        INCLUDE (application_id, stage_id, ended_at, ended_how, redatings);
      CREATE INDEX applications_rejected_closed_idx ON applications (closed_at)
        INCLUDE (job_id, recruiter_id) WHERE status = 'rejected';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX applications_rejected_closed_idx;
      DROP INDEX application_promises_due_idx;
      DROP INDEX client_feedback_drafts_feedback_idx;
      DROP INDEX feedback_original_recorded_idx;
    `);
  }
}
