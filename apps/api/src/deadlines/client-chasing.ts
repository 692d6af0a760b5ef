import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TimelineEventType, UserRole } from '@heardback/contracts';
import {
  ALERTS_PER_DUE_TIME,
  ClientAlertStep,
  DeadlineAlertKind,
  OPEN_STATUSES,
  REMINDER_LEAD_HOURS,
  clientAlertsDue,
  reminderTiming,
} from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { formatAgencyTime, formatTimeFor } from '../config/agency-time';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ClientReviewLinks } from '../client-review/client-review-links.service';
import {
  SilentInterviewerFacts,
  clientReminderSentText,
  clientSilentEscalatedText,
  clientSilentEscalationEmail,
  clientSilentSecondEscalatedText,
  clientSilentSecondEscalationEmail,
} from '../notifications/client-chasing-messages';
import { clientReviewReminderEmail } from '../notifications/client-review-messages';
import { OutboxService } from '../notifications/outbox.service';
import { TimelineService } from '../timeline/timeline.service';
import { AgencyPerson, agencyPeople, ownerOr } from './agency-people';

/** A client interviewer still owing feedback on a stage whose due time is near or past. */
interface SilentInterviewer {
  stage_id: string;
  stage_name: string;
  feedback_due_at: Date;
  /** PostgreSQL's own text of the due time: a JavaScript Date drops its microseconds. */
  due_text: string;
  application_id: string;
  candidate_name: string;
  job_title: string;
  client_name: string;
  account_owner_id: string | null;
  contact_id: string;
  contact_name: string;
  contact_email: string;
  contact_role: string;
  fired: DeadlineAlertKind[];
  escalated_at: Date | null;
  link_sent_at: Date;
}

/** The interviewer's live link stopped being live inside the step's transaction (they just answered): undo the step. */
class LinkNoLongerLive extends Error {}

/** The client ladder has the recruiters' three due-time steps and the second level. */
const STEPS_PER_DUE_TIME = ALERTS_PER_DUE_TIME + 1;

/**
 * The client is chased too (issue 13, ADR 0032). Each client interviewer of a stage who was sent a
 * review link and has not answered (no draft from them, no feedback on the stage, the application
 * open, their link not revoked by staff) is reminded before and at the due time with a fresh link,
 * then the stage's owner is told they are silent, then the client's account owner (or the agency
 * leads). The times are the recruiters' ladder (`clientAlertsDue` in libs/domain); each step is a
 * row in `client_review_alerts`, inserted by the transaction that sends it, so it happens once per
 * interviewer and due time however many sweeps run.
 */
@Injectable()
export class ClientChasing {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    private readonly links: ClientReviewLinks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sweep(now: Date): Promise<{ reminders: number; escalations: number }> {
    const silent: SilentInterviewer[] = await this.dataSource.query(
      `SELECT s.id AS stage_id, s.name AS stage_name, s.feedback_due_at, s.feedback_due_at::text AS due_text,
              a.id AS application_id, u.full_name AS candidate_name, j.title AS job_title, c.name AS client_name,
              c.account_owner_id, ct.id AS contact_id, ct.full_name AS contact_name, ct.email AS contact_email,
              ct.role AS contact_role, l.created_at AS link_sent_at,
              ARRAY(SELECT al.kind FROM client_review_alerts al
                     WHERE al.stage_id = s.id AND al.contact_id = ct.id AND al.due_at = s.feedback_due_at) AS fired,
              (SELECT al.fired_at FROM client_review_alerts al
                WHERE al.stage_id = s.id AND al.contact_id = ct.id AND al.due_at = s.feedback_due_at
                  AND al.kind = $5) AS escalated_at
         FROM application_stages s
         JOIN applications a ON a.id = s.application_id
         JOIN stage_client_interviewers si ON si.stage_id = s.id
         -- Their link is live (client_review_links_one_live): a link revoked by staff ends the ladder;
         -- a reminder's replacement is live in its place.
         JOIN client_review_links l ON l.stage_id = s.id AND l.contact_id = si.contact_id
                                   AND l.revoked_at IS NULL AND l.submitted_at IS NULL
         -- An interviewer who left the client (archived) is no longer chased: their links no longer open.
         JOIN client_contacts ct ON ct.id = si.contact_id AND ct.archived_at IS NULL
         JOIN users u ON u.id = a.candidate_id
         JOIN jobs j ON j.id = a.job_id
         JOIN clients c ON c.id = j.client_id
        WHERE a.status = ANY($2)
          -- Served by application_stages_feedback_due_idx (ADR 0025), like the recruiters' ladder.
          AND s.state <> 'feedback_recorded'
          AND s.feedback_due_at IS NOT NULL
          AND s.feedback_due_at <= $1::timestamptz + make_interval(hours => $3)
          AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = s.id)
          AND NOT EXISTS (SELECT 1 FROM client_feedback_drafts d WHERE d.contact_id = si.contact_id AND d.stage_id = s.id)
          AND (SELECT count(*) FROM client_review_alerts al
                WHERE al.stage_id = s.id AND al.contact_id = si.contact_id AND al.due_at = s.feedback_due_at) < $4
        ORDER BY s.feedback_due_at, s.id, si.contact_id
        LIMIT 1000`,
      [now, OPEN_STATUSES, REMINDER_LEAD_HOURS, STEPS_PER_DUE_TIME, DeadlineAlertKind.Escalation],
    );
    let reminders = 0;
    let escalations = 0;
    for (const row of silent) {
      const steps = clientAlertsDue(
        { dueAt: row.feedback_due_at, escalatedAt: row.escalated_at, fired: row.fired, linkSentAt: row.link_sent_at },
        now,
        this.config.calendar,
      );
      for (const step of steps) {
        const fired = await this.dataSource
          .transaction((manager) => this.fireOnce(manager, row, step, now))
          .catch((error: unknown) => {
            if (error instanceof LinkNoLongerLive) return false;
            throw error;
          });
        if (!fired || !step.send) continue;
        if (step.kind === DeadlineAlertKind.ReminderBeforeDue || step.kind === DeadlineAlertKind.ReminderAtDue) {
          reminders++;
        } else {
          escalations++;
        }
      }
    }
    return { reminders, escalations };
  }

  /**
   * Under the application's lock, looks again (feedback, a draft, closure, a revoked link, a new due
   * time), then inserts the step's row first: only the transaction that inserts it sends anything.
   */
  private async fireOnce(
    manager: EntityManager,
    row: SilentInterviewer,
    step: ClientAlertStep,
    now: Date,
  ): Promise<boolean> {
    const live: { link_id: string }[] = await manager.query(
      `WITH open_application AS (
         SELECT a.id FROM applications a WHERE a.id = $1 AND a.status = ANY($2) FOR UPDATE OF a)
       SELECT l.id AS link_id FROM client_review_links l
         JOIN application_stages s ON s.id = l.stage_id
        WHERE l.stage_id = $3 AND l.contact_id = $4 AND l.revoked_at IS NULL AND l.submitted_at IS NULL
          AND l.application_id IN (SELECT id FROM open_application)
          AND s.feedback_due_at = $5::timestamptz
          -- Archived meanwhile: they left the client, and are chased no more.
          AND EXISTS (SELECT 1 FROM client_contacts ct WHERE ct.id = l.contact_id AND ct.archived_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = l.stage_id)
          AND NOT EXISTS (SELECT 1 FROM client_feedback_drafts d WHERE d.contact_id = l.contact_id AND d.stage_id = l.stage_id)`,
      [row.application_id, OPEN_STATUSES, row.stage_id, row.contact_id, row.due_text],
    );
    if (live.length === 0) return false;
    const inserted: unknown[] = await manager.query(
      // fired_at from the injected clock: the second level counts its working day from it.
      `INSERT INTO client_review_alerts (stage_id, contact_id, kind, due_at, fired_at)
       VALUES ($1, $2, $3, $4::timestamptz, $5)
       ON CONFLICT DO NOTHING RETURNING stage_id`,
      [row.stage_id, row.contact_id, step.kind, row.due_text, now],
    );
    if (inserted.length === 0) return false;
    // Superseded: recorded, so it never fires, but a later step speaks instead.
    if (!step.send) return true;

    switch (step.kind) {
      case DeadlineAlertKind.ReminderBeforeDue:
      case DeadlineAlertKind.ReminderAtDue:
        await this.remind(manager, row, step.kind, live[0].link_id, now);
        break;
      case DeadlineAlertKind.Escalation:
        await this.escalate(manager, row, step.kind);
        break;
      case DeadlineAlertKind.SecondEscalation:
        await this.escalateToAccountOwner(manager, row, step.kind);
        break;
    }
    return true;
  }

  /** To the interviewer, with a fresh link: the old one cannot be re-sent (only its hash is kept). */
  private async remind(
    manager: EntityManager,
    row: SilentInterviewer,
    kind: DeadlineAlertKind,
    linkId: string,
    now: Date,
  ): Promise<void> {
    // After the step's row: a sweep that lost the race never rotates the link it did not email.
    const fresh = await this.links.replace(manager, linkId, now);
    if (!fresh) throw new LinkNoLongerLive();
    // The review loop's own reminder words (the request's facts, the fresh link); the client's own
    // time zone is not known, so times are the agency's.
    const emailFacts = await this.links.emailFacts(manager, fresh);
    const timing = reminderTiming(row.feedback_due_at, now);
    const facts = this.facts(row, this.formatTime(row.feedback_due_at));
    await this.outbox.enqueue(manager, {
      idempotencyKey: this.key(row, kind, row.contact_id),
      kind: 'client_review_reminder',
      recipientId: null,
      recipientEmail: emailFacts.email,
      ...clientReviewReminderEmail(emailFacts),
      applicationId: row.application_id,
    });
    await this.timeline.append(manager, {
      applicationId: row.application_id,
      type: TimelineEventType.FeedbackReminder,
      stageId: row.stage_id,
      text: clientReminderSentText(facts, timing),
      candidateVisible: false,
      actorId: null,
    });
  }

  /** To whoever owns the stage's work (SQL `stage_owner`), else every staff member. */
  private async escalate(manager: EntityManager, row: SilentInterviewer, kind: DeadlineAlertKind): Promise<void> {
    const [owner] = await manager.query(`SELECT stage_owner($1, $2) AS id`, [row.application_id, row.stage_id]);
    const recipients: AgencyPerson[] = await ownerOr(manager, owner?.id, [UserRole.Staff]);
    await this.outbox.enqueue(
      manager,
      ...recipients.map((person) => ({
        idempotencyKey: this.key(row, kind, person.id),
        kind: 'escalation' as const,
        recipientId: person.id,
        recipientEmail: person.email,
        ...clientSilentEscalationEmail({
          ...this.facts(row, this.formatFor(row.feedback_due_at, person)),
          recipientName: person.full_name,
          link: this.applicationLink(row),
        }),
        applicationId: row.application_id,
      })),
    );
    await this.timeline.append(manager, {
      applicationId: row.application_id,
      type: TimelineEventType.Escalated,
      stageId: row.stage_id,
      text: clientSilentEscalatedText(this.facts(row, ''), recipients),
      candidateVisible: false,
      actorId: null,
    });
  }

  /** To the client's account owner; with none (or disabled), the agency leads as SecondEscalations finds them. */
  private async escalateToAccountOwner(
    manager: EntityManager,
    row: SilentInterviewer,
    kind: DeadlineAlertKind,
  ): Promise<void> {
    const accountOwner: AgencyPerson[] = row.account_owner_id
      ? await manager.query(
          `SELECT id, email, full_name, time_zone FROM users WHERE id = $1 AND disabled_at IS NULL AND role <> 'candidate'`,
          [row.account_owner_id],
        )
      : [];
    const leads: AgencyPerson[] =
      accountOwner.length > 0
        ? []
        : await manager.query(
            `SELECT id, email, full_name, time_zone FROM users
              WHERE role = 'staff' AND is_agency_lead AND disabled_at IS NULL ORDER BY email`,
          );
    const recipients =
      accountOwner.length > 0 ? accountOwner : leads.length > 0 ? leads : await agencyPeople(manager, [UserRole.Staff]);
    const [escalation] = await manager.query(
      `SELECT al.fired_at, o.full_name AS owner_name
         FROM client_review_alerts al
         LEFT JOIN users o ON o.id = stage_owner($4, al.stage_id)
        WHERE al.stage_id = $1 AND al.contact_id = $2 AND al.due_at = $3::timestamptz AND al.kind = $5`,
      [row.stage_id, row.contact_id, row.due_text, row.application_id, DeadlineAlertKind.Escalation],
    );
    await this.outbox.enqueue(
      manager,
      ...recipients.map((person) => ({
        idempotencyKey: this.key(row, kind, person.id),
        kind: 'escalation' as const,
        recipientId: person.id,
        recipientEmail: person.email,
        ...clientSilentSecondEscalationEmail({
          ...this.facts(row, this.formatFor(row.feedback_due_at, person)),
          recipientName: person.full_name,
          ownerName: escalation?.owner_name ?? null,
          escalatedAt: escalation ? this.formatFor(escalation.fired_at, person) : 'an earlier working day',
          asAccountOwner: accountOwner.length > 0,
          link: this.applicationLink(row),
        }),
        applicationId: row.application_id,
      })),
    );
    await this.timeline.append(manager, {
      applicationId: row.application_id,
      type: TimelineEventType.Escalated,
      stageId: row.stage_id,
      text: clientSilentSecondEscalatedText(this.facts(row, ''), {
        accountOwner: accountOwner[0]?.full_name ?? null,
        leads: leads.length > 0,
      }),
      candidateVisible: false,
      actorId: null,
    });
  }

  private facts(row: SilentInterviewer, due: string): SilentInterviewerFacts {
    return {
      contactName: row.contact_name,
      contactEmail: row.contact_email,
      contactRole: row.contact_role,
      clientName: row.client_name,
      candidateName: row.candidate_name,
      stageName: row.stage_name,
      jobTitle: row.job_title,
      due,
    };
  }

  /** One per step, interviewer, due time and recipient: a retried sweep writes each email once. */
  private key(row: SilentInterviewer, kind: DeadlineAlertKind, recipient: string): string {
    return `client-alert:${row.stage_id}:${row.contact_id}:${kind}:${row.feedback_due_at.toISOString()}:${recipient}`;
  }

  private applicationLink(row: SilentInterviewer): string {
    return `${this.config.publicUrl}/recruiter/applications/${row.application_id}`;
  }

  private formatFor(at: Date, person: AgencyPerson): string {
    return formatTimeFor(at, person.time_zone, this.config.calendar.timeZone);
  }

  private formatTime(at: Date): string {
    return formatAgencyTime(at, this.config.calendar.timeZone);
  }
}
