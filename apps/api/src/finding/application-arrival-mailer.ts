import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { formatTimeFor } from '../config/agency-time';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { applicationArrivedEmail } from '../notifications/agency-messages';
import { OutboxService } from '../notifications/outbox.service';

interface ArrivalRow {
  recruiter_id: string | null;
  recruiter_email: string | null;
  recruiter_name: string | null;
  recruiter_time_zone: string | null;
  candidate_name: string;
  title: string;
  client_name: string;
  created_at: Date;
  decision_by: Date | null;
}

/**
 * Tells the recruiter whose work a new application is (`applications.recruiter_id`, set from the
 * job's owner when the candidate applies) that it has arrived, in the apply transaction's outbox:
 * at once, or in their digest if they chose one (ADR 0014). An application with nobody to own it
 * (a job without an owner, or whose owner left) mails nobody: its screening promise is on the
 * agency's lists, and when it lapses the escalation reaches staff.
 */
@Injectable()
export class ApplicationArrivalMailer {
  constructor(
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Call inside the transaction that wrote the application, after its Applied event. */
  async applicationArrived(manager: EntityManager, applicationId: string): Promise<void> {
    const [row]: ArrivalRow[] = await manager.query(
      `SELECT a.recruiter_id, r.email AS recruiter_email, r.full_name AS recruiter_name, r.time_zone AS recruiter_time_zone,
              u.full_name AS candidate_name, j.title, c.name AS client_name, a.created_at,
              (SELECT p.due_at FROM application_promises p WHERE p.application_id = a.id AND p.ended_at IS NULL) AS decision_by
         FROM applications a
         JOIN users u ON u.id = a.candidate_id
         JOIN jobs j ON j.id = a.job_id
         JOIN clients c ON c.id = j.client_id
         LEFT JOIN users r ON r.id = a.recruiter_id AND r.disabled_at IS NULL
        WHERE a.id = $1`,
      [applicationId],
    );
    if (!row?.recruiter_id || !row.recruiter_email || !row.recruiter_name) return;
    const agencyZone = this.config.calendar.timeZone;
    const written = (at: Date) => formatTimeFor(new Date(at), row.recruiter_time_zone, agencyZone);
    const email = applicationArrivedEmail({
      recipientName: row.recruiter_name,
      candidateName: row.candidate_name,
      jobTitle: row.title,
      clientName: row.client_name,
      applied: written(row.created_at),
      decisionBy: row.decision_by ? written(row.decision_by) : null,
      link: `${this.config.publicUrl}/recruiter/applications/${applicationId}`,
    });
    await this.outbox.enqueue(manager, {
      idempotencyKey: `application-arrived:${applicationId}`,
      kind: 'application_arrived',
      recipientId: row.recruiter_id,
      recipientEmail: row.recruiter_email,
      subject: email.subject,
      body: email.body,
      applicationId,
    });
  }
}
