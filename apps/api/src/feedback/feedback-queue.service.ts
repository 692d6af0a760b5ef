import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FeedbackQueuePage, WORK_LIST_DEFAULT_LIMIT } from '@heardback/contracts';
import { isOverdue } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '../config/clock';
import {
  DUE_ORDER_BY,
  DUE_ORDER_CURSOR_COLUMNS,
  MAY_OWE_FEEDBACK,
  afterDueOrderCursor,
  decodeDueOrderCursor,
  encodeDueOrderCursor,
} from '../database/due-order-cursor';

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
  cursor_due: string;
  cursor_ends: string;
}

export interface FeedbackQueueRequest {
  viewerId: string;
  mine?: boolean;
  cursor?: string;
  limit?: number;
}

/**
 * Which stages wait for feedback: they took place, have none, and their application is open.
 * `$1` the viewer, `$2` whether only the viewer's own work counts; an open application is one
 * not closed (`closed_at IS NULL`, exactly the open statuses), read from applications_open_idx.
 *
 * MAY_OWE_FEEDBACK changes nothing (a stage with times is in one of scheduled or awaiting_feedback
 * until its feedback is recorded: pending stages have none, skipping clears them, the stage
 * triggers refuse both feedback_recorded without feedback and skipping one that took place, and
 * a pending or skipped stage marked held is named in it), but it is the predicate of
 * application_stages_awaiting_feedback_idx, so the queue walks
 * that small index in its own order and stops at the page instead of scanning every stage.
 * Feedback is looked up through its one original per stage (a correction supersedes the original
 * of the same stage), which feedback_one_original_per_stage answers. The owner is
 * `stage_owner(a.id, s.id)` written out, so it costs no extra lookup per row.
 */
const WAITING_FOR_FEEDBACK = `
         FROM application_stages s
         JOIN applications a ON a.id = s.application_id
        WHERE ${MAY_OWE_FEEDBACK}
          AND a.closed_at IS NULL
          AND (NOT $2 OR coalesce(s.recruiter_id, a.recruiter_id) = $1)
          AND stage_took_place(s.ends_at, s.held_at)
          AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = s.id AND f.supersedes_id IS NULL)`;

/** One page of the queue; `$3` the page size plus one, then the cursor's values if `after` is given. */
export function feedbackQueuePageSql(after = ''): string {
  return `SELECT s.application_id, s.application_version, s.id AS stage_id, s.name AS stage_name,
              u.full_name AS candidate_name, j.title AS job_title, c.name AS client_name, s.ends_at, s.feedback_due_at,
              o.id AS owner_id, o.full_name AS owner_name, ${DUE_ORDER_CURSOR_COLUMNS}
         FROM (SELECT s.id, s.name, s.ends_at, s.feedback_due_at, s.application_id, a.version AS application_version,
                      a.candidate_id, a.job_id, coalesce(s.recruiter_id, a.recruiter_id) AS owner
               ${WAITING_FOR_FEEDBACK} ${after ? `AND ${after}` : ''}
               ${DUE_ORDER_BY}
               LIMIT $3) s
         JOIN users u ON u.id = s.candidate_id
         JOIN jobs j ON j.id = s.job_id
         JOIN clients c ON c.id = j.client_id
         LEFT JOIN users o ON o.id = s.owner
        ${DUE_ORDER_BY}`;
}

export const FEEDBACK_QUEUE_TOTAL_SQL = `SELECT count(*)::int AS total ${WAITING_FOR_FEEDBACK}`;

/** Stages that took place and still have no feedback, on open applications: oldest due first, a page at a time. */
@Injectable()
export class FeedbackQueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** With `mine`, only the stages whose work is `viewerId`'s (SQL `stage_owner`), and the total counts those. */
  async list({
    viewerId,
    mine = false,
    cursor,
    limit = WORK_LIST_DEFAULT_LIMIT,
  }: FeedbackQueueRequest): Promise<FeedbackQueuePage> {
    const params: unknown[] = [viewerId, mine, limit + 1];
    const param = (value: unknown) => `$${params.push(value)}`;
    const after = cursor ? afterDueOrderCursor(decodeDueOrderCursor(cursor), param) : '';
    const rows: QueueRow[] = await this.dataSource.query(feedbackQueuePageSql(after), params);
    const [{ total }]: { total: number }[] = await this.dataSource.query(FEEDBACK_QUEUE_TOTAL_SQL, params.slice(0, 2));
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const now = this.clock.now();
    return {
      items: page.map((row) => ({
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
      })),
      nextCursor: rows.length > limit && last ? encodeDueOrderCursor(last) : null,
      total,
    };
  }
}
