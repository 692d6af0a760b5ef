import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recruiters find people (issue 10, item 4; ADR 0021).
 *
 * Search matches part of a candidate's name or email, a job title or a client's name (`ILIKE
 * '%…%'`): trigram GIN indexes (pg_trgm) answer that on each of those columns, and each match is
 * joined to its applications newest first by an index led by the candidate or the job.
 *
 * "New applications" are those nobody has screened (`applied`): a partial index holds only them,
 * oldest first, so the list and its count read only the few waiting, however many there are in all;
 * a second one leads by the recruiter whose work they are, for "mine".
 *
 * A recruiter is emailed when an application arrives on their work: the `application_arrived` kind.
 */
export class AddApplicationFinding1795819200000 implements MigrationInterface {
  name = 'AddApplicationFinding1795819200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;

      CREATE INDEX users_full_name_trgm_idx ON users USING gin (full_name gin_trgm_ops);
      CREATE INDEX users_email_trgm_idx ON users USING gin (email gin_trgm_ops);
      CREATE INDEX jobs_title_trgm_idx ON jobs USING gin (title gin_trgm_ops);
      CREATE INDEX clients_name_trgm_idx ON clients USING gin (name gin_trgm_ops);

      -- A matched job's applications newest first (a matched candidate's: applications_candidate_idx),
      -- and every application newest first, for a word so common that walking the newest is quickest.
      CREATE INDEX applications_job_newest_idx ON applications (job_id, created_at DESC, id DESC);
      CREATE INDEX applications_newest_idx ON applications (created_at DESC, id DESC);

      CREATE INDEX applications_unscreened_idx ON applications (created_at, id) WHERE status = 'applied';
      CREATE INDEX applications_unscreened_by_recruiter_idx ON applications (recruiter_id, created_at, id)
        WHERE status = 'applied';

      ALTER TABLE notifications
        DROP CONSTRAINT notifications_kind_known,
        ADD CONSTRAINT notifications_kind_known CHECK (kind IN (
          'candidate_update', 'feedback_reminder', 'escalation', 'email_verification', 'account_security', 'work_assigned',
          'agency_digest', 'candidate_left', 'retention_notice', 'offer_answered', 'application_arrived'));
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      -- The nearest kind that remains: news about the recruiter's work.
      UPDATE notifications SET kind = 'work_assigned' WHERE kind = 'application_arrived';
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_kind_known,
        ADD CONSTRAINT notifications_kind_known CHECK (kind IN (
          'candidate_update', 'feedback_reminder', 'escalation', 'email_verification', 'account_security', 'work_assigned',
          'agency_digest', 'candidate_left', 'retention_notice', 'offer_answered'));

      DROP INDEX applications_unscreened_by_recruiter_idx;
      DROP INDEX applications_unscreened_idx;
      DROP INDEX applications_newest_idx;
      DROP INDEX applications_job_newest_idx;
      DROP INDEX clients_name_trgm_idx;
      DROP INDEX jobs_title_trgm_idx;
      DROP INDEX users_email_trgm_idx;
      DROP INDEX users_full_name_trgm_idx;
      DROP EXTENSION IF EXISTS pg_trgm;
    `);
  }
}
