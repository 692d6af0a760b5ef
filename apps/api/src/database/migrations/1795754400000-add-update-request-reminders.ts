import { MigrationInterface, QueryRunner } from 'typeorm';

/** A request for an update not answered by its deadline chases the recruiter, once. */
export class AddUpdateRequestReminders1795754400000 implements MigrationInterface {
  name = 'AddUpdateRequestReminders1795754400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE candidate_updates ADD COLUMN overdue_reminded_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE candidate_updates DROP COLUMN overdue_reminded_at`);
  }
}
