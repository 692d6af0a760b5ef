import { FeedbackDecision } from '@heardback/contracts';
import { DataSource } from 'typeorm';

/** What the simulated people read before they act: the SQL the simulation needs, in one place. */

export interface OpenApplication {
  id: string;
  version: number;
  status: string;
  candidate_id: string;
  stage_id: string | null;
  stage_position: number | null;
  stage_state: string | null;
  ends_at: Date | null;
  decision: FeedbackDecision | null;
  reminded: boolean;
  escalated: boolean;
  open_request: boolean;
  last_heard_at: Date;
  other_offer_deadline: Date | null;
  promise_due_at: Date | null;
  promise_redatings: number;
  /** An offer waits for the candidate's answer. */
  open_offer: boolean;
  job_id: string;
  /** Client contacts interview on the current stage (issue 13). */
  client_interviewed: boolean;
  /** The oldest client draft on the current stage still to publish, and its words for the candidate. */
  client_draft_id: string | null;
  client_draft_message: string | null;
}

/** Open applications, oldest first; with an owner, only the work that is theirs now (ADR 0015). */
export function openApplications(dataSource: DataSource, ownerId: string | null): Promise<OpenApplication[]> {
  return dataSource.query(
    `SELECT a.id, a.version, a.status, a.candidate_id, s.id AS stage_id, s.position AS stage_position, s.state AS stage_state, s.ends_at,
              (SELECT f.decision FROM feedback f WHERE f.stage_id = s.id ORDER BY f.version DESC LIMIT 1) AS decision,
              EXISTS (SELECT 1 FROM deadline_alerts d WHERE d.stage_id = s.id AND d.kind = 'reminder_at_due') AS reminded,
              EXISTS (SELECT 1 FROM deadline_alerts d WHERE d.stage_id = s.id AND d.kind = 'escalation') AS escalated,
              EXISTS (SELECT 1 FROM candidate_updates u WHERE u.application_id = a.id AND u.kind = 'request_update' AND u.answered_at IS NULL) AS open_request,
              a.last_heard_at, -- the product's own measure: the candidate's own messages do not end their silence
              (SELECT max(u.deadline) FROM candidate_updates u WHERE u.application_id = a.id AND u.kind = 'other_offer') AS other_offer_deadline,
              p.due_at AS promise_due_at, coalesce(p.redatings, 0) AS promise_redatings,
              EXISTS (SELECT 1 FROM offers o WHERE o.application_id = a.id AND o.answer IS NULL) AS open_offer,
              a.job_id, EXISTS (SELECT 1 FROM stage_client_interviewers si WHERE si.stage_id = s.id) AS client_interviewed,
              d.id AS client_draft_id, d.candidate_message AS client_draft_message
         FROM applications a
         LEFT JOIN LATERAL (SELECT d.id, d.candidate_message FROM client_feedback_drafts d
                             WHERE d.application_id = a.id AND d.stage_id = a.current_stage_id AND d.published_at IS NULL
                             ORDER BY d.submitted_at LIMIT 1) d ON true
         LEFT JOIN application_promises p ON p.application_id = a.id AND p.ended_at IS NULL
         LEFT JOIN application_stages s ON s.id = a.current_stage_id
        -- Whose work it is now (ADR 0015): staff may have given it to someone else.
        WHERE a.status IN ('applied', 'screening', 'interviewing', 'offer')
          AND ($1::uuid IS NULL OR stage_owner(a.id, a.current_stage_id) = $1)
        ORDER BY a.created_at`,
    [ownerId],
  );
}

/**
 * Applications staff have been told about and someone other than `takerId` still holds: a stage's
 * feedback escalated and still missing, or a promise whose date the rules had to set twice in a row.
 */
export function escalatedApplications(
  dataSource: DataSource,
  takerId: string,
): Promise<{ id: string; version: number; escalated_at: Date | null }[]> {
  return dataSource.query(
    `SELECT a.id, a.version, least(
                -- Timeline times follow the simulated clock (an alert's fired_at is the database's own).
                (SELECT min(t.at) FROM timeline_events t WHERE t.application_id = a.id AND t.type = 'escalated'
                    AND t.stage_id = a.current_stage_id AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = t.stage_id)
                    -- Staff act on the recruiters' ladder; a silent client's escalation is the owner's to chase.
                    AND EXISTS (SELECT 1 FROM deadline_alerts d WHERE d.stage_id = t.stage_id AND d.kind = 'escalation')),
                (SELECT p.made_at FROM application_promises p JOIN application_promises o ON o.id = p.replaces_id
                  WHERE p.application_id = a.id AND p.ended_at IS NULL AND p.automatic AND o.automatic)) AS escalated_at
         FROM applications a
        WHERE a.status IN ('applied', 'screening', 'interviewing', 'offer')
          AND stage_owner(a.id, a.current_stage_id) IS DISTINCT FROM $1`,
    [takerId],
  );
}
