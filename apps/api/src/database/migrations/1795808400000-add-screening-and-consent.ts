import { MigrationInterface, QueryRunner } from 'typeorm';

/** Version 1 of the privacy notice, in force until staff publish another (docs/adr/0018). */
const FIRST_NOTICE = `Who we are
Heardback is a recruitment agency. We find people for jobs at our clients, hiring companies in the United Kingdom, Germany, Spain, the Netherlands, Belgium and Denmark. For your data we are the controller: you can reach us through this portal or by replying to any email we send you.

What we hold about you
Your name, email address and password (stored only as a one-way hash); the details you add to your profile; each application you make, with your answers to the job's questions and any documents you send; what happens to each application (interviews, feedback, decisions, the messages we send you and the ones you send us); and a record of each consent you give, with the version of this notice and the time.

Why we hold it
To consider you for the jobs you apply to, to keep you told where you stand and by when you will hear back, and to meet our legal duties. The legal basis is your consent, given when you apply, and the steps you ask us to take before a possible contract of employment. If you also choose "Consider me for other jobs", we may contact you about other jobs; that consent is separate and optional.

Who sees it
Our recruiters and staff. For each job you apply to, the client hiring for that job sees your application and the people at the client who interview you give us their feedback. Nobody else, and we never sell your data. Our service providers (hosting and email) process it only on our instructions, within the UK and the EU.

How long we keep it
While an application is open, and for 12 months after it closes. Then we erase it, after telling you by email 30 days before. Your account stays until you erase it.

Your rights
You may see and export everything we hold about you ("Your data"), correct it, and erase your account and everything in it at any time. You may withdraw your consent at any time: withdraw an application to withdraw the consent given for it, and turn off "Consider me for other jobs" on your profile. Withdrawing does not make what we did before unlawful. You may also complain to your data protection authority, in the UK the Information Commissioner's Office.`;

/**
 * Issue 10, items 2, 5 and 8 (docs/adr/0018). Screening questions live on the job as one jsonb array
 * (edited and read as a whole, never queried one by one); the answers are a snapshot on the
 * application, prompt and answer in words, so a later edit of the job changes nothing anyone
 * answered. The privacy notice is versioned and append-only; consents record the version and time.
 * A withdrawn candidate may apply again: the one-per-candidate-per-job unique becomes partial over
 * applications that are not withdrawn, and the new application links to the one it follows.
 */
export class AddScreeningAndConsent1795808400000 implements MigrationInterface {
  name = 'AddScreeningAndConsent1795808400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE jobs
        ADD COLUMN screening_questions jsonb NOT NULL DEFAULT '[]',
        ADD CONSTRAINT jobs_screening_questions_at_most_ten
          CHECK (jsonb_typeof(screening_questions) = 'array' AND jsonb_array_length(screening_questions) <= 10);

      ALTER TABLE applications
        ADD COLUMN screening_answers jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN previous_application_id uuid,
        ADD CONSTRAINT applications_screening_answers_list
          CHECK (jsonb_typeof(screening_answers) = 'array' AND jsonb_array_length(screening_answers) <= 10),
        ADD CONSTRAINT applications_previous_fk FOREIGN KEY (previous_application_id) REFERENCES applications (id),
        ADD CONSTRAINT applications_previous_not_self CHECK (previous_application_id <> id),
        DROP CONSTRAINT applications_one_per_candidate_per_job;
      CREATE UNIQUE INDEX applications_one_open_per_candidate_per_job
        ON applications (job_id, candidate_id) WHERE status <> 'withdrawn';
      -- Serves what the dropped unique index served (by job) and the newest application of a candidate to a job.
      CREATE INDEX applications_job_candidate_idx ON applications (job_id, candidate_id, created_at DESC);
      CREATE UNIQUE INDEX applications_followed_once ON applications (previous_application_id)
        WHERE previous_application_id IS NOT NULL;

      CREATE TABLE privacy_notices (
        version integer PRIMARY KEY,
        text text NOT NULL,
        published_at timestamptz NOT NULL,
        published_by uuid,
        CONSTRAINT privacy_notices_version_positive CHECK (version >= 1),
        CONSTRAINT privacy_notices_text_present CHECK (btrim(text) <> '' AND char_length(text) <= 20000),
        CONSTRAINT privacy_notices_published_by_fk FOREIGN KEY (published_by) REFERENCES users (id)
      );
      CREATE FUNCTION privacy_notices_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a privacy notice is never edited or removed: publish a new version instead'
          USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'privacy_notices_append_only';
      END $$;
      CREATE TRIGGER privacy_notices_append_only BEFORE UPDATE OR DELETE ON privacy_notices
        FOR EACH ROW EXECUTE FUNCTION privacy_notices_refuse_change();
      INSERT INTO privacy_notices (version, text, published_at, published_by) VALUES (1, $notice$${FIRST_NOTICE}$notice$, now(), NULL);

      CREATE TABLE consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        candidate_id uuid NOT NULL,
        kind text NOT NULL,
        notice_version integer NOT NULL,
        application_id uuid,
        given_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        CONSTRAINT consents_candidate_fk FOREIGN KEY (candidate_id) REFERENCES users (id),
        CONSTRAINT consents_notice_fk FOREIGN KEY (notice_version) REFERENCES privacy_notices (version),
        CONSTRAINT consents_application_fk FOREIGN KEY (application_id) REFERENCES applications (id),
        CONSTRAINT consents_kind_known CHECK (kind IN ('application', 'talent_pool')),
        CONSTRAINT consents_application_only_for_application CHECK ((kind = 'application') = (application_id IS NOT NULL)),
        CONSTRAINT consents_withdrawn_after_given CHECK (withdrawn_at IS NULL OR withdrawn_at >= given_at)
      );
      CREATE UNIQUE INDEX consents_one_per_application ON consents (application_id) WHERE kind = 'application';
      CREATE UNIQUE INDEX consents_one_standing_talent_pool ON consents (candidate_id)
        WHERE kind = 'talent_pool' AND withdrawn_at IS NULL;
      CREATE INDEX consents_candidate_idx ON consents (candidate_id, given_at DESC);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE consents;
      DROP TABLE privacy_notices;
      DROP FUNCTION privacy_notices_refuse_change();

      -- The old one-per-job rule cannot hold a re-application; nothing is deleted to make it fit.
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM applications WHERE previous_application_id IS NOT NULL) THEN
          RAISE EXCEPTION 'candidates have applied again after withdrawing: this migration cannot be undone';
        END IF;
      END $$;
      DROP INDEX applications_followed_once;
      DROP INDEX applications_job_candidate_idx;
      DROP INDEX applications_one_open_per_candidate_per_job;
      ALTER TABLE applications
        ADD CONSTRAINT applications_one_per_candidate_per_job UNIQUE (job_id, candidate_id),
        DROP CONSTRAINT applications_previous_not_self,
        DROP CONSTRAINT applications_previous_fk,
        DROP CONSTRAINT applications_screening_answers_list,
        DROP COLUMN previous_application_id,
        DROP COLUMN screening_answers;

      ALTER TABLE jobs
        DROP CONSTRAINT jobs_screening_questions_at_most_ten,
        DROP COLUMN screening_questions;
    `);
  }
}
