import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Candidates' documents and contact details (issue 10, items 1 and 3; ADR 0017). A CV or cover
 * letter is a row of `candidate_documents`, its bytes in `content` (the PostgreSQL document store;
 * another store would leave it null), and is never overwritten: a new upload is a new row. Only
 * PDF and DOCX, 1 byte to 10 MiB (DOCUMENT_MAX_BYTES), at most 20 per candidate
 * (DOCUMENTS_PER_CANDIDATE_MAX, counted under a lock on the candidate's row so two uploads cannot race
 * past it). An application links the CV and cover letter that went with it; ON DELETE SET NULL only
 * so erasure can remove the documents, and a candidate's own delete refuses a document in use.
 */
export class CreateCandidateDocuments1795804800000 implements MigrationInterface {
  name = 'CreateCandidateDocuments1795804800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE candidate_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        candidate_id uuid NOT NULL,
        kind text NOT NULL,
        file_name text NOT NULL,
        media_type text NOT NULL,
        size_bytes integer NOT NULL,
        content bytea,
        sha256 text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT candidate_documents_candidate_fk FOREIGN KEY (candidate_id) REFERENCES users (id),
        CONSTRAINT candidate_documents_kind_known CHECK (kind IN ('cv', 'cover_letter')),
        CONSTRAINT candidate_documents_media_type_accepted CHECK (media_type IN (
          'application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
        CONSTRAINT candidate_documents_size_range CHECK (size_bytes BETWEEN 1 AND 10485760),
        CONSTRAINT candidate_documents_content_size CHECK (content IS NULL OR octet_length(content) = size_bytes),
        CONSTRAINT candidate_documents_file_name_length CHECK (char_length(btrim(file_name)) BETWEEN 1 AND 255),
        CONSTRAINT candidate_documents_sha256_hex CHECK (sha256 ~ '^[0-9a-f]{64}$')
      );
      -- A candidate's documents, newest first: their list, their CV choices, the cap's count.
      CREATE INDEX candidate_documents_candidate_newest_idx ON candidate_documents (candidate_id, created_at DESC, id DESC);

      CREATE FUNCTION candidate_documents_cap() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Serialises one candidate's uploads, so the count below cannot be raced past.
        PERFORM 1 FROM users WHERE id = NEW.candidate_id FOR NO KEY UPDATE;
        IF (SELECT count(*) FROM candidate_documents WHERE candidate_id = NEW.candidate_id) >= 20 THEN
          RAISE EXCEPTION 'a candidate keeps at most 20 documents'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'candidate_documents_per_candidate_cap';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER candidate_documents_cap BEFORE INSERT ON candidate_documents
        FOR EACH ROW EXECUTE FUNCTION candidate_documents_cap();

      ALTER TABLE applications
        ADD COLUMN cv_document_id uuid,
        ADD COLUMN cover_letter_document_id uuid,
        ADD COLUMN cover_letter_text text,
        ADD CONSTRAINT applications_cv_document_fk FOREIGN KEY (cv_document_id)
          REFERENCES candidate_documents (id) ON DELETE SET NULL,
        ADD CONSTRAINT applications_cover_letter_document_fk FOREIGN KEY (cover_letter_document_id)
          REFERENCES candidate_documents (id) ON DELETE SET NULL,
        ADD CONSTRAINT applications_cover_letter_text_length CHECK (char_length(cover_letter_text) BETWEEN 1 AND 5000);
      -- The FKs' ON DELETE looks applications up by document: without these, deleting one document scans them all.
      CREATE INDEX applications_cv_document_idx ON applications (cv_document_id) WHERE cv_document_id IS NOT NULL;
      CREATE INDEX applications_cover_letter_document_idx ON applications (cover_letter_document_id)
        WHERE cover_letter_document_id IS NOT NULL;

      ALTER TABLE users
        ADD COLUMN phone text,
        ADD COLUMN location text,
        ADD COLUMN profile_link text,
        ADD CONSTRAINT users_phone_e164 CHECK (phone ~ '^\\+[1-9][0-9]{6,14}$'),
        ADD CONSTRAINT users_location_length CHECK (char_length(btrim(location)) BETWEEN 1 AND 120),
        ADD CONSTRAINT users_profile_link_https CHECK (char_length(profile_link) <= 500 AND profile_link LIKE 'https://%');
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users
        DROP CONSTRAINT users_profile_link_https,
        DROP CONSTRAINT users_location_length,
        DROP CONSTRAINT users_phone_e164,
        DROP COLUMN profile_link,
        DROP COLUMN location,
        DROP COLUMN phone;

      DROP INDEX applications_cover_letter_document_idx;
      DROP INDEX applications_cv_document_idx;
      ALTER TABLE applications
        DROP CONSTRAINT applications_cover_letter_text_length,
        DROP CONSTRAINT applications_cover_letter_document_fk,
        DROP CONSTRAINT applications_cv_document_fk,
        DROP COLUMN cover_letter_text,
        DROP COLUMN cover_letter_document_id,
        DROP COLUMN cv_document_id;

      DROP TRIGGER candidate_documents_cap ON candidate_documents;
      DROP FUNCTION candidate_documents_cap();
      DROP TABLE candidate_documents;
    `);
  }
}
