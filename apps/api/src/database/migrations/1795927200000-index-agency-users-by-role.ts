import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who to remind or escalate to (`agencyPeople()`, the agency leads) is read by role, sorted by email:
 * by every deadline sweep, by each client's feedback on a review link and by each answer to an offer.
 * No index led with the role, so each read scanned every user, candidates included (issue 12;
 * ADR 0043, docs/explain-at-scale.md). This one holds only agency users, a few hundred rows; the
 * planner uses it for `role = ANY('{recruiter,staff}')` and `role = 'staff'` because the API's
 * statements are planned with their parameters.
 * Ending a stage's open answer promise (promise-keeper.ts, on a reschedule or recorded feedback)
 * read every promise for want of an index on `stage_id`: the second holds only open promises.
 */
export class IndexAgencyUsersByRole1795927200000 implements MigrationInterface {
  name = 'IndexAgencyUsersByRole1795927200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX users_agency_by_role_idx ON users (role, email) WHERE role <> 'candidate'`);
    await queryRunner.query(
      `CREATE INDEX application_promises_open_by_stage_idx ON application_promises (stage_id) WHERE ended_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX application_promises_open_by_stage_idx`);
    await queryRunner.query(`DROP INDEX users_agency_by_role_idx`);
  }
}
