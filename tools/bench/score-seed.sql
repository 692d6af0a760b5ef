-- What the score reads beyond seed-scale.sql (ADR 0033): run after it on the same database.
--
--   psql -h 127.0.0.1 -U postgres -d <db> -f tools/bench/score-seed.sql
--
-- Adds, derived from row numbers so two runs build the same data:
-- - three contacts per client, and for about 30 % of first feedback a published client draft (with
--   its review link) by one of its client's contacts: the interviewer grouping;
-- - feedback spread over 0–9 working-day delays (seed-scale records all feedback a day after);
-- - for each closed application a promise that was kept, re-dated or broken (seed-scale's are all kept);
-- - a closing answer (cNPS and "kept informed?") for 60 % of closed applications.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET client_min_messages = warning;
BEGIN;

INSERT INTO client_contacts (id, client_id, full_name, email, role)
SELECT md5('contact' || c.n || '-' || k)::uuid, md5('client' || c.n)::uuid, 'Contact ' || c.n || '-' || k,
       'contact' || c.n || '-' || k || '@client.bench.test', 'Hiring manager'
  FROM generate_series(0, 1999) c(n), generate_series(0, 2) k;

-- Feedback is immutable (a trigger refuses updates), so the spread comes as corrections would not:
-- the seed's feedback stays, and this moves the stages' interview ends back by 0–9 days instead.
ALTER TABLE application_stages DISABLE TRIGGER application_stages_feedback_guard;
UPDATE application_stages s
   SET starts_at = s.starts_at - (abs(hashtext(s.id::text)) % 10) * interval '1 day' - (abs(hashtext(s.id::text)) % 7) * interval '1 hour',
       ends_at = s.ends_at - (abs(hashtext(s.id::text)) % 10) * interval '1 day' - (abs(hashtext(s.id::text)) % 7) * interval '1 hour'
 WHERE s.state = 'feedback_recorded';
ALTER TABLE application_stages ENABLE TRIGGER application_stages_feedback_guard;

CREATE TEMP TABLE score_drafts AS
SELECT f.id AS feedback_id, f.stage_id, f.application_id, f.recorded_at, s.ends_at,
       j.client_id, abs(hashtext(f.id::text)) % 3 AS k
  FROM feedback f
  JOIN application_stages s ON s.id = f.stage_id
  JOIN applications a ON a.id = f.application_id
  JOIN jobs j ON j.id = a.job_id
 WHERE f.supersedes_id IS NULL AND abs(hashtext(f.id::text)) % 10 < 3;

INSERT INTO client_review_links (id, stage_id, application_id, contact_id, token_hash, created_at, expires_at, submitted_at)
SELECT md5('link' || d.feedback_id)::uuid, d.stage_id, d.application_id,
       (SELECT cc.id FROM client_contacts cc WHERE cc.client_id = d.client_id ORDER BY cc.id OFFSET d.k LIMIT 1),
       decode(md5('a' || d.feedback_id) || md5('b' || d.feedback_id), 'hex'),
       d.ends_at, d.ends_at + interval '14 days', d.recorded_at - interval '1 hour'
  FROM score_drafts d;

INSERT INTO client_feedback_drafts (link_id, stage_id, application_id, contact_id, decision, rating, candidate_message,
                                    submitted_at, published_at, feedback_id)
SELECT l.id, l.stage_id, l.application_id, l.contact_id, 'advance', 3, 'Clear thinking.', l.submitted_at,
       d.recorded_at, d.feedback_id
  FROM score_drafts d JOIN client_review_links l ON l.id = md5('link' || d.feedback_id)::uuid;

INSERT INTO application_promises (application_id, kind, due_at, made_at, automatic, ended_at, ended_how, redatings)
SELECT a.id, 'next_step', a.created_at + interval '8 days', a.created_at + interval '1 day', false,
       a.created_at + interval '8 days' + CASE WHEN abs(hashtext(a.id::text)) % 5 = 4 THEN interval '2 hours' ELSE interval '-2 hours' END,
       (ARRAY['kept', 'kept', 'redated', 'updated', 'kept'])[1 + abs(hashtext(a.id::text)) % 5],
       CASE WHEN abs(hashtext(a.id::text)) % 7 = 0 THEN 1 ELSE 0 END
  FROM applications a WHERE a.closed_at IS NOT NULL;

INSERT INTO satisfaction_responses (application_id, recommend_score, kept_informed, answered_at)
SELECT a.id, abs(hashtext(a.id::text)) % 11, abs(hashtext(a.id::text)) % 4 <> 0, a.closed_at + interval '1 day'
  FROM applications a WHERE a.closed_at IS NOT NULL AND abs(hashtext('s' || a.id::text)) % 10 < 6;

COMMIT;
VACUUM ANALYZE;
SELECT (SELECT count(*) FROM applications) AS applications, (SELECT count(*) FROM feedback) AS feedback,
       (SELECT count(*) FROM client_feedback_drafts) AS drafts, (SELECT count(*) FROM application_promises) AS promises,
       (SELECT count(*) FROM satisfaction_responses) AS answers,
       pg_size_pretty(pg_database_size(current_database())) AS size;
