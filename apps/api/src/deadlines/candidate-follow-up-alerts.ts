import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TimelineEventType, UserRole } from '@heardback/contracts';
import { OPEN_STATUSES } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { formatAgencyTime, formatTimeFor } from '../config/agency-time';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { updateReturning } from '../database/update-returning';
import {
  decisionDateEscalatedText,
  decisionDatePassedEmail,
  overdueUpdateRequestEmail,
  updateRequestReminderSentText,
} from '../notifications/agency-messages';
import { OutboxService } from '../notifications/outbox.service';
import { TimelineService } from '../timeline/timeline.service';
import { openApplicationSql } from '../applications/open-application-sql';
import { agencyPeople, ownerOr } from './agency-people';

/**
 * Rule 3, the candidate's own deadlines: a request for an update not answered in time chases the
 * recruiter, and a decision date that passes with no word from the agency is escalated to staff.
 * Each fires once (an UPDATE … WHERE not yet reminded, or a primary key), however many sweeps run.
 */
@Injectable()
export class CandidateFollowUpAlerts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sweep(now: Date): Promise<{ reminders: number; escalations: number }> {
    return {
      reminders: await this.remindOverdueUpdateRequests(now),
      escalations: await this.escalatePassedDecisionDates(now),
    };
  }

  async remindOverdueUpdateRequests(now: Date): Promise<number> {
    const overdue: { id: string }[] = await this.dataSource.query(
      `SELECT cu.id FROM candidate_updates cu JOIN applications a ON a.id = cu.application_id
        WHERE cu.kind = 'request_update' AND cu.answered_at IS NULL AND cu.overdue_reminded_at IS NULL
          AND cu.answer_due_at <= $1 AND a.status = ANY($2)`,
      [now, OPEN_STATUSES],
    );
    let count = 0;
    for (const { id } of overdue) {
      const reminded = await this.dataSource.transaction(async (manager) => {
        const rows = await updateReturning<{ application_id: string; text: string; answer_due_at: Date }>(
          manager,
          `UPDATE candidate_updates SET overdue_reminded_at = $2 WHERE id = $1 AND overdue_reminded_at IS NULL AND answered_at IS NULL
           RETURNING application_id, text, answer_due_at`,
          [id, now],
        );
        const request = rows[0];
        if (!request) return false;
        const [context] = await manager.query(
          // Whose work the application's current stage is (else the application's): they answer the candidate.
          `SELECT u.full_name AS candidate_name, j.title AS job_title, stage_owner(a.id, a.current_stage_id) AS owner_id
             FROM applications a
             JOIN users u ON u.id = a.candidate_id JOIN jobs j ON j.id = a.job_id WHERE a.id = $1`,
          [request.application_id],
        );
        const recipients = await ownerOr(manager, context.owner_id);
        const due = this.formatTime(request.answer_due_at);
        await this.outbox.enqueue(
          manager,
          ...recipients.map((person) => ({
            idempotencyKey: `update-request:${id}:${person.id}`,
            kind: 'feedback_reminder' as const,
            recipientId: person.id,
            recipientEmail: person.email,
            ...overdueUpdateRequestEmail({
              recipientName: person.full_name,
              candidateName: context.candidate_name,
              jobTitle: context.job_title,
              requestText: request.text,
              due: formatTimeFor(request.answer_due_at, person.time_zone, this.config.calendar.timeZone),
              link: `${this.config.publicUrl}/recruiter/applications/${request.application_id}`,
            }),
            applicationId: request.application_id,
          })),
        );
        await this.timeline.append(manager, {
          applicationId: request.application_id,
          type: TimelineEventType.FeedbackReminder,
          text: updateRequestReminderSentText(due, recipients),
          candidateVisible: false,
          actorId: null,
        });
        return true;
      });
      if (reminded) count++;
    }
    return count;
  }

  /**
   * A candidate said they would move on after a date; if it passes with no word from the agency
   * since they set it, staff are told (once per date).
   */
  async escalatePassedDecisionDates(now: Date): Promise<number> {
    const passed: {
      id: string;
      candidate_decision_at: Date;
      decision_text: string;
      candidate_name: string;
      job_title: string;
      client_name: string;
      owner_name: string | null;
    }[] = await this.dataSource.query(
      // The keys come first, from applications_decision_unalerted_idx (open applications with a
      // decision date not yet alerted: decision_alerted_for, kept by the database, migration
      // 1795948800000), oldest date first and at most 1,000 a run, and only those rows are joined to
      // names. Applications already alerted for their date are not read again.
      // Staff are told whom to chase: whoever owns the current stage, else the application's recruiter
      // (stage_owner(a.id, a.current_stage_id), read from the stage's stored owner, ADR 0041).
      `SELECT k.id, k.candidate_decision_at, k.candidate_decision_at::text AS decision_text, u.full_name AS candidate_name,
              j.title AS job_title, c.name AS client_name, o.full_name AS owner_name
         FROM (SELECT a.id, a.candidate_decision_at, a.candidate_id, a.job_id, a.current_stage_id, a.recruiter_id
                 FROM applications a
                WHERE ${openApplicationSql('a')} AND a.candidate_decision_at <= $1
                  -- Nobody at the agency has answered since the candidate set the date.
                  AND NOT coalesce(a.last_answered_at >
                        (SELECT max(d.at) FROM timeline_events d WHERE d.application_id = a.id AND d.type = 'decision_date_set'), false)
                  AND a.decision_alerted_for IS NULL
                ORDER BY a.candidate_decision_at
                LIMIT 1000) k
         JOIN users u ON u.id = k.candidate_id
         JOIN jobs j ON j.id = k.job_id
         JOIN clients c ON c.id = j.client_id
         LEFT JOIN application_stages cs ON cs.id = k.current_stage_id
         LEFT JOIN users o ON o.id = coalesce(cs.owner_id, k.recruiter_id)
        ORDER BY k.candidate_decision_at`,
      [now],
    );
    let count = 0;
    for (const application of passed) {
      const fired = await this.dataSource.transaction(async (manager) => {
        const inserted: unknown[] = await manager.query(
          `INSERT INTO application_alerts (application_id, kind, due_at)
           SELECT id, 'decision_date_passed', candidate_decision_at FROM applications
            WHERE id = $1 AND candidate_decision_at = $2::timestamptz AND status = ANY($3)
           ON CONFLICT DO NOTHING RETURNING application_id`,
          // Compared as PostgreSQL's own text: a JavaScript Date would drop the microseconds.
          [application.id, application.decision_text, OPEN_STATUSES],
        );
        if (inserted.length === 0) return false;
        const staff = await agencyPeople(manager, [UserRole.Staff]);
        const when = this.formatTime(application.candidate_decision_at);
        await this.outbox.enqueue(
          manager,
          ...staff.map((person) => ({
            idempotencyKey: `decision-date:${application.id}:${application.candidate_decision_at.toISOString()}:${person.id}`,
            kind: 'escalation' as const,
            recipientId: person.id,
            recipientEmail: person.email,
            ...decisionDatePassedEmail({
              recipientName: person.full_name,
              candidateName: application.candidate_name,
              jobTitle: application.job_title,
              clientName: application.client_name,
              ownerName: application.owner_name,
              when: formatTimeFor(application.candidate_decision_at, person.time_zone, this.config.calendar.timeZone),
              link: `${this.config.publicUrl}/recruiter/applications/${application.id}`,
            }),
            applicationId: application.id,
          })),
        );
        await this.timeline.append(manager, {
          applicationId: application.id,
          type: TimelineEventType.Escalated,
          text: decisionDateEscalatedText(when),
          candidateVisible: false,
          actorId: null,
        });
        return true;
      });
      if (fired) count++;
    }
    return count;
  }

  private formatTime(at: Date): string {
    return formatAgencyTime(at, this.config.calendar.timeZone);
  }
}
