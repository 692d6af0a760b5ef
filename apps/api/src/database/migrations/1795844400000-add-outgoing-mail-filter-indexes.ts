import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff filter outgoing mail by status, kind, application and a fragment of the recipient
 * (issue 14, item 3). Status and kind each lead an index in the list's order, so a filtered page
 * reads only its rows; the application already has notifications_application_idx; a fragment
 * matched anywhere in the address (`ILIKE '%…%'`) needs a trigram index (pg_trgm, added with the
 * application finding), and a name is found through users_full_name_trgm_idx.
 */
export class AddOutgoingMailFilterIndexes1795844400000 implements MigrationInterface {
  name = 'AddOutgoingMailFilterIndexes1795844400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX notifications_status_created_idx ON notifications (status, created_at DESC, id DESC);
      CREATE INDEX notifications_kind_created_idx ON notifications (kind, created_at DESC, id DESC);
      CREATE INDEX notifications_recipient_email_trgm_idx ON notifications USING gin (recipient_email gin_trgm_ops);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX notifications_recipient_email_trgm_idx;
      DROP INDEX notifications_kind_created_idx;
      DROP INDEX notifications_status_created_idx;
    `);
  }
}
