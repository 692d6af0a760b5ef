-- A migrated Heardback database filled to scale with generate_series, to check with EXPLAIN (ANALYZE,
-- BUFFERS) that the agency queues and the deadline sweep use their indexes (ADR 0025).
--
--   createdb -h 127.0.0.1 -U postgres scratch_scale
--   DATABASE_URL=postgres://postgres@127.0.0.1:5432/scratch_scale node tools/db-cli.cjs migration:run
--   psql -h 127.0.0.1 -U postgres -d scratch_scale -v apps=1000000 -f tools/bench/seed-scale.sql
--
-- `apps` (default 1,000,000) sets the size: apps/10 jobs, apps/5 candidates, ~2.4 stages and ~7
-- timeline events per application. Rows are made with the triggers on, as the product writes them,
-- and everything is derived from the row number, so two runs build the same data. Shape:
-- 23 % of applications open (applied, screening, interviewing, offer), created in the last 60 days;
-- the rest closed within two years, every stage that took place with its feedback; interviews
-- awaiting feedback, some overdue and escalated; open requests for an update, other offers,
-- decision dates and one open promise per open application.
\set ON_ERROR_STOP on
\if :{?apps}
\else
  \set apps 1000000
\endif
SET synchronous_commit = off;
SET client_min_messages = warning;
BEGIN;

-- The same "now" for every row.
CREATE TEMP TABLE bench_now AS SELECT date_trunc('minute', now()) AS now;

INSERT INTO users (id, email, password_hash, full_name, role)
SELECT md5('agent' || g)::uuid, 'agent' || g || '@bench.test', 'x', 'Agent ' || g,
       CASE WHEN g <= 20 THEN 'recruiter' ELSE 'staff' END
  FROM generate_series(1, 25) g;

INSERT INTO users (id, email, password_hash, full_name, role)
SELECT md5('candidate' || g)::uuid, 'candidate' || g || '@bench.test', 'x', 'Candidate ' || g, 'candidate'
  FROM generate_series(0, :apps / 5) g;

INSERT INTO clients (id, name) SELECT md5('client' || g)::uuid, 'Client ' || g FROM generate_series(0, 1999) g;

INSERT INTO jobs (id, client_id, title, description, location, work_mode, employment_type, status, owner_id,
                  pipeline, answer_within_working_days, screening_within_working_days, published_at, created_at)
SELECT md5('job' || g)::uuid, md5('client' || (g % 2000))::uuid, 'Engineer ' || g, 'Builds and runs services.',
       (ARRAY['London', 'Leeds', 'Remote', 'Bristol'])[1 + g % 4], 'hybrid', 'full_time',
       CASE WHEN g % 5 = 0 THEN 'closed' ELSE 'open' END, md5('agent' || (1 + g % 20))::uuid,
       '{Phone screen,Technical,Final}', 2, 5,
       n.now - (g % 700) * interval '1 day', n.now - (g % 700) * interval '1 day'
  FROM generate_series(0, :apps / 10 - 1) g, bench_now n;

-- One row per application with the facts the other tables are derived from.
CREATE TEMP TABLE bench_apps AS
SELECT i,
       md5('app' || i)::uuid AS id,
       md5('job' || (i % (:apps / 10)))::uuid AS job_id,
       md5('candidate' || (i / 5))::uuid AS candidate_id,
       md5('agent' || (1 + (i / 7) % 20))::uuid AS recruiter_id,
       s.status,
       s.status IN ('applied', 'screening', 'interviewing', 'offer') AS open,
       CASE WHEN s.status IN ('applied', 'screening', 'interviewing', 'offer')
            THEN n.now - ((i::bigint * 7919) % (60 * 24)) * interval '1 hour'
            ELSE n.now - (60 * 24 + (i::bigint * 7919) % (670 * 24)) * interval '1 hour' END AS created_at,
       CASE WHEN i % 5 < 2 THEN 3 ELSE 2 END AS stages,
       -- Stages that took place and have feedback.
       CASE WHEN s.status IN ('applied', 'screening') THEN 0 WHEN s.status = 'interviewing' THEN 1
            ELSE CASE WHEN i % 5 < 2 THEN 3 ELSE 2 END END AS done
  FROM generate_series(0, :apps - 1) i
  CROSS JOIN bench_now n
  CROSS JOIN LATERAL (SELECT CASE
           WHEN i % 100 < 5 THEN 'applied' WHEN i % 100 < 10 THEN 'screening'
           WHEN i % 100 < 20 THEN 'interviewing' WHEN i % 100 < 23 THEN 'offer'
           WHEN i % 100 < 28 THEN 'hired' WHEN i % 100 < 80 THEN 'rejected'
           WHEN i % 100 < 90 THEN 'withdrawn' ELSE 'job_closed' END AS status) s;

-- Stage times: stage p of a closed application took place p + 1 weeks after it applied.
CREATE TEMP TABLE bench_stages AS
SELECT a.i, a.id AS application_id, p AS position, md5('stage' || a.i || '-' || p)::uuid AS id,
       a.recruiter_id,
       CASE WHEN p < a.done THEN 'feedback_recorded'
            WHEN a.status = 'interviewing' AND p = 1 AND a.i % 3 = 1 THEN 'awaiting_feedback'
            WHEN a.status = 'interviewing' AND p = 1 AND a.i % 3 = 0 THEN 'scheduled'
            WHEN a.status = 'interviewing' AND p = 1 AND a.i % 30 = 2 THEN 'scheduled'
            WHEN NOT a.open AND p >= a.done THEN 'skipped'
            ELSE 'pending' END AS state,
       CASE WHEN p < a.done THEN a.created_at + (p + 1) * interval '1 week'
            WHEN a.status = 'interviewing' AND p = 1 AND a.i % 3 = 1 THEN n.now - (a.i % 5) * interval '1 day' - interval '1 hour'
            WHEN a.status = 'interviewing' AND p = 1 AND a.i % 3 = 0 THEN n.now + (1 + a.i % 9) * interval '1 day'
            WHEN a.status = 'interviewing' AND p = 1 AND a.i % 30 = 2 THEN n.now - (a.i % 90) * interval '1 minute' - interval '1 hour'
            END AS starts_at
  FROM bench_apps a CROSS JOIN bench_now n CROSS JOIN LATERAL generate_series(0, a.stages - 1) p;

-- current_stage_id's foreign key is deferred to the commit, so applications can name their stage first.
INSERT INTO applications (id, job_id, candidate_id, status, current_stage_id, created_at, updated_at, recruiter_id,
                          rejection_message, closed_at, candidate_decision_at, offer_reply_by)
SELECT a.id, a.job_id, a.candidate_id, a.status,
       CASE WHEN a.status = 'applied' THEN NULL
            WHEN a.status = 'screening' THEN md5('stage' || a.i || '-0')::uuid
            WHEN a.status = 'interviewing' THEN md5('stage' || a.i || '-1')::uuid
            ELSE md5('stage' || a.i || '-' || (a.stages - 1))::uuid END,
       a.created_at, a.created_at, a.recruiter_id,
       CASE WHEN a.status IN ('rejected', 'job_closed') THEN 'Thank you for your time; we will not go further.' END,
       CASE WHEN NOT a.open THEN a.created_at + interval '30 days' END,
       CASE WHEN a.open AND a.i % 40 = 0 THEN n.now + (a.i % 11 - 5) * interval '1 day' END,
       CASE WHEN a.status = 'offer' THEN n.now + (a.i % 9 - 3) * interval '1 day' END
  FROM bench_apps a CROSS JOIN bench_now n;

INSERT INTO application_stages (id, application_id, position, name, state, starts_at, ends_at, location,
                                feedback_due_at, held_at, skip_reason)
SELECT s.id, s.application_id, s.position, (ARRAY['Phone screen', 'Technical', 'Final'])[s.position + 1], s.state,
       s.starts_at, s.starts_at + interval '1 hour', CASE WHEN s.starts_at IS NOT NULL THEN 'Video call' END,
       CASE WHEN s.state IN ('feedback_recorded', 'awaiting_feedback') THEN s.starts_at + interval '2 days' END,
       NULL, CASE WHEN s.state = 'skipped' THEN 'The application closed first.' END
  FROM bench_stages s;

-- The feedback triggers rebuild each application's score facts with plans PostgreSQL caches for the
-- whole statement. Planned on the empty tables the migration left, they scan every row so far for
-- each new one (hours at 300k). A first slice and ANALYZE (which sees this transaction's own rows)
-- give the planner the tables' real shape; the rest then costs the same per row at any size.
ANALYZE;
INSERT INTO feedback (stage_id, application_id, decision, rating, candidate_message, recorded_by, recorded_at)
SELECT s.id, s.application_id, CASE WHEN s.i % 4 = 0 THEN 'reject' ELSE 'advance' END, 1 + s.i % 4,
       'Thank you: here is how it went.', s.recruiter_id, s.starts_at + interval '1 day'
  FROM bench_stages s WHERE s.state = 'feedback_recorded' AND s.i % 64 = 0;
ANALYZE;
INSERT INTO feedback (stage_id, application_id, decision, rating, candidate_message, recorded_by, recorded_at)
SELECT s.id, s.application_id, CASE WHEN s.i % 4 = 0 THEN 'reject' ELSE 'advance' END, 1 + s.i % 4,
       'Thank you: here is how it went.', s.recruiter_id, s.starts_at + interval '1 day'
  FROM bench_stages s WHERE s.state = 'feedback_recorded' AND s.i % 64 <> 0;
ANALYZE;

-- Timeline: applied (the candidate's own), an automatic acknowledgement for most, per stage that
-- took place "scheduled" and "feedback" (a person at the agency) and an internal note, and now and
-- then a message from the candidate. About 10 % of open applications have heard nothing since applying.
INSERT INTO timeline_events (application_id, at, type, text, candidate_visible, actor_id)
SELECT a.id, a.created_at, 'applied', 'You applied.', true, a.candidate_id FROM bench_apps a;
INSERT INTO timeline_events (application_id, at, type, text, candidate_visible, actor_id)
SELECT a.id, a.created_at + interval '1 hour', 'promise_updated', 'We will answer by Friday.', true, NULL
  FROM bench_apps a WHERE a.i % 10 <> 0;
INSERT INTO timeline_events (application_id, at, type, text, candidate_visible, actor_id, stage_id)
SELECT s.application_id, s.starts_at - interval '3 days', 'stage_scheduled', 'Interview booked.', true, s.recruiter_id, s.id
  FROM bench_stages s WHERE s.starts_at IS NOT NULL;
INSERT INTO timeline_events (application_id, at, type, text, candidate_visible, actor_id, stage_id)
SELECT s.application_id, s.starts_at + interval '1 day', 'feedback_recorded', 'Feedback recorded.', true, s.recruiter_id, s.id
  FROM bench_stages s WHERE s.state = 'feedback_recorded';
INSERT INTO timeline_events (application_id, at, type, text, candidate_visible, actor_id, stage_id)
SELECT s.application_id, s.starts_at + interval '1 day', 'feedback_recorded', 'Internal note.', false, s.recruiter_id, s.id
  FROM bench_stages s WHERE s.state = 'feedback_recorded' AND s.position = 0;
INSERT INTO timeline_events (application_id, at, type, text, candidate_visible, actor_id)
SELECT a.id, a.created_at + interval '2 days', 'candidate_update', 'Any news?', true, a.candidate_id
  FROM bench_apps a WHERE a.i % 7 = 0;

INSERT INTO candidate_updates (application_id, kind, text, deadline, answer_due_at, created_at)
SELECT a.id, 'request_update', 'Any news?', NULL, n.now + (a.i % 7 - 3) * interval '1 day', a.created_at + interval '2 days'
  FROM bench_apps a, bench_now n WHERE a.open AND a.i % 50 = 0;
INSERT INTO candidate_updates (application_id, kind, text, deadline, created_at)
SELECT a.id, 'other_offer', 'Another offer', n.now + (a.i % 13 - 3) * interval '1 day', a.created_at + interval '3 days'
  FROM bench_apps a, bench_now n WHERE a.open AND a.i % 97 = 0;
-- Closed applications' answered requests: the history the open-request indexes must skip.
INSERT INTO candidate_updates (application_id, kind, text, answer_due_at, answered_at, created_at)
SELECT a.id, 'request_update', 'Any news?', a.created_at + interval '5 days', a.created_at + interval '4 days', a.created_at + interval '2 days'
  FROM bench_apps a WHERE NOT a.open AND a.i % 7 = 0;

INSERT INTO application_promises (application_id, kind, due_at, made_at, automatic)
SELECT a.id, 'answer', n.now + (a.i % 10 - 2) * interval '1 day' + (a.i % 60) * interval '1 minute', a.created_at, true
  FROM bench_apps a, bench_now n WHERE a.open;
INSERT INTO application_promises (application_id, kind, due_at, made_at, automatic, ended_at, ended_how)
SELECT a.id, 'answer', a.created_at + interval '5 days', a.created_at, true, a.created_at + interval '4 days', 'kept'
  FROM bench_apps a WHERE NOT a.open;

INSERT INTO offers (application_id, title, made_by, made_at, reply_by)
SELECT a.id, 'Engineer', a.recruiter_id, n.now - interval '10 days', n.now + (a.i % 9 - 3) * interval '1 day'
  FROM bench_apps a, bench_now n WHERE a.status = 'offer';

-- Escalations: overdue interviews of open applications, and the resolved history of closed ones.
INSERT INTO deadline_alerts (stage_id, kind, due_at, fired_at, owner_id)
SELECT st.id, k.kind, st.feedback_due_at, st.feedback_due_at, s.recruiter_id
  FROM bench_stages s JOIN application_stages st ON st.id = s.id
  CROSS JOIN (VALUES ('reminder_at_due'), ('escalation')) k(kind)
 WHERE st.feedback_due_at IS NOT NULL AND st.feedback_due_at < (SELECT now FROM bench_now)
   AND (st.state = 'awaiting_feedback' OR s.i % 10 = 0);

COMMIT;
VACUUM ANALYZE;
SELECT (SELECT count(*) FROM applications) AS applications, (SELECT count(*) FROM application_stages) AS stages,
       (SELECT count(*) FROM timeline_events) AS timeline_events, (SELECT count(*) FROM feedback) AS feedback,
       pg_size_pretty(pg_database_size(current_database())) AS size;
