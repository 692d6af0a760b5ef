import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agency job list, the feedback queue and escalations are paged (issue 12, item 1; ADR 0026).
 *
 * - jobs_agency_list_idx: the job list reads each wanted status newest first and stops at a page;
 *   the total is an index-only count per status.
 * - applications_open_idx: the open applications only (`closed_at IS NULL` is exactly an open
 *   status, by applications_closed_when_not_open): a job's are counted for the jobs of one page,
 *   and the queues join the stages to it without reading every application ever made.
 * - application_stages_awaiting_feedback_idx: the stages that can still be waiting for feedback
 *   (scheduled or awaiting it, or marked held by a data fix while pending or skipped: the feedback
 *   rule holds those too), in the queue's own order with the nulls folded into ±infinity; the
 *   feedback queue and escalations walk it and stop at a page, instead of every stage ever held;
 *   it carries what the filters read, so their totals are counted from the index alone.
 */
export class PageAgencyLists1795855200000 implements MigrationInterface {
  name = 'PageAgencyLists1795855200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX jobs_agency_list_idx ON jobs (status, created_at DESC, id DESC);
      CREATE INDEX applications_open_idx ON applications (job_id, id) INCLUDE (recruiter_id, version, candidate_id)
        WHERE closed_at IS NULL;
      CREATE INDEX application_stages_awaiting_feedback_idx ON application_stages (
        (coalesce(feedback_due_at, '-infinity'::timestamptz)),
        (coalesce(ends_at, 'infinity'::timestamptz)),
        id
      ) INCLUDE (application_id, held_at, ends_at, feedback_due_at, recruiter_id)
        WHERE state IN ('scheduled', 'awaiting_feedback') OR (held_at IS NOT NULL AND state IN ('pending', 'skipped'));
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX application_stages_awaiting_feedback_idx;
      DROP INDEX applications_open_idx;
      DROP INDEX jobs_agency_list_idx;
    `);
  }
}
