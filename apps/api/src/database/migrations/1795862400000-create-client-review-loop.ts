import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The client in the loop and the score (issue 13, ADR 0030).
 *
 * - A client has contacts (people at the client) and an account owner at the agency, who is the
 *   last step of the client's escalation ladder. Auto-publish lets a client's words reach the
 *   candidate without a recruiter's review.
 * - A stage's interviewers may be picked from the client's contacts (`stage_client_interviewers`);
 *   `application_stages.interviewers` still holds every name shown, free text included.
 * - Each client interviewer gets a review link per stage: only the SHA-256 of its token is stored,
 *   so a copy of the database opens no link; a reminder therefore sends a fresh link and the old
 *   one records what replaced it. A link is used once (its draft), revoked by staff, or
 *   expires by time; it is also dead once the stage has feedback (checked when it is opened).
 * - What the client writes is a draft: publishing it records feedback through the feedback rule,
 *   and the draft keeps the feedback id it became.
 * - Candidates answer two closing questions, once per application.
 */
export class CreateClientReviewLoop1795862400000 implements MigrationInterface {
  name = 'CreateClientReviewLoop1795862400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE clients
        ADD COLUMN account_owner_id uuid REFERENCES users(id),
        ADD COLUMN auto_publish_client_feedback boolean NOT NULL DEFAULT false;

      CREATE TABLE client_contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES clients(id),
        full_name text NOT NULL CONSTRAINT client_contacts_name_present CHECK (btrim(full_name) <> ''),
        email text NOT NULL CONSTRAINT client_contacts_email_shape CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
        role text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        -- A contact who left the client: kept for the history and the score, never offered again.
        archived_at timestamptz
      );
      CREATE UNIQUE INDEX client_contacts_email_unique ON client_contacts (client_id, lower(email))
        WHERE archived_at IS NULL;
      CREATE INDEX client_contacts_by_client_idx ON client_contacts (client_id, lower(full_name), id);

      CREATE TABLE stage_client_interviewers (
        stage_id uuid NOT NULL REFERENCES application_stages(id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES client_contacts(id),
        PRIMARY KEY (stage_id, contact_id)
      );
      CREATE INDEX stage_client_interviewers_contact_idx ON stage_client_interviewers (contact_id);

      CREATE TABLE client_review_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        stage_id uuid NOT NULL REFERENCES application_stages(id) ON DELETE CASCADE,
        application_id uuid NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES client_contacts(id),
        token_hash bytea NOT NULL CONSTRAINT client_review_links_token_hash_size CHECK (length(token_hash) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users(id),
        -- A reminder carries a fresh link (only hashes are kept, so the old one cannot be re-sent):
        -- the old link is revoked by no one and points at the one that replaced it.
        replaced_by_id uuid REFERENCES client_review_links(id),
        -- The client sent their feedback: the link is used.
        submitted_at timestamptz,
        CONSTRAINT client_review_links_expires_after_creation CHECK (expires_at > created_at),
        CONSTRAINT client_review_links_revoker_with_revocation CHECK ((revoked_by IS NULL) OR (revoked_at IS NOT NULL)),
        CONSTRAINT client_review_links_replaced_is_revoked CHECK ((replaced_by_id IS NULL) OR (revoked_at IS NOT NULL AND revoked_by IS NULL))
      );
      CREATE UNIQUE INDEX client_review_links_token_hash_unique ON client_review_links (token_hash);
      -- At most one live link per interviewer and stage: a new one is sent only once the old is revoked.
      CREATE UNIQUE INDEX client_review_links_one_live ON client_review_links (stage_id, contact_id)
        WHERE revoked_at IS NULL;
      CREATE INDEX client_review_links_by_application_idx ON client_review_links (application_id);

      CREATE TABLE client_feedback_drafts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        link_id uuid NOT NULL REFERENCES client_review_links(id) ON DELETE CASCADE,
        stage_id uuid NOT NULL REFERENCES application_stages(id) ON DELETE CASCADE,
        application_id uuid NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES client_contacts(id),
        decision text NOT NULL CONSTRAINT client_feedback_drafts_decision_known CHECK (decision IN ('advance', 'reject', 'hold')),
        rating smallint NOT NULL CONSTRAINT client_feedback_drafts_rating_range CHECK (rating BETWEEN 1 AND 4),
        candidate_message text NOT NULL CONSTRAINT client_feedback_drafts_message_present CHECK (btrim(candidate_message) <> ''),
        internal_notes text,
        hold_until timestamptz,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        -- Null with published_at set: published by the client's auto-publish setting.
        published_by uuid REFERENCES users(id),
        feedback_id uuid REFERENCES feedback(id),
        CONSTRAINT client_feedback_drafts_published_as_feedback CHECK ((published_at IS NULL) = (feedback_id IS NULL)),
        CONSTRAINT client_feedback_drafts_hold_has_date CHECK (decision <> 'hold' OR hold_until IS NOT NULL)
      );
      CREATE UNIQUE INDEX client_feedback_drafts_one_per_link ON client_feedback_drafts (link_id);
      CREATE INDEX client_feedback_drafts_unpublished_idx ON client_feedback_drafts (application_id)
        WHERE published_at IS NULL;
      CREATE INDEX client_feedback_drafts_by_contact_idx ON client_feedback_drafts (contact_id, submitted_at);

      -- The client's ladder: reminders to the contact, then escalation to the stage's owner, then to
      -- the client's account owner. Keyed by person and due time (not by link): a reminder's fresh
      -- link does not start the ladder again, and a new due time does.
      CREATE TABLE client_review_alerts (
        stage_id uuid NOT NULL REFERENCES application_stages(id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES client_contacts(id),
        kind text NOT NULL CONSTRAINT client_review_alerts_kind_known
          CHECK (kind IN ('reminder_before_due', 'reminder_at_due', 'escalation', 'second_escalation')),
        due_at timestamptz NOT NULL,
        fired_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (stage_id, contact_id, kind, due_at)
      );

      ALTER TABLE notifications
        DROP CONSTRAINT notifications_kind_known,
        ADD CONSTRAINT notifications_kind_known CHECK (kind IN (
          'candidate_update', 'feedback_reminder', 'escalation', 'email_verification', 'account_security', 'work_assigned',
          'agency_digest', 'candidate_left', 'retention_notice', 'offer_answered', 'application_arrived',
          'client_review_request', 'client_review_reminder', 'client_feedback_received'));

      -- The closing email's one-click answers carry a token; only its SHA-256 is kept.
      CREATE TABLE satisfaction_invitations (
        application_id uuid PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
        token_hash bytea NOT NULL CONSTRAINT satisfaction_invitations_token_hash_size CHECK (length(token_hash) = 32),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX satisfaction_invitations_token_hash_unique ON satisfaction_invitations (token_hash);

      CREATE TABLE satisfaction_responses (
        application_id uuid PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
        recommend_score smallint CONSTRAINT satisfaction_responses_score_range CHECK (recommend_score BETWEEN 0 AND 10),
        kept_informed boolean,
        words text,
        answered_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT satisfaction_responses_answer_present CHECK (recommend_score IS NOT NULL OR kept_informed IS NOT NULL)
      );
      CREATE INDEX satisfaction_responses_answered_idx ON satisfaction_responses (answered_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      -- The nearest kinds that remain: a client's request and reminder are reminders, a draft is news.
      UPDATE notifications SET kind = 'feedback_reminder' WHERE kind IN ('client_review_request', 'client_review_reminder');
      UPDATE notifications SET kind = 'work_assigned' WHERE kind = 'client_feedback_received';
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_kind_known,
        ADD CONSTRAINT notifications_kind_known CHECK (kind IN (
          'candidate_update', 'feedback_reminder', 'escalation', 'email_verification', 'account_security', 'work_assigned',
          'agency_digest', 'candidate_left', 'retention_notice', 'offer_answered', 'application_arrived'));
      DROP TABLE client_review_alerts;
      DROP TABLE satisfaction_responses;
      DROP TABLE satisfaction_invitations;
      DROP TABLE client_feedback_drafts;
      DROP TABLE client_review_links;
      DROP TABLE stage_client_interviewers;
      DROP TABLE client_contacts;
      ALTER TABLE clients DROP COLUMN auto_publish_client_feedback, DROP COLUMN account_owner_id;
    `);
  }
}
