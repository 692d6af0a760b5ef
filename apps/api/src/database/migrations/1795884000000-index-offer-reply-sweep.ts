import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The offer-reply sweep reads, every minute, the applications at the offer stage whose reply-by date
 * has passed. Without an index it read every application (3.2 s at 300k applications); this one
 * holds only applications at the offer stage, which are few (issue 12; tools/bench/explain-queues.sql).
 */
export class IndexOfferReplySweep1795884000000 implements MigrationInterface {
  name = 'IndexOfferReplySweep1795884000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX applications_offer_reply_by_idx ON applications (offer_reply_by) WHERE status = 'offer'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX applications_offer_reply_by_idx`);
  }
}
