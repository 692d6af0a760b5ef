-- EXPLAIN (ANALYZE, BUFFERS) of the agency queues and the deadline sweep, as the API runs them
-- (ADR 0025, 0037, 0041), on a database filled by tools/bench/seed-scale.sql:
--
--   psql -h 127.0.0.1 -U postgres -d scratch_scale -f tools/bench/explain-queues.sql > explain.txt
--   grep -E '^-- |Execution Time|Index|Seq Scan' explain.txt
--
-- Each statement is the SQL of the service named above it, with its parameters written in.
\set ON_ERROR_STOP on
\pset pager off
SET plan_cache_mode = force_custom_plan;
\set open '(''applied'', ''screening'', ''interviewing'', ''offer'')'
\set week 'make_interval(hours => 24 * 7)'

\echo '-- waiting: first page (AgencyApplicationListsService.waiting)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id, a.version, a.status, a.current_stage_id, a.created_at, a.last_heard_at, a.last_heard_at::text AS cursor_at,
       u.id AS candidate_id, u.full_name, u.email, j.id AS job_id, j.title, c.name AS client_name
  FROM applications a JOIN users u ON u.id = a.candidate_id JOIN jobs j ON j.id = a.job_id JOIN clients c ON c.id = j.client_id
 WHERE a.status IN :open
 ORDER BY a.last_heard_at, a.id LIMIT 51;

\echo '-- waiting: a deep page (cursor at the median open application)'
SELECT last_heard_at::text AS at, id FROM applications WHERE status IN :open
 ORDER BY last_heard_at, id OFFSET (SELECT count(*) / 2 FROM applications WHERE status IN :open) LIMIT 1 \gset cursor_
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id, a.last_heard_at::text AS cursor_at, u.full_name, j.title, c.name
  FROM applications a JOIN users u ON u.id = a.candidate_id JOIN jobs j ON j.id = a.job_id JOIN clients c ON c.id = j.client_id
 WHERE a.status IN :open AND (a.last_heard_at, a.id) > (:'cursor_at'::timestamptz, :'cursor_id'::uuid)
 ORDER BY a.last_heard_at, a.id LIMIT 51;

\echo '-- waiting: the true total'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*)::int AS total FROM applications a WHERE a.status IN :open;

\echo '-- job applications: first page and column counts of a job (jobApplicationsQueries)'
SELECT job_id FROM applications GROUP BY job_id ORDER BY count(*) DESC LIMIT 1 \gset big_
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id, a.created_at::text AS cursor_at, u.full_name, j.title, c.name
  FROM applications a JOIN users u ON u.id = a.candidate_id JOIN jobs j ON j.id = a.job_id JOIN clients c ON c.id = j.client_id
 WHERE a.job_id = :'big_job_id' ORDER BY a.created_at, a.id LIMIT 51;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.status, s.name, s.position, count(*)::int
  FROM applications a LEFT JOIN application_stages s ON s.id = a.current_stage_id
 WHERE a.job_id = :'big_job_id' GROUP BY a.status, s.name, s.position;

\echo '-- attention: first page (attention-queries.ts)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH others AS MATERIALIZED (
  SELECT a.id AS application_id, 'update_requested' AS reason, cu.text, cu.answer_due_at AS due_at
    FROM candidate_updates cu JOIN applications a ON a.id = cu.application_id
   WHERE cu.kind = 'request_update' AND cu.answered_at IS NULL AND a.status IN :open
  UNION ALL
  SELECT a.id, 'other_offer', cu.text, cu.deadline
    FROM candidate_updates cu JOIN applications a ON a.id = cu.application_id
   WHERE cu.kind = 'other_offer' AND (cu.deadline IS NULL OR cu.deadline > now() - interval '1 day')
     AND (a.last_answered_at IS NULL OR a.last_answered_at < cu.created_at) AND a.status IN :open
  UNION ALL
  SELECT a.id, 'decision_date', NULL, a.candidate_decision_at FROM applications a
   WHERE a.candidate_decision_at IS NOT NULL AND a.status IN :open),
other_cards AS (
  SELECT DISTINCT ON (s.application_id) s.application_id,
         CASE WHEN s.due_at < now() THEN 0 ELSE 4 END
         + CASE s.reason WHEN 'other_offer' THEN 0 WHEN 'decision_date' THEN 1 WHEN 'update_requested' THEN 2 ELSE 3 END AS rank,
         coalesce(s.due_at, 'infinity') AS sort_at
    FROM (SELECT * FROM others
          UNION ALL
          SELECT a.id, 'silent', NULL, a.last_heard_at + :week FROM applications a
           WHERE a.status IN :open AND a.last_heard_at < now() - :week AND a.id IN (SELECT application_id FROM others)) s
   ORDER BY s.application_id, 2, 3)
SELECT c.application_id, c.rank, c.sort_at::text
  FROM (SELECT * FROM other_cards c
        UNION ALL
        (SELECT a.id, 3, a.last_heard_at + :week FROM applications a
          WHERE a.status IN :open AND a.last_heard_at < now() - :week
            AND NOT EXISTS (SELECT 1 FROM others o WHERE o.application_id = a.id)
          ORDER BY a.last_heard_at, a.id LIMIT 51)) c
 ORDER BY c.rank, c.sort_at, c.application_id LIMIT 51;

\echo '-- attention: the true total'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH others AS MATERIALIZED (
  SELECT a.id AS application_id FROM candidate_updates cu JOIN applications a ON a.id = cu.application_id
   WHERE cu.kind = 'request_update' AND cu.answered_at IS NULL AND a.status IN :open
  UNION ALL
  SELECT a.id FROM candidate_updates cu JOIN applications a ON a.id = cu.application_id
   WHERE cu.kind = 'other_offer' AND (cu.deadline IS NULL OR cu.deadline > now() - interval '1 day')
     AND (a.last_answered_at IS NULL OR a.last_answered_at < cu.created_at) AND a.status IN :open
  UNION ALL
  SELECT a.id FROM applications a WHERE a.candidate_decision_at IS NOT NULL AND a.status IN :open)
SELECT ((SELECT count(DISTINCT application_id) FROM others)
        + (SELECT count(*) FROM applications a WHERE a.status IN :open AND a.last_heard_at < now() - :week
              AND NOT EXISTS (SELECT 1 FROM others o WHERE o.application_id = a.id)))::int AS total;

\echo '-- feedback queue: first page, total, total of one recruiter (FeedbackQueueService; ADR 0037)'
\set may_owe '(s.state IN (''scheduled'', ''awaiting_feedback'') OR (s.held_at IS NOT NULL AND s.state IN (''pending'', ''skipped'')))'
\set due_order 'coalesce(s.feedback_due_at, ''-infinity''::timestamptz), coalesce(s.ends_at, ''infinity''::timestamptz), s.id'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT s.id, a.version, a.candidate_id, a.job_id, coalesce(s.recruiter_id, a.recruiter_id) AS owner
  FROM application_stages s JOIN applications a ON a.id = s.application_id
 WHERE :may_owe AND s.feedback_waiting_from <= now()
 ORDER BY :due_order LIMIT 51;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*)::int AS total FROM application_stages s WHERE :may_owe AND s.feedback_waiting_from <= now();
\echo '-- feedback queue of one recruiter ("mine"): first page and total, from the stored owner (ADR 0041)'
SELECT id AS recruiter FROM users WHERE role = 'recruiter' ORDER BY email LIMIT 1 \gset queue_
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT s.id, a.version, a.candidate_id, a.job_id, s.owner_id AS owner
  FROM application_stages s JOIN applications a ON a.id = s.application_id
 WHERE :may_owe AND s.feedback_waiting_from <= now() AND s.owner_id = :'queue_recruiter'
 ORDER BY :due_order LIMIT 51;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*)::int AS total FROM application_stages s
 WHERE :may_owe AND s.feedback_waiting_from <= now() AND s.owner_id = :'queue_recruiter';

\echo '-- escalations: first page and total (EscalationListService; ADR 0037)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT s.id, a.version, a.candidate_id, a.job_id, s.feedback_escalated_at AS fired_at
  FROM application_stages s JOIN applications a ON a.id = s.application_id
 WHERE s.feedback_escalated_at IS NOT NULL
 ORDER BY :due_order LIMIT 51;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*)::int AS total FROM application_stages s WHERE s.feedback_escalated_at IS NOT NULL;

\echo '-- feedback triggers: is there feedback for this stage? (application_stages_guard_feedback, applications_require_stage_feedback)'
SELECT id AS stage_id FROM application_stages WHERE state = 'awaiting_feedback' LIMIT 1 \gset trigger_
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = :'trigger_stage_id');

\echo '-- sweep: interviews that ended (DeadlineSweepService.markEndedInterviews)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT s.id FROM application_stages s JOIN applications a ON a.id = s.application_id
 WHERE s.state = 'scheduled' AND s.ends_at <= now() AND a.status IN :open LIMIT 1000;

\echo '-- sweep: feedback due and overdue, ladder not complete (DeadlineSweepService.fireAlerts; ADR 0037)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT s.id AS stage_id, s.name, s.feedback_due_at, a.id, u.full_name, j.title, c.name, o.id, o.full_name
  FROM application_stages s JOIN applications a ON a.id = s.application_id JOIN users u ON u.id = a.candidate_id
  JOIN jobs j ON j.id = a.job_id JOIN clients c ON c.id = j.client_id
  LEFT JOIN users o ON o.id = s.owner_id
 WHERE s.feedback_waiting_from <= now() AND s.feedback_due_at IS NOT NULL AND s.feedback_alerts_done_for IS NULL
   AND s.feedback_due_at <= now() + make_interval(hours => 24)
 ORDER BY s.feedback_due_at LIMIT 1000;

\echo '-- sweep: escalations left unanswered (SecondEscalations.sweep; ADR 0041)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT k.stage_id, k.stage_name, k.feedback_due_at, k.application_id, u.full_name, j.title, c.name, k.escalated_at, k.owner_id, o.full_name
  FROM (SELECT s.id AS stage_id, s.name AS stage_name, s.feedback_due_at, a.id AS application_id, a.candidate_id, a.job_id,
               s.feedback_escalated_at AS escalated_at, s.owner_id
          FROM application_stages s JOIN applications a ON a.id = s.application_id
         WHERE s.feedback_escalated_at <= now() - make_interval(hours => 8)
           AND EXISTS (SELECT 1 FROM deadline_alerts d WHERE d.stage_id = s.id AND d.kind = 'escalation'
                         AND d.due_at = s.feedback_due_at AND d.owner_id IS NOT DISTINCT FROM s.owner_id)
           AND NOT EXISTS (SELECT 1 FROM deadline_alerts d2
                            WHERE d2.stage_id = s.id AND d2.kind = 'second_escalation' AND d2.due_at = s.feedback_due_at)
         ORDER BY s.feedback_escalated_at LIMIT 1000) k
  JOIN users u ON u.id = k.candidate_id JOIN jobs j ON j.id = k.job_id JOIN clients c ON c.id = j.client_id
  LEFT JOIN users o ON o.id = k.owner_id
 ORDER BY k.escalated_at;

\echo '-- sweep: requests for an update not answered in time (CandidateFollowUpAlerts.remindOverdueUpdateRequests)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT cu.id FROM candidate_updates cu JOIN applications a ON a.id = cu.application_id
 WHERE cu.kind = 'request_update' AND cu.answered_at IS NULL AND cu.overdue_reminded_at IS NULL
   AND cu.answer_due_at <= now() AND a.status IN :open;

\echo '-- sweep: decision dates passed with no answer (CandidateFollowUpAlerts.escalatePassedDecisionDates; ADR 0041)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT k.id, k.candidate_decision_at, u.full_name, j.title, c.name, o.full_name
  FROM (SELECT a.id, a.candidate_decision_at, a.candidate_id, a.job_id, a.current_stage_id, a.recruiter_id
          FROM applications a
         WHERE a.status IN :open AND a.candidate_decision_at <= now()
           AND NOT coalesce(a.last_answered_at > (SELECT max(d.at) FROM timeline_events d WHERE d.application_id = a.id AND d.type = 'decision_date_set'), false)
           AND NOT EXISTS (SELECT 1 FROM application_alerts al WHERE al.application_id = a.id AND al.kind = 'decision_date_passed' AND al.due_at = a.candidate_decision_at)
         ORDER BY a.candidate_decision_at LIMIT 1000) k
  JOIN users u ON u.id = k.candidate_id JOIN jobs j ON j.id = k.job_id JOIN clients c ON c.id = j.client_id
  LEFT JOIN application_stages cs ON cs.id = k.current_stage_id
  LEFT JOIN users o ON o.id = coalesce(cs.owner_id, k.recruiter_id)
 ORDER BY k.candidate_decision_at;

\echo '-- sweep: promises that lapsed, and check-ins (PromiseSweep.sweep)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT p.id FROM application_promises p WHERE p.ended_at IS NULL AND p.due_at <= now() + interval '1 minute'
   AND NOT (p.kind = 'offer_reply' AND EXISTS (SELECT 1 FROM offers o WHERE o.application_id = p.application_id AND o.answer IS NULL))
 ORDER BY p.due_at LIMIT 500;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id FROM application_promises WHERE ended_at IS NULL AND check_in_at <= now() + interval '1 minute' ORDER BY check_in_at LIMIT 500;

\echo '-- sweep: offers past their reply-by date (OfferReplyAlerts.sweep)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT k.id, k.offer_reply_by, u.full_name, j.title, c.name, k.recruiter_id
  FROM (SELECT a.id, a.offer_reply_by, a.candidate_id, a.job_id, a.recruiter_id
          FROM applications a JOIN offers o ON o.application_id = a.id AND o.answer IS NULL
         WHERE a.status = 'offer' AND a.offer_reply_by <= now()
           AND (SELECT count(*) FROM application_alerts al WHERE al.application_id = a.id AND al.due_at = a.offer_reply_by
                  AND al.kind IN ('offer_reply_passed', 'offer_reply_escalated')) < 2
         ORDER BY a.offer_reply_by LIMIT 500) k
  JOIN users u ON u.id = k.candidate_id JOIN jobs j ON j.id = k.job_id JOIN clients c ON c.id = j.client_id
 ORDER BY k.offer_reply_by;
