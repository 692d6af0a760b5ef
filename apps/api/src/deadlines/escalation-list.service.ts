import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EscalationView } from '@heardback/contracts';
import { OPEN_STATUSES } from '@heardback/domain';
import { DataSource } from 'typeorm';

interface EscalationRow {
  application_id: string;
  application_version: number;
  stage_id: string;
  stage_name: string;
  candidate_name: string;
  job_title: string;
  client_name: string;
  owner_id: string | null;
  owner_name: string | null;
  feedback_due_at: Date;
  fired_at: Date;
  second_fired_at: Date | null;
}

/** Staff's list of escalations: overdue feedback escalated and still not recorded, with whose work it is now. */
@Injectable()
export class EscalationListService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Longest overdue first; an escalation leaves the list once its feedback is recorded or the application closes. */
  async open(): Promise<EscalationView[]> {
    const rows: EscalationRow[] = await this.dataSource.query(
      `SELECT a.id AS application_id, a.version AS application_version, s.id AS stage_id, s.name AS stage_name,
              u.full_name AS candidate_name, j.title AS job_title, c.name AS client_name,
              o.id AS owner_id, o.full_name AS owner_name, s.feedback_due_at, d.fired_at, d2.fired_at AS second_fired_at
         FROM deadline_alerts d
         JOIN application_stages s ON s.id = d.stage_id AND s.feedback_due_at = d.due_at
         JOIN applications a ON a.id = s.application_id
         JOIN users u ON u.id = a.candidate_id
         JOIN jobs j ON j.id = a.job_id
         JOIN clients c ON c.id = j.client_id
         LEFT JOIN users o ON o.id = stage_owner(a.id, s.id)
         LEFT JOIN deadline_alerts d2 ON d2.stage_id = d.stage_id AND d2.due_at = d.due_at AND d2.kind = 'second_escalation'
        WHERE d.kind = 'escalation' AND a.status = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = s.id)
        ORDER BY s.feedback_due_at`,
      [OPEN_STATUSES],
    );
    return rows.map((row) => ({
      applicationId: row.application_id,
      applicationVersion: row.application_version,
      stageId: row.stage_id,
      stageName: row.stage_name,
      candidateName: row.candidate_name,
      jobTitle: row.job_title,
      clientName: row.client_name,
      ownerId: row.owner_id,
      ownerName: row.owner_name,
      feedbackDueAt: row.feedback_due_at.toISOString(),
      escalatedAt: row.fired_at.toISOString(),
      secondEscalatedAt: row.second_fired_at?.toISOString() ?? null,
    }));
  }
}
