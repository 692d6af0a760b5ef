import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The list of agency accounts (GET /api/users: the staff users page and every people picker) was the
 * last agency list read whole: on the 1M bench dataset its 1,010 recruiters and staff came as one list
 * of about 180 kB (issue 12, item 1). It is now paged by name in any case, then id
 * (agency-user-list.ts). This index holds only agency users, in that order, so a page is an index scan
 * that stops after the page, however many candidates the table holds; the list's `u.role <> 'candidate'`
 * is written as this predicate is, for the planner to match the two.
 */
export class IndexAgencyUsersByName1795955900000 implements MigrationInterface {
  name = 'IndexAgencyUsersByName1795955900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX users_agency_by_name_idx ON users (lower(full_name), id) WHERE role <> 'candidate'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX users_agency_by_name_idx`);
  }
}
