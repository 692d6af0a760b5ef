import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Offers the candidate can answer (issue 10, item 7; ADR 0020). One row per offer made, with its
 * terms; an offer with no answer is open, and an application has at most one open offer. When an
 * application leaves Offer by another road (the recruiter hires or rejects it, the candidate
 * withdraws, the job closes), its open offer is ended in the same statement, so no open offer
 * outlives its application's Offer status. A reply-by date that passes is followed up once per
 * date and step (`application_alerts`), and the owner is told of the candidate's answer at once.
 */
export class CreateOffers1795815600000 implements MigrationInterface {
  name = 'CreateOffers1795815600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE offers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id),
        title text NOT NULL,
        pay_amount integer,
        pay_currency text,
        pay_period text,
        start_date date,
        message text,
        made_by uuid NOT NULL REFERENCES users (id),
        made_at timestamptz NOT NULL,
        reply_by timestamptz NOT NULL,
        answer text,
        answered_at timestamptz,
        decline_reason text,
        CONSTRAINT offers_title_present CHECK (btrim(title) <> ''),
        CONSTRAINT offers_pay_whole CHECK (
          (pay_amount IS NULL) = (pay_currency IS NULL) AND (pay_amount IS NULL) = (pay_period IS NULL)),
        CONSTRAINT offers_pay_positive CHECK (pay_amount IS NULL OR pay_amount > 0),
        CONSTRAINT offers_pay_currency_code CHECK (pay_currency IS NULL OR pay_currency ~ '^[A-Z]{3}$'),
        CONSTRAINT offers_pay_period_known CHECK (pay_period IN ('year', 'day', 'hour')),
        CONSTRAINT offers_message_present CHECK (message IS NULL OR btrim(message) <> ''),
        CONSTRAINT offers_reply_after_made CHECK (reply_by > made_at),
        CONSTRAINT offers_answer_known CHECK (answer IN ('accepted', 'declined', 'lapsed')),
        CONSTRAINT offers_answered_when CHECK ((answer IS NULL) = (answered_at IS NULL)),
        CONSTRAINT offers_reason_only_when_declined CHECK (decline_reason IS NULL OR answer = 'declined')
      );
      CREATE UNIQUE INDEX offers_one_open_per_application ON offers (application_id) WHERE answer IS NULL;
      CREATE INDEX offers_application_idx ON offers (application_id, made_at DESC);

      -- An offer is written on an application at Offer, never beside some other status.
      CREATE FUNCTION offers_require_offer_status() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM applications a WHERE a.id = NEW.application_id AND a.status = 'offer') THEN
          RAISE EXCEPTION 'an offer needs its application at offer'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'offers_require_offer_status';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER offers_require_offer_status BEFORE INSERT ON offers
        FOR EACH ROW EXECUTE FUNCTION offers_require_offer_status();

      -- Leaving Offer ends the open offer: hired is a yes, withdrawn a no in the candidate's words,
      -- anything else (rejected, job closed) an offer that lapsed unanswered.
      CREATE FUNCTION applications_end_open_offer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE offers SET
            answer = CASE NEW.status WHEN 'hired' THEN 'accepted' WHEN 'withdrawn' THEN 'declined' ELSE 'lapsed' END,
            answered_at = now(),
            decline_reason = CASE WHEN NEW.status = 'withdrawn' THEN NEW.withdrawal_reason END
          WHERE application_id = NEW.id AND answer IS NULL;
        RETURN NEW;
      END $$;
      CREATE TRIGGER applications_end_open_offer AFTER UPDATE OF status ON applications
        FOR EACH ROW WHEN (OLD.status = 'offer' AND NEW.status <> 'offer')
        EXECUTE FUNCTION applications_end_open_offer();

      ALTER TABLE application_alerts
        DROP CONSTRAINT application_alerts_kind_known,
        ADD CONSTRAINT application_alerts_kind_known
          CHECK (kind IN ('decision_date_passed', 'offer_reply_passed', 'offer_reply_escalated'));

      ALTER TABLE notifications
        DROP CONSTRAINT notifications_kind_known,
        ADD CONSTRAINT notifications_kind_known CHECK (kind IN (
          'candidate_update', 'feedback_reminder', 'escalation', 'email_verification', 'account_security', 'work_assigned',
          'agency_digest', 'candidate_left', 'retention_notice', 'offer_answered'));
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE notifications SET kind = 'feedback_reminder' WHERE kind = 'offer_answered';
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_kind_known,
        ADD CONSTRAINT notifications_kind_known CHECK (kind IN (
          'candidate_update', 'feedback_reminder', 'escalation', 'email_verification', 'account_security', 'work_assigned',
          'agency_digest', 'candidate_left', 'retention_notice'));

      DELETE FROM application_alerts WHERE kind IN ('offer_reply_passed', 'offer_reply_escalated');
      ALTER TABLE application_alerts
        DROP CONSTRAINT application_alerts_kind_known,
        ADD CONSTRAINT application_alerts_kind_known CHECK (kind IN ('decision_date_passed'));

      DROP TRIGGER applications_end_open_offer ON applications;
      DROP FUNCTION applications_end_open_offer();
      DROP TRIGGER offers_require_offer_status ON offers;
      DROP FUNCTION offers_require_offer_status();
      DROP TABLE offers;
    `);
  }
}
