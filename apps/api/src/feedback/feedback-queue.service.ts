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
  client_drafts_waiting: number;
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
 * The stage keeps that as `feedback_waiting_from` (ADR 0037; written by the database in the
 * transaction of every write that changes it): set while the stage owes feedback, to when it took
 * place ('-infinity' if marked held, else its end), so `feedback_waiting_from <= now()` is exactly
 * "owes feedback and stage_took_place(ends_at, held_at)". MAY_OWE_FEEDBACK changes nothing (a stage
 * with times is in one of scheduled or awaiting_feedback until its feedback is recorded; see
 * due-order-cursor.ts) but it is in the predicate of application_stages_feedback_waiting_idx, which
 * then holds only the queue and the interviews still to come: the page walks it in its own order
 * and stops at the page, and the total counts it without reading a table. The owner is the stage's
 * `owner_id`, `stage_owner(a.id, s.id)` stored by the database (ADR 0041), and "mine" walks and
 * counts application_stages_owner_feedback_waiting_idx, the same index with the owner in front.
 */
const WAITING_NOW = `${MAY_OWE_FEEDBACK} AND s.feedback_waiting_from <= now()`;

/**
 * One page of the queue. `mine` is the viewer's id placeholder when only their work counts: written
 * into the statement, not switched by a parameter, so "mine" walks its own index in order (a
 * `NOT $n OR …` would make one plan serve both and walk neither). `limit` is the page size plus one's
 * placeholder, `after` the cursor's condition.
 */
export function feedbackQueuePageSql({ mine, limit, after }: { mine?: string; limit: string; after?: string }): string {
  return `SELECT s.application_id, s.application_version, s.id AS stage_id, s.name AS stage_name,
              u.full_name AS candidate_name, j.title AS job_title, c.name AS client_name, s.ends_at, s.feedback_due_at,
              o.id AS owner_id, o.full_name AS owner_name, ${DUE_ORDER_CURSOR_COLUMNS},
              -- A page's rows each probe client_feedback_drafts_unpublished_idx (by application).
              (SELECT count(*)::int FROM client_feedback_drafts d
                WHERE d.application_id = s.application_id AND d.stage_id = s.id AND d.published_at IS NULL)
                AS client_drafts_waiting
         FROM (SELECT s.id, s.name, s.ends_at, s.feedback_due_at, s.application_id, a.version AS application_version,
                      a.candidate_id, a.job_id, s.owner_id AS owner
                 FROM application_stages s
                 JOIN applications a ON a.id = s.application_id
                WHERE ${WAITING_NOW}${mine ? ` AND s.owner_id = ${mine}` : ''}${after ? ` AND ${after}` : ''}
               ${DUE_ORDER_BY}
               LIMIT ${limit}) s
         JOIN users u ON u.id = s.candidate_id
         JOIN jobs j ON j.id = s.job_id
         JOIN clients c ON c.id = j.client_id
         LEFT JOIN users o ON o.id = s.owner
        ${DUE_ORDER_BY}`;
}

/**
 * `mine` (`$1` the viewer) is an index-only count of the owner's part of their partial index.
 * Everyone's total does not read the queue: feedback_waiting_counts has how many stages may owe
 * feedback from each UTC day, and feedback_waiting_changes what writers changed since it was last
 * folded (migration 1795957000000; the triggers append in every writer's transaction, and
 * KeptCountsFold folds every minute); the days before today are summed from both, in one
 * snapshot, and today's stages up to now are counted from application_stages_waiting_from_idx. A
 * row per day and a minute's changes, not the whole queue, whatever its size.
 */
export function feedbackQueueTotalSql(mine: boolean): string {
  if (mine) return `SELECT count(*)::int AS total FROM application_stages s WHERE ${WAITING_NOW} AND s.owner_id = $1`;
  const today = `date_trunc('day', now(), 'UTC')`;
  return `SELECT ((SELECT coalesce(sum(c.stages), 0) FROM feedback_waiting_counts c WHERE c.day < ${today})
                + (SELECT coalesce(sum(d.stages), 0) FROM feedback_waiting_changes d WHERE d.day < ${today})
                + (SELECT count(*) FROM application_stages s
                    WHERE ${MAY_OWE_FEEDBACK} AND s.feedback_waiting_from >= ${today} AND s.feedback_waiting_from <= now())
               )::int AS total`;
}

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
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const rows: QueueRow[] = await this.dataSource.query(
      feedbackQueuePageSql({
        mine: mine ? param(viewerId) : undefined,
        limit: param(limit + 1),
        after: cursor ? afterDueOrderCursor(decodeDueOrderCursor(cursor), param) : undefined,
      }),
      params,
    );
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      feedbackQueueTotalSql(mine),
      mine ? [viewerId] : [],
    );
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
        clientDraftsWaiting: row.client_drafts_waiting,
      })),
      nextCursor: rows.length > limit && last ? encodeDueOrderCursor(last) : null,
      total,
    };
  }
}
