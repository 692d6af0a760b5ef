import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, Clock } from '../config/clock';
import { FeedbackQueueItem } from '@heardback/contracts';
import { OPEN_STATUSES, isOverdue } from '@heardback/domain';
import { DataSource } from 'typeorm';

interface QueueRow {
  application_id: string;
  application_version: number;
  stage_id: string;
  stage_name: string;
  candidate_name: string;
  job_title: string;
  client_name: string;
  ends_at: Date | null;
  feedback_due_at: Date | null;
  owner_id: string | null;
  owner_name: string | null;
}

/** Stages that took place and still have no feedback, on open applications: oldest due first. */
@Injectable()
export class FeedbackQueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** With `mine`, only the stages whose work is `viewerId`'s (SQL `stage_owner`). */
  async list(viewerId: string, mine = false): Promise<FeedbackQueueItem[]> {
    const rows: QueueRow[] = await this.dataSource.query(
      `SELECT a.id AS application_id, a.version AS application_version, s.id AS stage_id, s.name AS stage_name,
              u.full_name AS candidate_name, j.title AS job_title, c.name AS client_name, s.ends_at, s.feedback_due_at,
              o.id AS owner_id, o.full_name AS owner_name
         FROM application_stages s
         JOIN applications a ON a.id = s.application_id
         JOIN users u ON u.id = a.candidate_id
         JOIN jobs j ON j.id = a.job_id
         JOIN clients c ON c.id = j.client_id
         LEFT JOIN users o ON o.id = stage_owner(a.id, s.id)
        WHERE a.status = ANY($1)
          AND (NOT $3 OR stage_owner(a.id, s.id) = $2)
          AND stage_took_place(s.ends_at, s.held_at)
          AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = s.id)
        ORDER BY s.feedback_due_at ASC NULLS FIRST, s.ends_at ASC, s.id
        LIMIT 500`,
      [OPEN_STATUSES, viewerId, mine],
    );
    const now = this.clock.now();
    return rows.map((row) => ({
      applicationId: row.application_id,
      applicationVersion: row.application_version,
      stageId: row.stage_id,
      stageName: row.stage_name,
      candidateName: row.candidate_name,
      jobTitle: row.job_title,
      clientName: row.client_name,
      endedAt: row.ends_at?.toISOString() ?? null,
      feedbackDueAt: row.feedback_due_at?.toISOString() ?? null,
      overdue: isOverdue(row.feedback_due_at, now),
      ownerId: row.owner_id,
      ownerName: row.owner_name,
      assignedToYou: row.owner_id === viewerId,
    }));
  }
}
