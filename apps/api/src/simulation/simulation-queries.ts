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
              EXISTS (SELECT 1 FROM offers o WHERE o.application_id = a.id AND o.answer IS NULL) AS open_offer
         FROM applications a
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
                    AND t.stage_id = a.current_stage_id AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = t.stage_id)),
                (SELECT p.made_at FROM application_promises p JOIN application_promises o ON o.id = p.replaces_id
                  WHERE p.application_id = a.id AND p.ended_at IS NULL AND p.automatic AND o.automatic)) AS escalated_at
         FROM applications a
        WHERE a.status IN ('applied', 'screening', 'interviewing', 'offer')
          AND stage_owner(a.id, a.current_stage_id) IS DISTINCT FROM $1`,
    [takerId],
  );
}
