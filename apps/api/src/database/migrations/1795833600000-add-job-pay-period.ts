import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14, item 1: a job's pay range is per year, day or hour, so a day rate never reads as a
 * yearly salary. Every job that exists was entered as a yearly range, so they keep 'year'.
 */
export class AddJobPayPeriod1795833600000 implements MigrationInterface {
  name = 'AddJobPayPeriod1795833600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE jobs
        ADD COLUMN pay_period text NOT NULL DEFAULT 'year'
          CONSTRAINT jobs_pay_period_known CHECK (pay_period IN ('year', 'day', 'hour'))
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE jobs DROP COLUMN pay_period`);
  }
}
