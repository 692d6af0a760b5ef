import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, Clock } from '../config/clock';
import { DeadlineSweepResult, TimelineEventType, UserRole } from '@heardback/contracts';
import {
  DeadlineAlertKind,
  OPEN_STATUSES,
  REMINDER_LEAD_HOURS,
  alertIsSuperseded,
  alertsDue,
  reminderTiming,
} from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { formatAgencyTime, formatTimeFor } from '../config/agency-time';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { updateReturning } from '../database/update-returning';
import { AgencyPerson, agencyPeople, ownerOr } from './agency-people';
import { CandidateFollowUpAlerts } from './candidate-follow-up-alerts';
import { ClientReviewLinks } from '../client-review/client-review-links.service';
import { ClientChasing } from './client-chasing';
import { OfferReplyAlerts } from './offer-reply-alerts';
import { PromiseSweep } from './promise-sweep';
import { SecondEscalations } from './second-escalations';
import {
  feedbackEscalatedText,
  feedbackEscalationEmail,
  feedbackReminderEmail,
  feedbackReminderSentText,
} from '../notifications/agency-messages';
import { interviewEndedText } from '../notifications/candidate-messages';
import { OutboxService } from '../notifications/outbox.service';
import { TimelineService } from '../timeline/timeline.service';

interface OverdueStage {
  stage_id: string;
  stage_name: string;
  feedback_due_at: Date;
  application_id: string;
  candidate_name: string;
  job_title: string;
  client_name: string;
  owner_id: string | null;
  owner_name: string | null;
}

/**
 * Rule 2, run by the job queue every minute (and on demand by staff): ended interviews become
 * "awaiting feedback", feedback reminders and escalations go out to whoever owns the stage's work
 * (SQL `stage_owner`), escalations left for a working day go up to the agency leads
 * (SecondEscalations), then the candidates' own
 * deadlines are followed up (CandidateFollowUpAlerts), and offers unanswered by their reply-by
 * date (OfferReplyAlerts), and the client interviewers who have not answered through their review
 * links (ClientChasing). Each change is guarded so that it
 * happens once however many sweeps run at the same moment: a stage moves out of `scheduled` once,
 * and each alert is a row in `deadline_alerts` whose primary key admits it once per due time.
 */
@Injectable()
export class DeadlineSweepService {
  private readonly logger = new Logger('DeadlineSweep');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly followUps: CandidateFollowUpAlerts,
    private readonly promiseSweep: PromiseSweep,
    private readonly secondEscalations: SecondEscalations,
    private readonly offerReplies: OfferReplyAlerts,
    private readonly clientReviewLinks: ClientReviewLinks,
    private readonly clientChasing: ClientChasing,
  ) {}

  /** `lookAheadMs`: until the next sweep (the schedule runs it every minute; the simulation every hour). */
  async sweep(now = this.clock.now(), lookAheadMs = 60_000): Promise<DeadlineSweepResult> {
    const interviewsEnded = await this.markEndedInterviews(now);
    // Once an interview has ended, each client interviewer gets their review link (ADR 0031).
    await this.clientReviewLinks.issueDueLinks(now);
    // Before the reminders: the candidate hears at the promised time, and the reminder then says so.
    await this.promiseSweep.sweep(now, lookAheadMs);
    const { remindersSent, escalations: feedbackEscalations } = await this.fireAlerts(now);
    const secondLevel = await this.secondEscalations.sweep(now);
    const followUps = await this.followUps.sweep(now);
    const offerReplies = await this.offerReplies.sweep(now);
    // The client interviewers who were sent review links and have not answered (ADR 0032).
    const clients = await this.clientChasing.sweep(now);
    const escalations =
      feedbackEscalations + secondLevel + followUps.escalations + offerReplies.escalations + clients.escalations;
    const reminders = remindersSent + followUps.reminders + offerReplies.reminders + clients.reminders;
    if (interviewsEnded + reminders + escalations > 0) {
      this.logger.log(`Interviews ended: ${interviewsEnded}; reminders: ${reminders}; escalations: ${escalations}`);
    }
    return { interviewsEnded, remindersSent: reminders, escalations };
  }

  private async markEndedInterviews(now: Date): Promise<number> {
    const ended: { id: string }[] = await this.dataSource.query(
      `SELECT s.id FROM application_stages s JOIN applications a ON a.id = s.application_id
        WHERE s.state = 'scheduled' AND s.ends_at <= $1 AND a.status = ANY($2) LIMIT 1000`,
      [now, OPEN_STATUSES],
    );
    let count = 0;
    for (const { id } of ended) {
      const changed = await this.dataSource.transaction(async (manager) => {
        const rows = await updateReturning<{ application_id: string; name: string; feedback_due_at: Date | null }>(
          manager,
          // Locking the application first means a decision or closure made meanwhile is seen here.
          `WITH open_application AS (
             SELECT a.id FROM applications a JOIN application_stages st ON st.application_id = a.id
              WHERE st.id = $1 AND a.status = ANY($2) FOR UPDATE OF a)
           UPDATE application_stages s SET state = 'awaiting_feedback'
            WHERE s.id = $1 AND s.state = 'scheduled' AND s.application_id IN (SELECT id FROM open_application)
           RETURNING s.application_id, s.name, s.feedback_due_at`,
          [id, OPEN_STATUSES],
        );
        const stage = rows[0];
        if (!stage) return false;
        await this.timeline.append(manager, {
          applicationId: stage.application_id,
          type: TimelineEventType.InterviewEnded,
          stageId: id,
          text: interviewEndedText(stage.name, stage.feedback_due_at ? this.formatTime(stage.feedback_due_at) : null),
          candidateVisible: true,
          actorId: null,
          promiseDueAt: stage.feedback_due_at,
        });
        return true;
      });
      if (changed) count++;
    }
    return count;
  }

  private async fireAlerts(now: Date): Promise<{ remindersSent: number; escalations: number }> {
    const stages: OverdueStage[] = await this.dataSource.query(
      `SELECT s.id AS stage_id, s.name AS stage_name, s.feedback_due_at, a.id AS application_id, u.full_name AS candidate_name,
              j.title AS job_title, c.name AS client_name, o.id AS owner_id, o.full_name AS owner_name
         FROM application_stages s
         JOIN applications a ON a.id = s.application_id
         JOIN users u ON u.id = a.candidate_id
         JOIN jobs j ON j.id = a.job_id
         JOIN clients c ON c.id = j.client_id
         -- stage_owner(a.id, s.id), stored on the stage (ADR 0041).
         LEFT JOIN users o ON o.id = s.owner_id
        -- The stage keeps both halves of the question (ADR 0037): feedback_waiting_from <= now() is
        -- "its application is open, it is not feedback_recorded, it has no feedback and it took place"
        -- (stage_took_place), and feedback_alerts_done_for is set once every alert of the ladder
        -- (DUE_TIME_LADDER) fired for its due time. So this reads application_stages_alerts_pending_idx,
        -- which holds only stages owing feedback with their ladder not yet complete, however many
        -- overdue stages were alerted in full before.
        WHERE s.feedback_waiting_from <= now()
          AND s.feedback_due_at IS NOT NULL
          AND s.feedback_alerts_done_for IS NULL
          AND s.feedback_due_at <= $1::timestamptz + make_interval(hours => $2)
        ORDER BY s.feedback_due_at
        LIMIT 1000`,
      [now, REMINDER_LEAD_HOURS],
    );
    let remindersSent = 0;
    let escalations = 0;
    for (const stage of stages) {
      const due = alertsDue(stage.feedback_due_at, now, this.config.calendar);
      for (const kind of due) {
        const send = !alertIsSuperseded(kind, due);
        const fired = await this.dataSource.transaction((manager) => this.fireOnce(manager, stage, kind, now, send));
        if (!send) continue;
        if (fired && kind === DeadlineAlertKind.Escalation) escalations++;
        else if (fired) remindersSent++;
      }
    }
    return { remindersSent, escalations };
  }

  /** Inserts the alert row first: only the transaction that inserts it sends anything. */
  private async fireOnce(
    manager: EntityManager,
    stage: OverdueStage,
    kind: DeadlineAlertKind,
    now: Date,
    send: boolean,
  ): Promise<boolean> {
    // Feedback recorded or the application closed since the sweep's read: lock, then look again.
    const stillMissing: unknown[] = await manager.query(
      `SELECT 1 FROM applications a WHERE a.id = $1 AND a.status = ANY($3)
          AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = $2)
        FOR UPDATE OF a`,
      [stage.application_id, stage.stage_id, OPEN_STATUSES],
    );
    if (stillMissing.length === 0) return false;
    const inserted: unknown[] = await manager.query(
      // The due time is copied in SQL, not through JavaScript, whose dates drop PostgreSQL's microseconds.
      // Each alert remembers whose work it named: the second level asks whether it still is.
      `INSERT INTO deadline_alerts (stage_id, kind, due_at, owner_id)
       SELECT id, $2, feedback_due_at, owner_id FROM application_stages
        WHERE id = $1 AND feedback_due_at IS NOT NULL
       ON CONFLICT DO NOTHING RETURNING stage_id`,
      [stage.stage_id, kind],
    );
    if (inserted.length === 0) return false;
    // Superseded: recorded, so it never fires, but a later alert speaks instead.
    if (!send) return true;

    const due = this.formatTime(stage.feedback_due_at);
    const link = `${this.config.publicUrl}/recruiter/applications/${stage.application_id}`;
    const emailFacts = (recipient: AgencyPerson) => ({
      recipientName: recipient.full_name,
      candidateName: stage.candidate_name,
      stageName: stage.stage_name,
      jobTitle: stage.job_title,
      clientName: stage.client_name,
      ownerName: stage.owner_name,
      due: formatTimeFor(stage.feedback_due_at, recipient.time_zone, this.config.calendar.timeZone),
      link,
    });
    const key = (recipient: AgencyPerson) =>
      `alert:${stage.stage_id}:${kind}:${stage.feedback_due_at.toISOString()}:${recipient.id}`;

    if (kind === DeadlineAlertKind.Escalation) {
      const staff = await agencyPeople(manager, [UserRole.Staff]);
      await this.outbox.enqueue(
        manager,
        ...staff.map((person) => ({
          idempotencyKey: key(person),
          kind: 'escalation' as const,
          recipientId: person.id,
          recipientEmail: person.email,
          ...feedbackEscalationEmail(emailFacts(person)),
          applicationId: stage.application_id,
        })),
      );
      await this.timeline.append(manager, {
        applicationId: stage.application_id,
        type: TimelineEventType.Escalated,
        stageId: stage.stage_id,
        text: feedbackEscalatedText(stage.stage_name),
        candidateVisible: false,
        actorId: null,
      });
      return true;
    }

    const recruiters = await ownerOr(manager, stage.owner_id);
    const timing = reminderTiming(stage.feedback_due_at, now);
    await this.outbox.enqueue(
      manager,
      ...recruiters.map((person) => ({
        idempotencyKey: key(person),
        kind: 'feedback_reminder' as const,
        recipientId: person.id,
        recipientEmail: person.email,
        ...feedbackReminderEmail(emailFacts(person), timing),
        applicationId: stage.application_id,
      })),
    );
    // The candidate is not told here: at the due time the promise sweep has told them, with a new date.
    await this.timeline.append(manager, {
      applicationId: stage.application_id,
      type: TimelineEventType.FeedbackReminder,
      stageId: stage.stage_id,
      text: feedbackReminderSentText(recruiters, stage.stage_name, timing, due),
      candidateVisible: false,
      actorId: null,
    });
    return true;
  }

  private formatTime(at: Date): string {
    return formatAgencyTime(at, this.config.calendar.timeZone);
  }
}
