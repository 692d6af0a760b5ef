import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agency's dated promise to a candidate (issue 9, items 2–4; ADR 0014): one open row per open
 * application says what the candidate will hear about next and by when. A person who moves it
 * leaves the old row ended as `redated` and a new one carrying their sentence; when nobody acts by
 * the date, the agency's rules end it as `updated` and open the next, `automatic`. What ends a
 * promise and when is kept, so whether promises were kept is measured, not guessed.
 *
 * Also: the date a held stage's candidate hears again (on the feedback that holds it), the offer's
 * reply-by date, each job's screening promise, and the promised date on the timeline events that
 * speak of one (an instant, so every reader sees it in their own zone).
 */
export class CreateApplicationPromises1795794000000 implements MigrationInterface {
  name = 'CreateApplicationPromises1795794000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE application_promises (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL,
        kind text NOT NULL,
        stage_id uuid,
        due_at timestamptz NOT NULL,
        made_at timestamptz NOT NULL,
        -- Null: made by the agency's rules (the first date, or an automatic update).
        made_by uuid,
        automatic boolean NOT NULL DEFAULT false,
        sentence text,
        replaces_id uuid,
        -- Moves by people in this chain; past the agency's limit only staff may move it again.
        redatings integer NOT NULL DEFAULT 0,
        -- Before the date, a long silence is broken here: "no news yet; the date stands".
        check_in_at timestamptz,
        ended_at timestamptz,
        ended_how text,
        CONSTRAINT application_promises_pkey PRIMARY KEY (id),
        CONSTRAINT application_promises_application_fk FOREIGN KEY (application_id) REFERENCES applications(id),
        CONSTRAINT application_promises_stage_fk FOREIGN KEY (stage_id) REFERENCES application_stages(id),
        CONSTRAINT application_promises_made_by_fk FOREIGN KEY (made_by) REFERENCES users(id),
        CONSTRAINT application_promises_replaces_fk FOREIGN KEY (replaces_id) REFERENCES application_promises(id),
        CONSTRAINT application_promises_kind_known CHECK (kind IN ('screening', 'answer', 'next_step', 'hold', 'update_request', 'offer_reply')),
        CONSTRAINT application_promises_ended_how_known CHECK (ended_how IN ('kept', 'redated', 'updated', 'superseded', 'closed')),
        CONSTRAINT application_promises_ended_together CHECK ((ended_at IS NULL) = (ended_how IS NULL)),
        -- A date a person moved is always sent with their words for the candidate.
        CONSTRAINT application_promises_redating_has_sentence CHECK (made_by IS NULL OR btrim(coalesce(sentence, '')) <> ''),
        CONSTRAINT application_promises_redatings_counted CHECK (redatings >= 0)
      );
      CREATE UNIQUE INDEX application_promises_one_open ON application_promises (application_id) WHERE ended_at IS NULL;
      CREATE INDEX application_promises_open_due ON application_promises (due_at) WHERE ended_at IS NULL;
      CREATE INDEX application_promises_open_check_in ON application_promises (check_in_at) WHERE ended_at IS NULL AND check_in_at IS NOT NULL;
      CREATE INDEX application_promises_application_idx ON application_promises (application_id, made_at);

      ALTER TABLE feedback ADD COLUMN hold_until timestamptz;
      -- NOT VALID: holds recorded before this date carry none; every new one must.
      ALTER TABLE feedback ADD CONSTRAINT feedback_hold_has_date CHECK (decision <> 'hold' OR hold_until IS NOT NULL) NOT VALID;

      ALTER TABLE applications ADD COLUMN offer_reply_by timestamptz;

      ALTER TABLE jobs ADD COLUMN screening_within_working_days integer NOT NULL DEFAULT 5;
      ALTER TABLE jobs ALTER COLUMN screening_within_working_days DROP DEFAULT;
      ALTER TABLE jobs ADD CONSTRAINT jobs_screening_within_working_days_range CHECK (screening_within_working_days BETWEEN 1 AND 20);

      ALTER TABLE timeline_events ADD COLUMN promise_due_at timestamptz;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE timeline_events DROP COLUMN promise_due_at;
      ALTER TABLE jobs DROP CONSTRAINT jobs_screening_within_working_days_range;
      ALTER TABLE jobs DROP COLUMN screening_within_working_days;
      ALTER TABLE applications DROP COLUMN offer_reply_by;
      ALTER TABLE feedback DROP CONSTRAINT feedback_hold_has_date;
      ALTER TABLE feedback DROP COLUMN hold_until;
      DROP TABLE application_promises;
    `);
  }
}
