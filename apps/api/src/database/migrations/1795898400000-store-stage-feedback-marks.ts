import { MigrationInterface, QueryRunner } from 'typeorm';

/** Stages that may still owe feedback, exactly as MAY_OWE_FEEDBACK (database/due-order-cursor.ts) says it. */
const MAY_OWE = `(state IN ('scheduled', 'awaiting_feedback') OR (held_at IS NOT NULL AND state IN ('pending', 'skipped')))`;
/** The stage's stored marks are not what application_stage_feedback_marks says: only then is it touched. */
const MARKS_CHANGE = `(SELECT (m.waiting_from, m.escalated_at, m.alerts_done_for)
                IS DISTINCT FROM (s.feedback_waiting_from, s.feedback_escalated_at, s.feedback_alerts_done_for)
               FROM application_stage_feedback_marks(s) m)`;
const DUE_ORDER = `(coalesce(feedback_due_at, '-infinity'::timestamptz)), (coalesce(ends_at, 'infinity'::timestamptz)), id`;

/**
 * Issue 12, "rules that scale" (ADR 0037): what the feedback queue, the escalation list and the
 * sweep's alert read used to work out from every stage that could be waiting is stored on the stage,
 * kept by triggers in the writer's transaction, so each of them reads one small partial index.
 *
 * - feedback_waiting_from: set while the stage owes feedback (its application is open, it is not
 *   feedback_recorded and has no feedback): '-infinity' when it was marked held, else its end time
 *   (null if none). "Waiting for feedback now" is `feedback_waiting_from <= now()`, which is exactly
 *   "owes feedback and stage_took_place(ends_at, held_at)"; the time stays in the read, as before.
 * - feedback_escalated_at: when the escalation for its current due time fired, while it owes feedback
 *   and is one of MAY_OWE's states (the escalation list's definition).
 * - feedback_alerts_done_for: its due time, once every alert of the due-time ladder (DUE_TIME_LADDER,
 *   three kinds: ALERTS_PER_DUE_TIME) has fired for that due time; null otherwise.
 *
 * The marks are one function of the source tables (application_stage_feedback_marks); a BEFORE
 * trigger on the stage writes them whenever a column they depend on is written (a direct write of
 * the marks is recomputed too), and the other tables' triggers touch the stages they affect:
 * feedback recorded (feedback rows are never updated but for erasure's words, nor deleted), an
 * application closed or reopened, an alert fired, moved or removed.
 */
export class StoreStageFeedbackMarks1795898400000 implements MigrationInterface {
  name = 'StoreStageFeedbackMarks1795898400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE application_stages
        ADD COLUMN feedback_waiting_from timestamptz,
        ADD COLUMN feedback_escalated_at timestamptz,
        ADD COLUMN feedback_alerts_done_for timestamptz;

      -- Backfill, set-based, with the definition below.
      UPDATE application_stages s
         SET feedback_waiting_from = CASE WHEN s.held_at IS NOT NULL THEN '-infinity'::timestamptz ELSE s.ends_at END,
             feedback_escalated_at = CASE WHEN ${MAY_OWE} THEN
               (SELECT d.fired_at FROM deadline_alerts d
                 WHERE d.stage_id = s.id AND d.kind = 'escalation' AND d.due_at = s.feedback_due_at) END
        FROM applications a
       WHERE a.id = s.application_id AND a.closed_at IS NULL AND s.state <> 'feedback_recorded'
         AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = s.id);
      UPDATE application_stages s SET feedback_alerts_done_for = s.feedback_due_at
        FROM (SELECT d.stage_id, d.due_at FROM deadline_alerts d
               WHERE d.kind IN ('reminder_before_due', 'reminder_at_due', 'escalation')
               GROUP BY d.stage_id, d.due_at HAVING count(*) >= 3) done
       WHERE done.stage_id = s.id AND done.due_at = s.feedback_due_at;

      CREATE FUNCTION application_stage_feedback_marks(
          s application_stages, OUT waiting_from timestamptz, OUT escalated_at timestamptz, OUT alerts_done_for timestamptz)
        LANGUAGE plpgsql STABLE AS $$
      BEGIN
        IF s.state <> 'feedback_recorded'
           AND EXISTS (SELECT 1 FROM applications a WHERE a.id = s.application_id AND a.closed_at IS NULL)
           AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = s.id) THEN
          waiting_from := CASE WHEN s.held_at IS NOT NULL THEN '-infinity'::timestamptz ELSE s.ends_at END;
          IF s.feedback_due_at IS NOT NULL AND (s.state IN ('scheduled', 'awaiting_feedback')
                                                OR (s.held_at IS NOT NULL AND s.state IN ('pending', 'skipped'))) THEN
            SELECT d.fired_at INTO escalated_at FROM deadline_alerts d
             WHERE d.stage_id = s.id AND d.kind = 'escalation' AND d.due_at = s.feedback_due_at;
          END IF;
        END IF;
        -- The ladder is the domain's DUE_TIME_LADDER; feedback-marks.spec.ts checks the two agree.
        IF s.feedback_due_at IS NOT NULL
           AND (SELECT count(*) FROM deadline_alerts d
                 WHERE d.stage_id = s.id AND d.due_at = s.feedback_due_at
                   AND d.kind IN ('reminder_before_due', 'reminder_at_due', 'escalation')) >= 3 THEN
          alerts_done_for := s.feedback_due_at;
        END IF;
      END $$;

      CREATE FUNCTION application_stages_write_feedback_marks() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        marks record;
      BEGIN
        marks := application_stage_feedback_marks(NEW);
        NEW.feedback_waiting_from := marks.waiting_from;
        NEW.feedback_escalated_at := marks.escalated_at;
        NEW.feedback_alerts_done_for := marks.alerts_done_for;
        RETURN NEW;
      END $$;
      -- Named to fire after application_stages_feedback_guard (BEFORE triggers fire in name order).
      CREATE TRIGGER application_stages_feedback_marks
        BEFORE INSERT OR UPDATE OF application_id, state, ends_at, held_at, feedback_due_at,
          feedback_waiting_from, feedback_escalated_at, feedback_alerts_done_for ON application_stages
        FOR EACH ROW EXECUTE FUNCTION application_stages_write_feedback_marks();

      -- The other tables touch the stages whose marks they change; the stage trigger above writes them.
      CREATE FUNCTION feedback_clear_stage_marks() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE application_stages SET feedback_waiting_from = NULL
         WHERE id = NEW.stage_id AND (feedback_waiting_from IS NOT NULL OR feedback_escalated_at IS NOT NULL);
        RETURN NULL;
      END $$;
      CREATE TRIGGER feedback_stage_marks AFTER INSERT ON feedback
        FOR EACH ROW EXECUTE FUNCTION feedback_clear_stage_marks();

      CREATE FUNCTION applications_refresh_stage_marks() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A stage in feedback_recorded has no marks to gain or lose with its application.
        UPDATE application_stages s SET feedback_waiting_from = NULL
         WHERE s.application_id = NEW.id AND s.state <> 'feedback_recorded' AND ${MARKS_CHANGE};
        RETURN NULL;
      END $$;
      CREATE TRIGGER applications_stage_marks AFTER UPDATE ON applications
        FOR EACH ROW WHEN ((OLD.closed_at IS NULL) IS DISTINCT FROM (NEW.closed_at IS NULL))
        EXECUTE FUNCTION applications_refresh_stage_marks();

      CREATE FUNCTION deadline_alerts_refresh_stage_marks() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Only an alert of the ladder, or the escalation, for the stage's current due time counts;
        -- the first two of a ladder change no mark, so they write nothing.
        IF TG_OP <> 'INSERT' AND OLD.kind <> 'second_escalation' THEN
          UPDATE application_stages s SET feedback_alerts_done_for = NULL
           WHERE s.id = OLD.stage_id AND s.feedback_due_at = OLD.due_at AND ${MARKS_CHANGE};
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.kind <> 'second_escalation' THEN
          UPDATE application_stages s SET feedback_alerts_done_for = NULL
           WHERE s.id = NEW.stage_id AND s.feedback_due_at = NEW.due_at AND ${MARKS_CHANGE};
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER deadline_alerts_stage_marks AFTER INSERT OR DELETE OR UPDATE OF stage_id, kind, due_at, fired_at
        ON deadline_alerts FOR EACH ROW EXECUTE FUNCTION deadline_alerts_refresh_stage_marks();

      -- The feedback queue in its order (page), and its total (index-only count of "<= now()").
      CREATE INDEX application_stages_feedback_waiting_idx ON application_stages (${DUE_ORDER})
        INCLUDE (application_id, feedback_waiting_from, recruiter_id)
        WHERE feedback_waiting_from IS NOT NULL AND ${MAY_OWE};
      -- The escalation list in the same order, and its total.
      CREATE INDEX application_stages_escalated_idx ON application_stages (${DUE_ORDER})
        INCLUDE (application_id, feedback_escalated_at)
        WHERE feedback_escalated_at IS NOT NULL;
      -- The sweep's alerts: stages that owe feedback and whose ladder for their due time is not complete.
      CREATE INDEX application_stages_alerts_pending_idx ON application_stages (feedback_due_at)
        INCLUDE (feedback_waiting_from)
        WHERE feedback_waiting_from IS NOT NULL AND feedback_due_at IS NOT NULL AND feedback_alerts_done_for IS NULL;
      -- Replaced by the first two: it held every stage that could be waiting, on closed applications too.
      DROP INDEX application_stages_awaiting_feedback_idx;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX application_stages_awaiting_feedback_idx ON application_stages (${DUE_ORDER})
        INCLUDE (application_id, held_at, ends_at, feedback_due_at, recruiter_id)
        WHERE ${MAY_OWE};
      DROP INDEX application_stages_alerts_pending_idx;
      DROP INDEX application_stages_escalated_idx;
      DROP INDEX application_stages_feedback_waiting_idx;
      DROP TRIGGER deadline_alerts_stage_marks ON deadline_alerts;
      DROP FUNCTION deadline_alerts_refresh_stage_marks();
      DROP TRIGGER applications_stage_marks ON applications;
      DROP FUNCTION applications_refresh_stage_marks();
      DROP TRIGGER feedback_stage_marks ON feedback;
      DROP FUNCTION feedback_clear_stage_marks();
      DROP TRIGGER application_stages_feedback_marks ON application_stages;
      DROP FUNCTION application_stages_write_feedback_marks();
      DROP FUNCTION application_stage_feedback_marks(application_stages);
      ALTER TABLE application_stages
        DROP COLUMN feedback_alerts_done_for,
        DROP COLUMN feedback_escalated_at,
        DROP COLUMN feedback_waiting_from;
    `);
  }
}
