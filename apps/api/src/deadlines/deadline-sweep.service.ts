import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, Clock } from '../config/clock';
import { DeadlineSweepResult, TimelineEventType, UserRole } from '@heardback/contracts';
import { DeadlineAlertKind, OPEN_STATUSES, alertsDue } from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { formatAgencyTime } from '../config/agency-time';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { updateReturning } from '../database/update-returning';
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
}

interface Person {
  id: string;
  email: string;
  full_name: string;
}

/**
 * Rule 2, run by the job queue every minute (and on demand by staff): ended interviews become
 * "awaiting feedback", and reminders and escalations go out. Each change is guarded so that it
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
  ) {}

  async sweep(now = this.clock.now()): Promise<DeadlineSweepResult> {
    const interviewsEnded = await this.markEndedInterviews(now);
    const { remindersSent, escalations: feedbackEscalations } = await this.fireAlerts(now);
    const escalations = feedbackEscalations + (await this.escalatePassedDecisionDates(now));
    if (interviewsEnded + remindersSent + escalations > 0) {
      this.logger.log(`Interviews ended: ${interviewsEnded}; reminders: ${remindersSent}; escalations: ${escalations}`);
    }
    return { interviewsEnded, remindersSent, escalations };
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
          `UPDATE application_stages SET state = 'awaiting_feedback' WHERE id = $1 AND state = 'scheduled'
           RETURNING application_id, name, feedback_due_at`,
          [id],
        );
        const stage = rows[0];
        if (!stage) return false;
        await this.timeline.append(manager, {
          applicationId: stage.application_id,
          type: TimelineEventType.InterviewEnded,
          text: stage.feedback_due_at
            ? `Your ${stage.name} is done. You will hear how it went by ${this.formatTime(stage.feedback_due_at)}.`
            : `Your ${stage.name} is done. You will hear how it went soon.`,
          candidateVisible: true,
          actorId: null,
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
              j.title AS job_title, c.name AS client_name, j.owner_id
         FROM application_stages s
         JOIN applications a ON a.id = s.application_id
         JOIN users u ON u.id = a.candidate_id
         JOIN jobs j ON j.id = a.job_id
         JOIN clients c ON c.id = j.client_id
        WHERE a.status = ANY($2)
          AND s.feedback_due_at IS NOT NULL
          AND s.feedback_due_at - interval '24 hours' <= $1
          AND stage_took_place(s.ends_at, s.held_at)
          AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = s.id)
          AND (SELECT count(*) FROM deadline_alerts d WHERE d.stage_id = s.id AND d.due_at = s.feedback_due_at) < 3
        ORDER BY s.feedback_due_at
        LIMIT 1000`,
      [now, OPEN_STATUSES],
    );
    let remindersSent = 0;
    let escalations = 0;
    for (const stage of stages) {
      for (const kind of alertsDue(stage.feedback_due_at, now)) {
        const fired = await this.dataSource.transaction((manager) => this.fireOnce(manager, stage, kind));
        if (fired && kind === DeadlineAlertKind.Escalation) escalations++;
        else if (fired) remindersSent++;
      }
    }
    return { remindersSent, escalations };
  }

  /** Inserts the alert row first: only the transaction that inserts it sends anything. */
  private async fireOnce(manager: EntityManager, stage: OverdueStage, kind: DeadlineAlertKind): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      // The due time is copied in SQL, not through JavaScript, whose dates drop PostgreSQL's microseconds.
      `INSERT INTO deadline_alerts (stage_id, kind, due_at)
       SELECT id, $2, feedback_due_at FROM application_stages WHERE id = $1 AND feedback_due_at IS NOT NULL
       ON CONFLICT DO NOTHING RETURNING stage_id`,
      [stage.stage_id, kind],
    );
    if (inserted.length === 0) return false;

    const due = this.formatTime(stage.feedback_due_at);
    const subjectOf = `${stage.candidate_name}, ${stage.stage_name} (${stage.job_title})`;
    const link = `${this.config.publicUrl}/recruiter/applications/${stage.application_id}`;
    const key = (recipient: Person) => `alert:${stage.stage_id}:${kind}:${stage.feedback_due_at.toISOString()}:${recipient.id}`;

    if (kind === DeadlineAlertKind.Escalation) {
      const staff = await this.people(manager, [UserRole.Staff]);
      await this.outbox.enqueue(
        manager,
        ...staff.map((person) => ({
          idempotencyKey: key(person),
          kind: 'escalation' as const,
          recipientId: person.id,
          recipientEmail: person.email,
          subject: `Escalation: feedback a day overdue for ${subjectOf}`,
          body: `Hello ${person.full_name},\n\nFeedback for ${stage.candidate_name}'s ${stage.stage_name} for ${stage.job_title} at ${stage.client_name} was due ${due} and is still missing. The candidate has been told it is late.\n\nPlease make sure it is recorded today: ${link}\n\nHeardback`,
          applicationId: stage.application_id,
        })),
      );
      await this.timeline.append(manager, {
        applicationId: stage.application_id,
        type: TimelineEventType.Escalated,
        text: `Feedback on ${stage.stage_name} is a day overdue: escalated to agency staff.`,
        candidateVisible: false,
        actorId: null,
      });
      return true;
    }

    const recruiters = stage.owner_id
      ? await this.people(manager, [UserRole.Recruiter, UserRole.Staff], stage.owner_id)
      : await this.people(manager, [UserRole.Recruiter]);
    const late = kind === DeadlineAlertKind.ReminderAtDue;
    await this.outbox.enqueue(
      manager,
      ...recruiters.map((person) => ({
        idempotencyKey: key(person),
        kind: 'feedback_reminder' as const,
        recipientId: person.id,
        recipientEmail: person.email,
        subject: late ? `Feedback due now: ${subjectOf}` : `Feedback due tomorrow: ${subjectOf}`,
        body: `Hello ${person.full_name},\n\nFeedback for ${stage.candidate_name}'s ${stage.stage_name} for ${stage.job_title} at ${stage.client_name} is due ${due}.${late ? ' It is now due; the candidate will be told it is late.' : ''}\n\nRecord it here: ${link}\n\nHeardback`,
        applicationId: stage.application_id,
      })),
    );
    await this.timeline.append(
      manager,
      {
        applicationId: stage.application_id,
        type: TimelineEventType.FeedbackReminder,
        text: `Reminder sent to ${recruiters.map((person) => person.full_name).join(', ') || 'nobody (no recruiter found)'}: feedback on ${stage.stage_name} ${late ? 'is due now' : 'is due in 24 hours'}.`,
        candidateVisible: false,
        actorId: null,
      },
      ...(late
        ? [
            {
              applicationId: stage.application_id,
              type: TimelineEventType.FeedbackLate,
              text: `Our answer about your ${stage.stage_name} is late: it was due ${due}. We have chased it and will write as soon as we have it.`,
              candidateVisible: true,
              actorId: null,
            },
          ]
        : []),
    );
    return true;
  }

  /**
   * A candidate said they would move on after a date; if it passes with no word from the agency
   * since they set it, staff are told (once per date).
   */
  private async escalatePassedDecisionDates(now: Date): Promise<number> {
    const passed: { id: string; candidate_decision_at: Date; candidate_name: string; job_title: string; client_name: string }[] =
      await this.dataSource.query(
        `SELECT a.id, a.candidate_decision_at, u.full_name AS candidate_name, j.title AS job_title, c.name AS client_name
           FROM applications a
           JOIN users u ON u.id = a.candidate_id
           JOIN jobs j ON j.id = a.job_id
           JOIN clients c ON c.id = j.client_id
          WHERE a.status = ANY($2) AND a.candidate_decision_at <= $1
            AND NOT EXISTS (
              SELECT 1 FROM timeline_events t JOIN users actor ON actor.id = t.actor_id
               WHERE t.application_id = a.id AND t.candidate_visible AND actor.role <> 'candidate'
                 AND t.at > (SELECT max(d.at) FROM timeline_events d WHERE d.application_id = a.id AND d.type = 'decision_date_set'))
            AND NOT EXISTS (SELECT 1 FROM application_alerts al WHERE al.application_id = a.id AND al.kind = 'decision_date_passed' AND al.due_at = a.candidate_decision_at)`,
        [now, OPEN_STATUSES],
      );
    let count = 0;
    for (const application of passed) {
      const fired = await this.dataSource.transaction(async (manager) => {
        const inserted: unknown[] = await manager.query(
          `INSERT INTO application_alerts (application_id, kind, due_at)
           SELECT id, 'decision_date_passed', candidate_decision_at FROM applications WHERE id = $1 AND candidate_decision_at IS NOT NULL
           ON CONFLICT DO NOTHING RETURNING application_id`,
          [application.id],
        );
        if (inserted.length === 0) return false;
        const staff = await this.people(manager, [UserRole.Staff]);
        const when = this.formatTime(application.candidate_decision_at);
        await this.outbox.enqueue(
          manager,
          ...staff.map((person) => ({
            idempotencyKey: `decision-date:${application.id}:${application.candidate_decision_at.toISOString()}:${person.id}`,
            kind: 'escalation' as const,
            recipientId: person.id,
            recipientEmail: person.email,
            subject: `Escalation: ${application.candidate_name}'s decision date has passed (${application.job_title})`,
            body: `Hello ${person.full_name},\n\n${application.candidate_name} told us they would move on after ${when} (${application.job_title} at ${application.client_name}), and nobody has answered them since. Please make sure they hear from us today: ${this.config.publicUrl}/recruiter/applications/${application.id}\n\nHeardback`,
            applicationId: application.id,
          })),
        );
        await this.timeline.append(manager, {
          applicationId: application.id,
          type: TimelineEventType.Escalated,
          text: `The candidate's decision date (${when}) passed without an answer: escalated to agency staff.`,
          candidateVisible: false,
          actorId: null,
        });
        return true;
      });
      if (fired) count++;
    }
    return count;
  }

  private people(manager: EntityManager, roles: UserRole[], onlyId?: string): Promise<Person[]> {
    return manager.query(
      `SELECT id, email, full_name FROM users WHERE role = ANY($1) AND ($2::uuid IS NULL OR id = $2) ORDER BY email`,
      [roles, onlyId ?? null],
    );
  }

  private formatTime(at: Date): string {
    return formatAgencyTime(at, this.config.calendar.timeZone);
  }
}
