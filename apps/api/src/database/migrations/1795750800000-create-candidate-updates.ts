import { MigrationInterface, QueryRunner } from 'typeorm';

/** Candidate updates and decision dates (rule 3: nobody waits in silence), and closing a job with words for everyone on it. */
export class CreateCandidateUpdates1795750800000 implements MigrationInterface {
  name = 'CreateCandidateUpdates1795750800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE applications ADD COLUMN candidate_decision_at timestamptz;
      -- Closing a job must carry words to every open application on it, like a rejection.
      ALTER TABLE applications ADD CONSTRAINT applications_job_closed_has_message
        CHECK (status <> 'job_closed' OR btrim(coalesce(rejection_message, '')) <> '');

      CREATE TABLE candidate_updates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id),
        kind text NOT NULL,
        text text NOT NULL,
        deadline timestamptz,
        answer_due_at timestamptz,
        answered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT candidate_updates_kind_known CHECK (kind IN ('other_offer', 'availability', 'note', 'request_update')),
        CONSTRAINT candidate_updates_text_present CHECK (btrim(text) <> ''),
        CONSTRAINT candidate_updates_request_has_due CHECK (kind <> 'request_update' OR answer_due_at IS NOT NULL)
      );
      CREATE INDEX candidate_updates_application_idx ON candidate_updates (application_id, created_at DESC);
      CREATE INDEX candidate_updates_open_requests_idx ON candidate_updates (answer_due_at)
        WHERE kind = 'request_update' AND answered_at IS NULL;

      CREATE TABLE application_alerts (
        application_id uuid NOT NULL REFERENCES applications (id),
        kind text NOT NULL,
        due_at timestamptz NOT NULL,
        fired_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (application_id, kind, due_at),
        CONSTRAINT application_alerts_kind_known CHECK (kind IN ('decision_date_passed'))
      );

      CREATE TABLE job_closures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        job_id uuid NOT NULL REFERENCES jobs (id),
        outcome text NOT NULL,
        candidate_message text NOT NULL,
        status text NOT NULL DEFAULT 'queued',
        total integer NOT NULL,
        done integer NOT NULL DEFAULT 0,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CONSTRAINT job_closures_outcome_known CHECK (outcome IN ('closed', 'filled')),
        CONSTRAINT job_closures_status_known CHECK (status IN ('queued', 'running', 'done')),
        CONSTRAINT job_closures_message_present CHECK (btrim(candidate_message) <> ''),
        CONSTRAINT job_closures_one_per_job UNIQUE (job_id)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE job_closures;
      DROP TABLE application_alerts;
      DROP TABLE candidate_updates;
      ALTER TABLE applications DROP CONSTRAINT applications_job_closed_has_message;
      ALTER TABLE applications DROP COLUMN candidate_decision_at;
    `);
  }
}
