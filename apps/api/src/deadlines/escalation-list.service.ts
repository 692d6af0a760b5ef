import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EscalationPage, WORK_LIST_DEFAULT_LIMIT } from '@heardback/contracts';
import { DataSource } from 'typeorm';
import {
  DUE_ORDER_BY,
  DUE_ORDER_CURSOR_COLUMNS,
  afterDueOrderCursor,
  decodeDueOrderCursor,
  encodeDueOrderCursor,
} from '../database/due-order-cursor';

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
  cursor_due: string;
  cursor_ends: string;
}

/**
 * Escalated stages still without feedback on open (not closed) applications: an escalation of the
 * stage's current due date. The stage keeps that as `feedback_escalated_at`, the time the
 * escalation fired (ADR 0037; written by the database in the transaction of every write that
 * changes it: the alert, feedback, the due date, the stage's state, the application closing or
 * reopening), so the page walks application_stages_escalated_idx, which holds exactly the list, in
 * its order and stops at its last row, and the total counts that index alone.
 */
const ESCALATED = `s.feedback_escalated_at IS NOT NULL`;

/** One page; `$1` the page size plus one, then the cursor's values if `after` is given. */
export function escalationPageSql(after = ''): string {
  return `SELECT s.application_id, s.application_version, s.id AS stage_id, s.name AS stage_name,
              u.full_name AS candidate_name, j.title AS job_title, c.name AS client_name,
              o.id AS owner_id, o.full_name AS owner_name, s.feedback_due_at, s.fired_at, d2.fired_at AS second_fired_at,
              ${DUE_ORDER_CURSOR_COLUMNS}
         FROM (SELECT s.id, s.name, s.ends_at, s.feedback_due_at, s.application_id, a.version AS application_version,
                      a.candidate_id, a.job_id, coalesce(s.recruiter_id, a.recruiter_id) AS owner,
                      s.feedback_escalated_at AS fired_at
                 FROM application_stages s
                 JOIN applications a ON a.id = s.application_id
                WHERE ${ESCALATED} ${after ? `AND ${after}` : ''}
               ${DUE_ORDER_BY}
               LIMIT $1) s
         JOIN users u ON u.id = s.candidate_id
         JOIN jobs j ON j.id = s.job_id
         JOIN clients c ON c.id = j.client_id
         LEFT JOIN users o ON o.id = s.owner
         LEFT JOIN deadline_alerts d2 ON d2.stage_id = s.id AND d2.kind = 'second_escalation' AND d2.due_at = s.feedback_due_at
        ${DUE_ORDER_BY}`;
}

export const ESCALATION_TOTAL_SQL = `SELECT count(*)::int AS total FROM application_stages s WHERE ${ESCALATED}`;

/** Staff's list of escalations: overdue feedback escalated and still not recorded, with whose work it is now. */
@Injectable()
export class EscalationListService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Longest overdue first, a page at a time, with how many are open in all; an escalation leaves
   * the list once its feedback is recorded or the application closes.
   */
  async open(cursor?: string, limit = WORK_LIST_DEFAULT_LIMIT): Promise<EscalationPage> {
    const params: unknown[] = [limit + 1];
    const param = (value: unknown) => `$${params.push(value)}`;
    const after = cursor ? afterDueOrderCursor(decodeDueOrderCursor(cursor), param) : '';
    const rows: EscalationRow[] = await this.dataSource.query(escalationPageSql(after), params);
    const [{ total }]: { total: number }[] = await this.dataSource.query(ESCALATION_TOTAL_SQL);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => ({
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
      })),
      nextCursor: rows.length > limit && last ? encodeDueOrderCursor(last) : null,
      total,
    };
  }
}
