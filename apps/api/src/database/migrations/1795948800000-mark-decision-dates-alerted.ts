import { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `status IN ('applied', 'screening', 'interviewing', 'offer')`;

/**
 * The sweep's decision-date escalation (CandidateFollowUpAlerts.escalatePassedDecisionDates, every
 * minute) walked applications_open_decision_idx from the oldest passed date and skipped, one by one,
 * the applications already alerted for their date (an `application_alerts` lookup each): every run
 * re-read every open application whose date had passed and been alerted (ADR 0041's last item).
 *
 * `applications.decision_alerted_for` is the application's decision date once the
 * 'decision_date_passed' alert for that date exists, else null, kept by the database whoever writes:
 * a BEFORE trigger on applications works it out whenever the date (or the mark) is written, and a
 * trigger on application_alerts touches the application when its alert is added or removed.
 * applications_decision_unalerted_idx holds the open applications with a date not yet alerted, the
 * only ones the sweep reads now.
 */
export class MarkDecisionDatesAlerted1795948800000 implements MigrationInterface {
  name = 'MarkDecisionDatesAlerted1795948800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE applications ADD COLUMN decision_alerted_for timestamptz;
      COMMENT ON COLUMN applications.decision_alerted_for IS
        'candidate_decision_at once its decision_date_passed alert exists, else null; kept by triggers (application_decision_alerted_for).';

      CREATE FUNCTION application_decision_alerted_for(application_id uuid, decision_at timestamptz)
        RETURNS timestamptz LANGUAGE sql STABLE AS $$
        SELECT decision_at WHERE EXISTS (
          SELECT 1 FROM application_alerts al
           WHERE al.application_id = $1 AND al.kind = 'decision_date_passed' AND al.due_at = $2)
      $$;

      CREATE FUNCTION applications_write_decision_alerted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.decision_alerted_for := application_decision_alerted_for(NEW.id, NEW.candidate_decision_at);
          RETURN NEW;
        END $$;
      CREATE TRIGGER applications_decision_alerted BEFORE INSERT OR UPDATE OF candidate_decision_at, decision_alerted_for
        ON applications FOR EACH ROW EXECUTE FUNCTION applications_write_decision_alerted();

      -- An alert added, moved or removed: the application's mark is worked out again (by the trigger above).
      CREATE FUNCTION application_alerts_refresh_decision_alerted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.kind = 'decision_date_passed' THEN
            UPDATE applications a SET decision_alerted_for = NULL
             WHERE a.id = OLD.application_id
               AND a.decision_alerted_for IS DISTINCT FROM application_decision_alerted_for(a.id, a.candidate_decision_at);
          END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.kind = 'decision_date_passed' THEN
            UPDATE applications a SET decision_alerted_for = NULL
             WHERE a.id = NEW.application_id
               AND a.decision_alerted_for IS DISTINCT FROM application_decision_alerted_for(a.id, a.candidate_decision_at);
          END IF;
          RETURN NULL;
        END $$;
      CREATE TRIGGER application_alerts_decision_alerted AFTER INSERT OR UPDATE OR DELETE ON application_alerts
        FOR EACH ROW EXECUTE FUNCTION application_alerts_refresh_decision_alerted();

      -- Before the backfill, so the backfill maintains it (an index built after an UPDATE in the same
      -- transaction waits for older transactions before the planner uses it; ADR 0041).
      CREATE INDEX applications_decision_unalerted_idx ON applications (candidate_decision_at)
        WHERE candidate_decision_at IS NOT NULL AND decision_alerted_for IS NULL AND ${OPEN};

      UPDATE applications a SET decision_alerted_for = a.candidate_decision_at
       WHERE a.candidate_decision_at IS NOT NULL
         AND EXISTS (SELECT 1 FROM application_alerts al
                      WHERE al.application_id = a.id AND al.kind = 'decision_date_passed' AND al.due_at = a.candidate_decision_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX applications_decision_unalerted_idx;
      DROP TRIGGER application_alerts_decision_alerted ON application_alerts;
      DROP FUNCTION application_alerts_refresh_decision_alerted();
      DROP TRIGGER applications_decision_alerted ON applications;
      DROP FUNCTION applications_write_decision_alerted();
      DROP FUNCTION application_decision_alerted_for(uuid, timestamptz);
      ALTER TABLE applications DROP COLUMN decision_alerted_for;
    `);
  }
}
