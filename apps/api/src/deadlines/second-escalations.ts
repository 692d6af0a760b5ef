import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TimelineEventType, UserRole } from '@heardback/contracts';
import {
  DeadlineAlertKind,
  OPEN_STATUSES,
  SECOND_ESCALATION_DELAY_WORKING_DAYS,
  secondEscalationIsDue,
} from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { formatTimeFor } from '../config/agency-time';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { feedbackSecondEscalatedText, feedbackSecondEscalationEmail } from '../notifications/agency-messages';
import { OutboxService } from '../notifications/outbox.service';
import { TimelineService } from '../timeline/timeline.service';
import { AgencyPerson, agencyPeople } from './agency-people';

interface LeftEscalation {
  stage_id: string;
  stage_name: string;
  feedback_due_at: Date;
  application_id: string;
  candidate_name: string;
  job_title: string;
  client_name: string;
  escalated_at: Date;
  owner_id: string | null;
  owner_name: string | null;
}

/**
 * The ladder's second level (ADR 0015): an escalation left for a working day (feedback still
 * missing, the stage still with the owner the escalation named) goes to the agency leads, or to
 * all staff again when there is no lead. Once per due time, like every alert: a row in
 * `deadline_alerts` whose primary key admits it once.
 */
@Injectable()
export class SecondEscalations {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sweep(now: Date): Promise<number> {
    // The stage keeps whether its escalation is open (ADR 0037: feedback_escalated_at is set while it
    // owes feedback, on an open application, and the escalation for its current due time fired, at
    // that time) and whose work it is (ADR 0041: owner_id, stage_owner stored). So the read walks
    // application_stages_escalated_at_idx, which holds only the open escalations, oldest first, and
    // looks up per stage only its escalation's named owner and whether it already went up: no
    // feedback, application or alert is read for the escalations answered or closed. Reassigned
    // escalations never go up, so they are left out here too. An escalation cannot be due before a
    // working day's hours have passed (working hours never pass faster than the clock), so younger
    // ones are not read at all. The keys come first and only the page's rows are joined to names.
    // The two alert checks are scalar subqueries, not EXISTS: each is one primary-key probe per
    // open escalation, where a semi-join was planned as a hash of every escalation ever fired.
    const youngestDueHours =
      SECOND_ESCALATION_DELAY_WORKING_DAYS * (this.config.calendar.dayEndsAt - this.config.calendar.dayStartsAt);
    const left: LeftEscalation[] = await this.dataSource.query(
      `SELECT k.stage_id, k.stage_name, k.feedback_due_at, k.application_id, u.full_name AS candidate_name,
              j.title AS job_title, c.name AS client_name, k.escalated_at, k.owner_id, o.full_name AS owner_name
         FROM (SELECT s.id AS stage_id, s.name AS stage_name, s.feedback_due_at, a.id AS application_id,
                      a.candidate_id, a.job_id, s.feedback_escalated_at AS escalated_at, s.owner_id
                 FROM application_stages s
                 JOIN applications a ON a.id = s.application_id
                WHERE s.feedback_escalated_at <= $3::timestamptz - make_interval(hours => $4)
                  AND (SELECT d.owner_id IS NOT DISTINCT FROM s.owner_id FROM deadline_alerts d
                        WHERE d.stage_id = s.id AND d.kind = $1 AND d.due_at = s.feedback_due_at)
                  AND (SELECT count(*) FROM deadline_alerts d2
                        WHERE d2.stage_id = s.id AND d2.kind = $2 AND d2.due_at = s.feedback_due_at) = 0
                ORDER BY s.feedback_escalated_at
                LIMIT 1000) k
         JOIN users u ON u.id = k.candidate_id
         JOIN jobs j ON j.id = k.job_id
         JOIN clients c ON c.id = j.client_id
         LEFT JOIN users o ON o.id = k.owner_id
        ORDER BY k.escalated_at`,
      [DeadlineAlertKind.Escalation, DeadlineAlertKind.SecondEscalation, now, youngestDueHours],
    );
    let fired = 0;
    for (const escalation of left) {
      const due = secondEscalationIsDue(
        { escalatedAt: escalation.escalated_at, ownerAtEscalation: escalation.owner_id },
        // The query kept only escalations still missing feedback and still with the owner they named.
        { currentOwner: escalation.owner_id, feedbackRecorded: false },
        now,
        this.config.calendar,
      );
      if (due && (await this.dataSource.transaction((manager) => this.fireOnce(manager, escalation)))) fired++;
    }
    return fired;
  }

  /** Under the application's lock, looks again (feedback, closure, reassignment), then inserts the alert first. */
  private async fireOnce(manager: EntityManager, escalation: LeftEscalation): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `WITH open_application AS (
         SELECT a.id FROM applications a WHERE a.id = $2 AND a.status = ANY($4) FOR UPDATE OF a)
       INSERT INTO deadline_alerts (stage_id, kind, due_at, owner_id)
       SELECT s.id, $3, s.feedback_due_at, s.owner_id
         FROM application_stages s
         JOIN deadline_alerts d ON d.stage_id = s.id AND d.due_at = s.feedback_due_at AND d.kind = $5
        WHERE s.id = $1 AND s.application_id IN (SELECT id FROM open_application)
          AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = s.id)
          AND d.owner_id IS NOT DISTINCT FROM s.owner_id
       ON CONFLICT DO NOTHING RETURNING stage_id`,
      [
        escalation.stage_id,
        escalation.application_id,
        DeadlineAlertKind.SecondEscalation,
        OPEN_STATUSES,
        DeadlineAlertKind.Escalation,
      ],
    );
    if (inserted.length === 0) return false;

    const leads: AgencyPerson[] = await manager.query(
      `SELECT id, email, full_name, time_zone FROM users
        WHERE role = 'staff' AND is_agency_lead AND disabled_at IS NULL ORDER BY email`,
    );
    const recipients = leads.length > 0 ? leads : await agencyPeople(manager, [UserRole.Staff]);
    const zone = this.config.calendar.timeZone;
    await this.outbox.enqueue(
      manager,
      ...recipients.map((person) => ({
        idempotencyKey: `alert:${escalation.stage_id}:${DeadlineAlertKind.SecondEscalation}:${escalation.feedback_due_at.toISOString()}:${person.id}`,
        kind: 'escalation' as const,
        recipientId: person.id,
        recipientEmail: person.email,
        ...feedbackSecondEscalationEmail({
          recipientName: person.full_name,
          candidateName: escalation.candidate_name,
          stageName: escalation.stage_name,
          jobTitle: escalation.job_title,
          clientName: escalation.client_name,
          ownerName: escalation.owner_name,
          due: formatTimeFor(escalation.feedback_due_at, person.time_zone, zone),
          escalatedAt: formatTimeFor(escalation.escalated_at, person.time_zone, zone),
          link: `${this.config.publicUrl}/recruiter/applications/${escalation.application_id}`,
        }),
        applicationId: escalation.application_id,
      })),
    );
    await this.timeline.append(manager, {
      applicationId: escalation.application_id,
      type: TimelineEventType.Escalated,
      stageId: escalation.stage_id,
      text: feedbackSecondEscalatedText(escalation.stage_name, escalation.owner_name, leads.length > 0),
      candidateVisible: false,
      actorId: null,
    });
    return true;
  }
}
