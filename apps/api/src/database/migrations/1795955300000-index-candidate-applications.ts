import { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `('applied', 'screening', 'interviewing', 'offer')`;

/**
 * The candidate's own list (GET /api/me/applications) pages open applications first, then closed
 * ones, each newest applied first (ADR 0048). One partial index per half hands out its keys in that
 * order from a cursor and stops at the page's end; each also counts its half index only, for the
 * list's totals. The predicates are written as `openApplicationSql` / `closedApplicationSql` write
 * them, so the planner sees that a query's condition is theirs.
 */
export class IndexCandidateApplications1795955300000 implements MigrationInterface {
  name = 'IndexCandidateApplications1795955300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX applications_candidate_open_idx ON applications (candidate_id, created_at DESC, id DESC) WHERE status IN ${OPEN}`,
    );
    await queryRunner.query(
      `CREATE INDEX applications_candidate_closed_idx ON applications (candidate_id, created_at DESC, id DESC) WHERE status NOT IN ${OPEN}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX applications_candidate_closed_idx`);
    await queryRunner.query(`DROP INDEX applications_candidate_open_idx`);
  }
}
