import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The core schema. Constraint and trigger names are part of the API: the error
 * translator maps them to error codes (see database/postgres-errors.ts).
 */
export class CreateCoreSchema1795742600000 implements MigrationInterface {
  name = 'CreateCoreSchema1795742600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        full_name text NOT NULL,
        role text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_lowercase CHECK (email = lower(email)),
        CONSTRAINT users_role_known CHECK (role IN ('candidate', 'recruiter', 'staff')),
        CONSTRAINT users_full_name_present CHECK (btrim(full_name) <> '')
      );
      CREATE UNIQUE INDEX users_email_unique ON users (email);

      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX sessions_token_hash_unique ON sessions (token_hash);
      CREATE INDEX sessions_user_idx ON sessions (user_id);

      CREATE TABLE clients (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT clients_name_present CHECK (btrim(name) <> '')
      );
      CREATE UNIQUE INDEX clients_name_unique ON clients (lower(name));

      CREATE TABLE jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES clients (id),
        title text NOT NULL,
        description text NOT NULL,
        location text NOT NULL,
        work_mode text NOT NULL,
        employment_type text NOT NULL,
        salary_min integer,
        salary_max integer,
        salary_currency char(3),
        status text NOT NULL,
        owner_id uuid REFERENCES users (id),
        pipeline text[] NOT NULL,
        feedback_deadline_hours integer NOT NULL DEFAULT 48,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
          setweight(to_tsvector('english', coalesce(description, '')), 'B')
        ) STORED,
        CONSTRAINT jobs_work_mode_known CHECK (work_mode IN ('onsite', 'hybrid', 'remote')),
        CONSTRAINT jobs_employment_type_known CHECK (employment_type IN ('full_time', 'part_time', 'contract', 'temporary', 'internship')),
        CONSTRAINT jobs_status_known CHECK (status IN ('draft', 'open', 'closed', 'filled')),
        CONSTRAINT jobs_pipeline_size CHECK (cardinality(pipeline) BETWEEN 1 AND 12),
        CONSTRAINT jobs_feedback_deadline_range CHECK (feedback_deadline_hours BETWEEN 1 AND 720),
        CONSTRAINT jobs_salary_complete CHECK (
          (salary_min IS NULL AND salary_max IS NULL AND salary_currency IS NULL) OR
          (salary_min IS NOT NULL AND salary_max IS NOT NULL AND salary_currency IS NOT NULL AND 0 <= salary_min AND salary_min <= salary_max)
        ),
        CONSTRAINT jobs_open_is_published CHECK (status = 'draft' OR published_at IS NOT NULL)
      );
      CREATE INDEX jobs_search_idx ON jobs USING gin (search_vector);
      CREATE INDEX jobs_open_board_idx ON jobs (published_at DESC, id DESC) WHERE status = 'open';
      CREATE INDEX jobs_client_idx ON jobs (client_id);

      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        job_id uuid NOT NULL REFERENCES jobs (id),
        candidate_id uuid NOT NULL REFERENCES users (id),
        status text NOT NULL,
        current_stage_id uuid,
        version integer NOT NULL DEFAULT 1,
        rejection_message text,
        withdrawal_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT applications_status_known CHECK (status IN ('applied', 'screening', 'interviewing', 'offer', 'hired', 'rejected', 'withdrawn', 'job_closed')),
        CONSTRAINT applications_rejection_has_message CHECK (status <> 'rejected' OR btrim(coalesce(rejection_message, '')) <> ''),
        CONSTRAINT applications_one_per_candidate_per_job UNIQUE (job_id, candidate_id)
      );
      CREATE INDEX applications_candidate_idx ON applications (candidate_id, created_at DESC);

      CREATE TABLE application_stages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id),
        position integer NOT NULL,
        name text NOT NULL,
        state text NOT NULL,
        starts_at timestamptz,
        ends_at timestamptz,
        location text,
        interviewers text[] NOT NULL DEFAULT '{}',
        feedback_due_at timestamptz,
        held_at timestamptz,
        skip_reason text,
        CONSTRAINT application_stages_state_known CHECK (state IN ('pending', 'scheduled', 'awaiting_feedback', 'feedback_recorded', 'skipped')),
        CONSTRAINT application_stages_ends_after_start CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at),
        CONSTRAINT application_stages_skip_has_reason CHECK (state <> 'skipped' OR btrim(coalesce(skip_reason, '')) <> ''),
        CONSTRAINT application_stages_position_unique UNIQUE (application_id, position)
      );
      ALTER TABLE applications ADD CONSTRAINT applications_current_stage_fk
        FOREIGN KEY (current_stage_id) REFERENCES application_stages (id) DEFERRABLE INITIALLY DEFERRED;

      CREATE TABLE feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        stage_id uuid NOT NULL REFERENCES application_stages (id),
        application_id uuid NOT NULL REFERENCES applications (id),
        decision text NOT NULL,
        rating smallint NOT NULL,
        candidate_message text NOT NULL,
        internal_notes text,
        given_by text,
        recorded_by uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        supersedes_id uuid REFERENCES feedback (id),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT feedback_decision_known CHECK (decision IN ('advance', 'reject', 'hold')),
        CONSTRAINT feedback_rating_range CHECK (rating BETWEEN 1 AND 4),
        CONSTRAINT feedback_candidate_message_present CHECK (btrim(candidate_message) <> ''),
        CONSTRAINT feedback_version_chain CHECK ((supersedes_id IS NULL) = (version = 1))
      );
      -- One original per stage, and each version replaced at most once: two people recording at once cannot both win.
      CREATE UNIQUE INDEX feedback_one_original_per_stage ON feedback (stage_id) WHERE supersedes_id IS NULL;
      CREATE UNIQUE INDEX feedback_supersedes_once ON feedback (supersedes_id) WHERE supersedes_id IS NOT NULL;
      CREATE INDEX feedback_application_idx ON feedback (application_id);

      CREATE TABLE timeline_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES applications (id),
        at timestamptz NOT NULL DEFAULT now(),
        type text NOT NULL,
        text text NOT NULL,
        candidate_visible boolean NOT NULL,
        actor_id uuid REFERENCES users (id)
      );
      CREATE INDEX timeline_events_application_idx ON timeline_events (application_id, at, id);
    `);

    await queryRunner.query(`
      -- Rule 6 (nothing is lost) for feedback: recorded words are never rewritten or removed.
      CREATE FUNCTION feedback_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'feedback is immutable: record a new version that supersedes it'
          USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'feedback_immutable';
      END $$;
      CREATE TRIGGER feedback_immutable_rows BEFORE UPDATE OR DELETE ON feedback
        FOR EACH ROW EXECUTE FUNCTION feedback_refuse_change();
      CREATE TRIGGER feedback_immutable_table BEFORE TRUNCATE ON feedback
        FOR EACH STATEMENT EXECUTE FUNCTION feedback_refuse_change();

      -- A stage took place when its interview has ended or it was marked held.
      CREATE FUNCTION stage_took_place(ends_at timestamptz, held_at timestamptz) RETURNS boolean
        LANGUAGE sql STABLE AS $$ SELECT held_at IS NOT NULL OR (ends_at IS NOT NULL AND ends_at <= now()) $$;

      -- Rule 1: an application cannot leave a stage that took place without its feedback.
      CREATE FUNCTION applications_require_stage_feedback() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        missing text;
      BEGIN
        SELECT string_agg(s.name, ', ' ORDER BY s.position) INTO missing
          FROM application_stages s
         WHERE s.application_id = NEW.id
           AND stage_took_place(s.ends_at, s.held_at)
           AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = s.id);
        IF missing IS NOT NULL THEN
          RAISE EXCEPTION 'stage feedback required before the application moves on: %', missing
            USING ERRCODE = 'check_violation', CONSTRAINT = 'stage_feedback_required';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER applications_stage_feedback_required BEFORE UPDATE ON applications
        FOR EACH ROW
        WHEN (NEW.current_stage_id IS DISTINCT FROM OLD.current_stage_id
              OR (NEW.status IS DISTINCT FROM OLD.status AND NEW.status IN ('offer', 'hired', 'rejected')))
        EXECUTE FUNCTION applications_require_stage_feedback();

      -- Rule 1, stage side: a stage that took place cannot be un-held, skipped, marked recorded
      -- or deleted while it has no feedback, so nobody can hide an interview to get past it.
      CREATE FUNCTION application_stages_guard_feedback() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        has_feedback boolean;
      BEGIN
        SELECT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = OLD.id) INTO has_feedback;
        IF has_feedback THEN
          IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'a stage with feedback cannot be deleted'
              USING ERRCODE = 'check_violation', CONSTRAINT = 'feedback_immutable';
          END IF;
          RETURN NEW;
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.state = 'feedback_recorded' THEN
          RAISE EXCEPTION 'stage % has no feedback', OLD.name
            USING ERRCODE = 'check_violation', CONSTRAINT = 'stage_feedback_required';
        END IF;
        IF stage_took_place(OLD.ends_at, OLD.held_at) AND (
             TG_OP = 'DELETE'
             OR NEW.state = 'skipped'
             OR NOT stage_took_place(NEW.ends_at, NEW.held_at)) THEN
          RAISE EXCEPTION 'stage % took place and has no feedback', OLD.name
            USING ERRCODE = 'check_violation', CONSTRAINT = 'stage_feedback_required';
        END IF;
        IF TG_OP = 'DELETE' THEN
          RETURN OLD;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER application_stages_feedback_guard BEFORE UPDATE OR DELETE ON application_stages
        FOR EACH ROW EXECUTE FUNCTION application_stages_guard_feedback();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE timeline_events;
      DROP TRIGGER feedback_immutable_rows ON feedback;
      DROP TRIGGER feedback_immutable_table ON feedback;
      DROP TABLE feedback;
      ALTER TABLE applications DROP CONSTRAINT applications_current_stage_fk;
      DROP TABLE application_stages;
      DROP TABLE applications;
      DROP TABLE jobs;
      DROP TABLE clients;
      DROP TABLE sessions;
      DROP TABLE users;
      DROP FUNCTION application_stages_guard_feedback();
      DROP FUNCTION applications_require_stage_feedback();
      DROP FUNCTION stage_took_place(timestamptz, timestamptz);
      DROP FUNCTION feedback_refuse_change();
    `);
  }
}
