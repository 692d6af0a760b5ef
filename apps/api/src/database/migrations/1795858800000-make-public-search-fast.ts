import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public search that cannot be made slow (issue 12, item 3; ADR 0027).
 *
 * The keyword box finds every word somewhere in a job's title, client, location or description. A
 * generated column reads only its own row, so the client's name is copied onto its jobs
 * (`jobs.client_name`, written by triggers when a job is written or its client renamed); the board
 * then reads one table and needs no join either. The document splits words at anything that is not
 * a letter or a digit ("Node.js" → "node js"), exactly as the API splits what is typed, so both sides
 * agree on every word. One GIN index holds only open jobs, the only ones the board shows.
 *
 * The location filter matches a fragment anywhere (`ILIKE '%…%'`): a trigram index over open jobs.
 *
 * "Did you mean": the words of open jobs' titles, locations and client names (never a draft's), in a
 * small table with a trigram index, so the nearest word to a typo is found by similarity.
 */
export class MakePublicSearchFast1795858800000 implements MigrationInterface {
  name = 'MakePublicSearchFast1795858800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;

      ALTER TABLE jobs ADD COLUMN client_name text;
      UPDATE jobs SET client_name = clients.name FROM clients WHERE clients.id = jobs.client_id;
      ALTER TABLE jobs ALTER COLUMN client_name SET NOT NULL;

      -- Recomputed whatever was written, so the copy can never drift from clients.name. An unknown
      -- client leaves '' and the foreign key then refuses the row, as before.
      CREATE FUNCTION jobs_copy_client_name() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.client_name := coalesce((SELECT name FROM clients WHERE id = NEW.client_id), '');
        RETURN NEW;
      END $$;
      CREATE TRIGGER jobs_copy_client_name BEFORE INSERT OR UPDATE OF client_id, client_name ON jobs
        FOR EACH ROW EXECUTE FUNCTION jobs_copy_client_name();

      CREATE FUNCTION clients_rename_jobs() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE jobs SET client_name = NEW.name WHERE client_id = NEW.id;
        RETURN NULL;
      END $$;
      CREATE TRIGGER clients_rename_jobs AFTER UPDATE OF name ON clients
        FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION clients_rename_jobs();

      -- What the keyword box searches. Words are split at every non-letter, non-digit, as the API
      -- splits the search (apps/api/src/jobs/job-search-terms.ts).
      CREATE FUNCTION job_search_document(title text, client_name text, location text, description text)
        RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(to_tsvector('english', regexp_replace(title, '[^[:alnum:]]+', ' ', 'g')), 'A') ||
               setweight(to_tsvector('english', regexp_replace(client_name, '[^[:alnum:]]+', ' ', 'g')), 'B') ||
               setweight(to_tsvector('english', regexp_replace(location, '[^[:alnum:]]+', ' ', 'g')), 'B') ||
               setweight(to_tsvector('english', regexp_replace(description, '[^[:alnum:]]+', ' ', 'g')), 'D')
      $$;

      ALTER TABLE jobs DROP COLUMN search_vector;
      ALTER TABLE jobs ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (job_search_document(title, client_name, location, description)) STORED;
      CREATE INDEX jobs_open_search_idx ON jobs USING gin (search_vector) WHERE status = 'open';
      CREATE INDEX jobs_open_location_trgm_idx ON jobs USING gin (location gin_trgm_ops) WHERE status = 'open';

      CREATE TABLE job_search_words (
        -- Lower case, as searched; shown as it was first written ("London"), for "Did you mean London?".
        word text PRIMARY KEY,
        shown text NOT NULL,
        CONSTRAINT job_search_words_lower CHECK (word = lower(shown))
      );
      CREATE INDEX job_search_words_trgm_idx ON job_search_words USING gin (word gin_trgm_ops);

      CREATE FUNCTION jobs_collect_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO job_search_words (word, shown)
        SELECT DISTINCT ON (lower(piece)) lower(piece), piece
          FROM regexp_split_to_table(NEW.title || ' ' || NEW.location || ' ' || NEW.client_name, '[^[:alnum:]]+') AS piece
         WHERE length(piece) BETWEEN 3 AND 40
         ORDER BY lower(piece), piece
        ON CONFLICT (word) DO NOTHING;
        RETURN NULL;
      END $$;
      -- Open jobs only: a draft's title or client must not be suggested to the public.
      CREATE TRIGGER jobs_collect_search_words AFTER INSERT OR UPDATE OF title, location, client_name, status ON jobs
        FOR EACH ROW WHEN (NEW.status = 'open') EXECUTE FUNCTION jobs_collect_search_words();

      INSERT INTO job_search_words (word, shown)
      SELECT DISTINCT ON (lower(piece)) lower(piece), piece
        FROM jobs, regexp_split_to_table(title || ' ' || location || ' ' || client_name, '[^[:alnum:]]+') AS piece
       WHERE status = 'open' AND length(piece) BETWEEN 3 AND 40
       ORDER BY lower(piece), piece;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER jobs_collect_search_words ON jobs;
      DROP FUNCTION jobs_collect_search_words();
      DROP TABLE job_search_words;

      DROP INDEX jobs_open_location_trgm_idx;
      ALTER TABLE jobs DROP COLUMN search_vector;
      DROP FUNCTION job_search_document(text, text, text, text);

      -- The old vector goes back where it stood, before the columns later migrations added: they are
      -- moved after it with their values, defaults and checks (a generated expression cannot be
      -- changed in place before PostgreSQL 17).
      ALTER TABLE jobs RENAME COLUMN screening_within_working_days TO moved_screening_within_working_days;
      ALTER TABLE jobs RENAME COLUMN screening_questions TO moved_screening_questions;
      ALTER TABLE jobs RENAME COLUMN pay_period TO moved_pay_period;
      ALTER TABLE jobs
        ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
          setweight(to_tsvector('english', coalesce(description, '')), 'B')
        ) STORED,
        ADD COLUMN screening_within_working_days integer,
        ADD COLUMN screening_questions jsonb DEFAULT '[]'::jsonb,
        ADD COLUMN pay_period text DEFAULT 'year';
      UPDATE jobs SET screening_within_working_days = moved_screening_within_working_days,
                      screening_questions = moved_screening_questions,
                      pay_period = moved_pay_period;
      ALTER TABLE jobs
        DROP COLUMN moved_screening_within_working_days,
        DROP COLUMN moved_screening_questions,
        DROP COLUMN moved_pay_period,
        ALTER COLUMN screening_within_working_days SET NOT NULL,
        ALTER COLUMN screening_questions SET NOT NULL,
        ALTER COLUMN pay_period SET NOT NULL,
        ADD CONSTRAINT jobs_screening_within_working_days_range
          CHECK (screening_within_working_days >= 1 AND screening_within_working_days <= 20),
        ADD CONSTRAINT jobs_screening_questions_at_most_ten
          CHECK (jsonb_typeof(screening_questions) = 'array' AND jsonb_array_length(screening_questions) <= 10),
        ADD CONSTRAINT jobs_pay_period_known CHECK (pay_period IN ('year', 'day', 'hour'));
      CREATE INDEX jobs_search_idx ON jobs USING gin (search_vector);

      DROP TRIGGER clients_rename_jobs ON clients;
      DROP FUNCTION clients_rename_jobs();
      DROP TRIGGER jobs_copy_client_name ON jobs;
      DROP FUNCTION jobs_copy_client_name();
      ALTER TABLE jobs DROP COLUMN client_name;
    `);
  }
}
