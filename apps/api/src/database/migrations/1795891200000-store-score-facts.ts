import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Heardback score's facts, stored narrow (issue 13 item 4, ADR 0036). The score's plans at 100k
 * applications spent their time joining each feedback to its stage, application, job and draft and
 * working out its working time row by row (19 µs a row), so a year took seconds. Now:
 *
 * - `score_feedback_facts`: one row per stage's first feedback (not a correction), with what the
 *   score groups it by (stage owner, job, client, client interviewer) and its interview end;
 * - `score_promise_facts`: one row per promise the score counts (not an offer's reply-by date, not
 *   one the facts replaced), with the same keys;
 * - `score_rejection_facts`: one row per application rejected after an interview, with whether an
 *   interview's feedback rejected it in words (the application's recruiter, job and client);
 * - `score_calendar`: the agency calendar the API runs with (it lives in configuration; the API
 *   writes it here as it starts), so a feedback fact also stores its working days and the week it
 *   was recorded in, marked with the calendar's version. A fact of another version is worked out at
 *   read from its stored instants, as before, until the API has refilled it.
 *
 * The database keeps them whoever writes: triggers on every column a fact copies rebuild the facts of
 * the application concerned, in the writer's transaction. The figures read them by index-only scans
 * over the date that puts a fact in a period. Their rows carry no words, so erasure leaves them as
 * they are; no foreign keys, since they are derived rows the triggers rebuild (and feedback,
 * stages and applications with feedback are never deleted).
 */
export class StoreScoreFacts1795891200000 implements MigrationInterface {
  name = 'StoreScoreFacts1795891200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE score_calendar (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        version integer NOT NULL,
        key text NOT NULL,
        time_zone text NOT NULL,
        day_starts_at integer NOT NULL,
        day_ends_at integer NOT NULL CHECK (day_ends_at > day_starts_at),
        working_days integer[] NOT NULL,
        holidays date[] NOT NULL
      );
      COMMENT ON TABLE score_calendar IS
        'The agency calendar the API was started with (its configuration), one row; version goes up when it changes (ADR 0036).';

      CREATE TABLE score_feedback_facts (
        feedback_id uuid PRIMARY KEY,
        application_id uuid NOT NULL,
        recorded_at timestamptz NOT NULL,
        ended_at timestamptz,
        recruiter_id uuid,
        job_id uuid NOT NULL,
        client_id uuid NOT NULL,
        contact_id uuid,
        calendar_version integer,
        working_days numeric,
        week date
      );
      COMMENT ON TABLE score_feedback_facts IS
        'Each stage''s first feedback as the score counts it, kept by triggers (ADR 0036). working_days and week are under score_calendar version calendar_version.';

      CREATE TABLE score_promise_facts (
        promise_id uuid PRIMARY KEY,
        application_id uuid NOT NULL,
        due_at timestamptz NOT NULL,
        ended_at timestamptz,
        ended_how text,
        redatings integer NOT NULL,
        recruiter_id uuid,
        job_id uuid NOT NULL,
        client_id uuid NOT NULL,
        contact_id uuid
      );
      COMMENT ON TABLE score_promise_facts IS
        'Each promise the score counts (not an offer''s reply-by date, not a superseded one), kept by triggers (ADR 0036).';

      CREATE TABLE score_rejection_facts (
        application_id uuid PRIMARY KEY,
        closed_at timestamptz NOT NULL,
        recruiter_id uuid,
        job_id uuid NOT NULL,
        client_id uuid NOT NULL,
        with_words boolean NOT NULL
      );
      COMMENT ON TABLE score_rejection_facts IS
        'Each application rejected after an interview, and whether an interview''s feedback rejected it in words, kept by triggers (ADR 0036).';

      -- Working time from p_from to p_to under a calendar: each working day's overlap with the span,
      -- in working days. The same sums as the score's read-time arrays (score-sql.ts), so the figure
      -- stored and the figure worked out at read are equal.
      CREATE FUNCTION score_working_days(p_from timestamptz, p_to timestamptz, c score_calendar)
        RETURNS numeric LANGUAGE sql STABLE AS $$
          SELECT greatest(0, coalesce(sum(greatest(0, extract(epoch FROM least(p_to, w.closes) - greatest(p_from, w.opens)))), 0))
                 / ((c.day_ends_at - c.day_starts_at) * 3600)::numeric
            FROM generate_series((p_from AT TIME ZONE c.time_zone)::date::timestamp,
                                 (p_to AT TIME ZONE c.time_zone)::date::timestamp, interval '1 day') d
            CROSS JOIN LATERAL (
              SELECT (d + make_interval(hours => c.day_starts_at)) AT TIME ZONE c.time_zone AS opens,
                     (d + make_interval(hours => c.day_ends_at)) AT TIME ZONE c.time_zone AS closes) w
           WHERE extract(isodow FROM d)::int = ANY(c.working_days) AND NOT (d::date = ANY(c.holidays))
        $$;

      -- The facts of one application, rebuilt from the tables they come from.
      CREATE FUNCTION score_facts_refresh(p_application_id uuid) RETURNS void LANGUAGE plpgsql AS $$
        DECLARE
          c score_calendar;
        BEGIN
          SELECT * INTO c FROM score_calendar;
          DELETE FROM score_feedback_facts WHERE application_id = p_application_id;
          INSERT INTO score_feedback_facts (feedback_id, application_id, recorded_at, ended_at, recruiter_id, job_id,
                                            client_id, contact_id, calendar_version, working_days, week)
          SELECT f.id, f.application_id, f.recorded_at, coalesce(s.ends_at, s.held_at),
                 coalesce(s.recruiter_id, a.recruiter_id), a.job_id, j.client_id, d.contact_id, c.version,
                 CASE WHEN c.version IS NOT NULL AND coalesce(s.ends_at, s.held_at) IS NOT NULL
                      THEN score_working_days(coalesce(s.ends_at, s.held_at), f.recorded_at, c) END,
                 CASE WHEN c.version IS NOT NULL THEN date_trunc('week', f.recorded_at AT TIME ZONE c.time_zone)::date END
            FROM feedback f
            JOIN application_stages s ON s.id = f.stage_id
            JOIN applications a ON a.id = f.application_id
            JOIN jobs j ON j.id = a.job_id
            LEFT JOIN client_feedback_drafts d ON d.feedback_id = f.id
           WHERE f.application_id = p_application_id AND f.supersedes_id IS NULL;
          DELETE FROM score_promise_facts WHERE application_id = p_application_id;
          INSERT INTO score_promise_facts (promise_id, application_id, due_at, ended_at, ended_how, redatings,
                                           recruiter_id, job_id, client_id, contact_id)
          SELECT p.id, p.application_id, p.due_at, p.ended_at, p.ended_how, p.redatings,
                 coalesce(s.recruiter_id, a.recruiter_id), a.job_id, j.client_id, d.contact_id
            FROM application_promises p
            JOIN applications a ON a.id = p.application_id
            JOIN jobs j ON j.id = a.job_id
            LEFT JOIN application_stages s ON s.id = p.stage_id
            LEFT JOIN feedback fo ON fo.stage_id = p.stage_id AND fo.supersedes_id IS NULL
            LEFT JOIN client_feedback_drafts d ON d.feedback_id = fo.id
           WHERE p.application_id = p_application_id
             AND p.ended_how IS DISTINCT FROM 'superseded' AND p.kind <> 'offer_reply';
          DELETE FROM score_rejection_facts WHERE application_id = p_application_id;
          INSERT INTO score_rejection_facts (application_id, closed_at, recruiter_id, job_id, client_id, with_words)
          SELECT a.id, a.closed_at, a.recruiter_id, a.job_id, j.client_id,
                 EXISTS (SELECT 1 FROM feedback fr WHERE fr.application_id = a.id AND fr.decision = 'reject')
            FROM applications a
            JOIN jobs j ON j.id = a.job_id
           WHERE a.status = 'rejected' AND a.closed_at IS NOT NULL
             AND EXISTS (SELECT 1 FROM application_stages st WHERE st.application_id = a.id
                          AND (st.held_at IS NOT NULL OR st.ends_at <= a.closed_at))
             AND a.id = p_application_id;
        END $$;

      CREATE FUNCTION score_facts_follow_application() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM score_facts_refresh(CASE WHEN TG_OP = 'DELETE' THEN OLD.application_id ELSE NEW.application_id END);
          RETURN NULL;
        END $$;
      CREATE FUNCTION score_facts_follow_application_row() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM score_facts_refresh(NEW.id);
          RETURN NULL;
        END $$;
      CREATE FUNCTION score_facts_follow_job() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE score_feedback_facts SET client_id = NEW.client_id WHERE job_id = NEW.id;
          UPDATE score_promise_facts SET client_id = NEW.client_id WHERE job_id = NEW.id;
          UPDATE score_rejection_facts SET client_id = NEW.client_id WHERE job_id = NEW.id;
          RETURN NULL;
        END $$;

      CREATE TRIGGER score_facts_feedback AFTER INSERT ON feedback
        FOR EACH ROW EXECUTE FUNCTION score_facts_follow_application();
      CREATE TRIGGER score_facts_promises AFTER INSERT OR DELETE OR UPDATE OF due_at, ended_at, ended_how, redatings, stage_id, kind
        ON application_promises FOR EACH ROW EXECUTE FUNCTION score_facts_follow_application();
      CREATE TRIGGER score_facts_stages_added AFTER INSERT ON application_stages
        FOR EACH ROW WHEN (NEW.ends_at IS NOT NULL OR NEW.held_at IS NOT NULL OR NEW.recruiter_id IS NOT NULL)
        EXECUTE FUNCTION score_facts_follow_application();
      CREATE TRIGGER score_facts_stages AFTER UPDATE OF ends_at, held_at, recruiter_id ON application_stages
        FOR EACH ROW WHEN (OLD.ends_at IS DISTINCT FROM NEW.ends_at OR OLD.held_at IS DISTINCT FROM NEW.held_at
                           OR OLD.recruiter_id IS DISTINCT FROM NEW.recruiter_id)
        EXECUTE FUNCTION score_facts_follow_application();
      CREATE TRIGGER score_facts_drafts_published AFTER INSERT ON client_feedback_drafts
        FOR EACH ROW WHEN (NEW.feedback_id IS NOT NULL) EXECUTE FUNCTION score_facts_follow_application();
      CREATE TRIGGER score_facts_drafts_changed AFTER UPDATE OF feedback_id, contact_id ON client_feedback_drafts
        FOR EACH ROW WHEN (OLD.feedback_id IS DISTINCT FROM NEW.feedback_id OR OLD.contact_id IS DISTINCT FROM NEW.contact_id)
        EXECUTE FUNCTION score_facts_follow_application();
      CREATE TRIGGER score_facts_drafts_removed AFTER DELETE ON client_feedback_drafts
        FOR EACH ROW WHEN (OLD.feedback_id IS NOT NULL) EXECUTE FUNCTION score_facts_follow_application();
      CREATE TRIGGER score_facts_applications AFTER UPDATE OF recruiter_id, job_id, status, closed_at ON applications
        FOR EACH ROW WHEN (OLD.recruiter_id IS DISTINCT FROM NEW.recruiter_id OR OLD.job_id IS DISTINCT FROM NEW.job_id
                           OR OLD.status IS DISTINCT FROM NEW.status OR OLD.closed_at IS DISTINCT FROM NEW.closed_at)
        EXECUTE FUNCTION score_facts_follow_application_row();
      CREATE TRIGGER score_facts_jobs AFTER UPDATE OF client_id ON jobs
        FOR EACH ROW WHEN (OLD.client_id IS DISTINCT FROM NEW.client_id) EXECUTE FUNCTION score_facts_follow_job();

      -- The backfill, set-based; working days and weeks wait for the API's calendar (calendar_version null).
      INSERT INTO score_feedback_facts (feedback_id, application_id, recorded_at, ended_at, recruiter_id, job_id,
                                        client_id, contact_id)
      SELECT f.id, f.application_id, f.recorded_at, coalesce(s.ends_at, s.held_at),
             coalesce(s.recruiter_id, a.recruiter_id), a.job_id, j.client_id, d.contact_id
        FROM feedback f
        JOIN application_stages s ON s.id = f.stage_id
        JOIN applications a ON a.id = f.application_id
        JOIN jobs j ON j.id = a.job_id
        LEFT JOIN client_feedback_drafts d ON d.feedback_id = f.id
       WHERE f.supersedes_id IS NULL;
      INSERT INTO score_promise_facts (promise_id, application_id, due_at, ended_at, ended_how, redatings,
                                       recruiter_id, job_id, client_id, contact_id)
      SELECT p.id, p.application_id, p.due_at, p.ended_at, p.ended_how, p.redatings,
             coalesce(s.recruiter_id, a.recruiter_id), a.job_id, j.client_id, d.contact_id
        FROM application_promises p
        JOIN applications a ON a.id = p.application_id
        JOIN jobs j ON j.id = a.job_id
        LEFT JOIN application_stages s ON s.id = p.stage_id
        LEFT JOIN feedback fo ON fo.stage_id = p.stage_id AND fo.supersedes_id IS NULL
        LEFT JOIN client_feedback_drafts d ON d.feedback_id = fo.id
       WHERE p.ended_how IS DISTINCT FROM 'superseded' AND p.kind <> 'offer_reply';
      INSERT INTO score_rejection_facts (application_id, closed_at, recruiter_id, job_id, client_id, with_words)
      SELECT a.id, a.closed_at, a.recruiter_id, a.job_id, j.client_id,
           EXISTS (SELECT 1 FROM feedback fr WHERE fr.application_id = a.id AND fr.decision = 'reject')
      FROM applications a
      JOIN jobs j ON j.id = a.job_id
     WHERE a.status = 'rejected' AND a.closed_at IS NOT NULL
       AND EXISTS (SELECT 1 FROM application_stages st WHERE st.application_id = a.id
                    AND (st.held_at IS NOT NULL OR st.ends_at <= a.closed_at));

      -- The figures' reads: the period's range, whole or for one stage owner or one client, carrying
      -- every column a figure needs (index-only); the triggers' rebuild by application.
      CREATE INDEX score_feedback_facts_recorded_idx ON score_feedback_facts (recorded_at)
        INCLUDE (ended_at, recruiter_id, job_id, client_id, contact_id, calendar_version, working_days, week)
        WHERE ended_at IS NOT NULL;
      CREATE INDEX score_feedback_facts_recruiter_idx ON score_feedback_facts (recruiter_id, recorded_at)
        INCLUDE (ended_at, job_id, client_id, contact_id, calendar_version, working_days, week)
        WHERE ended_at IS NOT NULL;
      CREATE INDEX score_feedback_facts_client_idx ON score_feedback_facts (client_id, recorded_at)
        INCLUDE (ended_at, recruiter_id, job_id, contact_id, calendar_version, working_days, week)
        WHERE ended_at IS NOT NULL;
      CREATE INDEX score_feedback_facts_application_idx ON score_feedback_facts (application_id);
      CREATE INDEX score_promise_facts_due_idx ON score_promise_facts (due_at)
        INCLUDE (ended_at, ended_how, redatings, recruiter_id, job_id, client_id, contact_id);
      CREATE INDEX score_promise_facts_recruiter_idx ON score_promise_facts (recruiter_id, due_at)
        INCLUDE (ended_at, ended_how, redatings, job_id, client_id, contact_id);
      CREATE INDEX score_promise_facts_client_idx ON score_promise_facts (client_id, due_at)
        INCLUDE (ended_at, ended_how, redatings, recruiter_id, job_id, contact_id);
      CREATE INDEX score_promise_facts_application_idx ON score_promise_facts (application_id);
      CREATE INDEX score_rejection_facts_closed_idx ON score_rejection_facts (closed_at)
        INCLUDE (application_id, recruiter_id, job_id, client_id, with_words);
      CREATE INDEX score_rejection_facts_recruiter_idx ON score_rejection_facts (recruiter_id, closed_at)
        INCLUDE (application_id, job_id, client_id, with_words);
      CREATE INDEX score_rejection_facts_client_idx ON score_rejection_facts (client_id, closed_at)
        INCLUDE (application_id, recruiter_id, job_id, with_words);
      CREATE INDEX score_rejection_facts_job_idx ON score_rejection_facts (job_id);
      CREATE INDEX score_promise_facts_job_idx ON score_promise_facts (job_id);
      CREATE INDEX score_feedback_facts_job_idx ON score_feedback_facts (job_id);

      -- The client interviewers of an application, for the application-wide figures by interviewer.
      CREATE INDEX client_feedback_drafts_published_application_idx ON client_feedback_drafts (application_id)
        INCLUDE (contact_id) WHERE feedback_id IS NOT NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX client_feedback_drafts_published_application_idx;
      DROP TRIGGER score_facts_jobs ON jobs;
      DROP TRIGGER score_facts_applications ON applications;
      DROP TRIGGER score_facts_drafts_removed ON client_feedback_drafts;
      DROP TRIGGER score_facts_drafts_changed ON client_feedback_drafts;
      DROP TRIGGER score_facts_drafts_published ON client_feedback_drafts;
      DROP TRIGGER score_facts_stages ON application_stages;
      DROP TRIGGER score_facts_stages_added ON application_stages;
      DROP TRIGGER score_facts_promises ON application_promises;
      DROP TRIGGER score_facts_feedback ON feedback;
      DROP FUNCTION score_facts_follow_job();
      DROP FUNCTION score_facts_follow_application_row();
      DROP FUNCTION score_facts_follow_application();
      DROP FUNCTION score_facts_refresh(uuid);
      DROP FUNCTION score_working_days(timestamptz, timestamptz, score_calendar);
      DROP TABLE score_rejection_facts;
      DROP TABLE score_promise_facts;
      DROP TABLE score_feedback_facts;
      DROP TABLE score_calendar;
    `);
  }
}
