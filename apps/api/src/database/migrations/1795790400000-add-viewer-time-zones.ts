import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One time zone per viewer (issue 9, item 7). A person's own zone (an IANA name the API checks)
 * decides how every time is written to them; without one, emails use the agency's zone. An event
 * that places or moves an interview keeps the slot as instants, so each reader sees it in their own
 * zone, instead of the time written once into the text in the agency's zone.
 */
export class AddViewerTimeZones1795790400000 implements MigrationInterface {
  name = 'AddViewerTimeZones1795790400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN time_zone text,
        ADD CONSTRAINT users_time_zone_length CHECK (char_length(time_zone) BETWEEN 1 AND 64);
      ALTER TABLE timeline_events
        ADD COLUMN interview_starts_at timestamptz,
        ADD COLUMN interview_ends_at timestamptz,
        ADD COLUMN interview_location text,
        ADD COLUMN interview_was_starts_at timestamptz,
        ADD COLUMN interview_was_ends_at timestamptz,
        ADD CONSTRAINT timeline_events_interview_complete CHECK (
          (interview_starts_at IS NULL) = (interview_ends_at IS NULL)
          AND (interview_starts_at IS NULL) = (interview_location IS NULL)
          AND (interview_was_starts_at IS NULL) = (interview_was_ends_at IS NULL)
          AND (interview_was_starts_at IS NULL OR interview_starts_at IS NOT NULL)
        );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE timeline_events
        DROP COLUMN interview_was_ends_at,
        DROP COLUMN interview_was_starts_at,
        DROP COLUMN interview_location,
        DROP COLUMN interview_ends_at,
        DROP COLUMN interview_starts_at;
      ALTER TABLE users DROP COLUMN time_zone;
    `);
  }
}
