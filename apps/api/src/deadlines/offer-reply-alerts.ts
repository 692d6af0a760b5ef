import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TimelineEventType, UserRole } from '@heardback/contracts';
import { OfferReplyAlertKind, offerReplyAlertsDue } from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { formatAgencyTime, formatTimeFor } from '../config/agency-time';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import {
  OfferReplyFacts,
  offerReplyEscalatedText,
  offerReplyEscalationEmail,
  offerReplyNudgeText,
  offerReplyPassedEmail,
  offerReplyPassedText,
} from '../notifications/offer-messages';
import { OutboxService } from '../notifications/outbox.service';
import { TimelineService } from '../timeline/timeline.service';
import { AgencyPerson, agencyPeople, ownerOr } from './agency-people';

interface UnansweredOffer {
  application_id: string;
  reply_by: Date;
  /** PostgreSQL's own text of the date: a JavaScript Date would drop its microseconds. */
  reply_by_text: string;
  candidate_name: string;
  job_title: string;
  client_name: string;
  owner_id: string | null;
}

/** How many unanswered offers one sweep takes up; the next sweep takes the rest. */
const BATCH = 500;

/**
 * An offer's reply-by date that passes with no answer (ADR 0020), on the feedback ladder: at the
 * date the application's recruiter is alerted and the candidate reminded once; a working day later,
 * staff. The date is the application's `offer_reply_by` (a recruiter may move it, and each date
 * gets its own follow-ups); each step is a row in `application_alerts`, admitted once per date.
 */
@Injectable()
export class OfferReplyAlerts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sweep(now: Date): Promise<{ reminders: number; escalations: number }> {
    const offers: UnansweredOffer[] = await this.dataSource.query(
      // Open offers are few: applications_offer_reply_by_idx holds exactly the applications at the
      // offer stage. Keys first, names joined to the page only (3.2 s to 0.09 s at 300k applications).
      `SELECT k.application_id, k.reply_by, k.reply_by::text AS reply_by_text,
              u.full_name AS candidate_name, j.title AS job_title, c.name AS client_name, k.owner_id
         FROM (SELECT a.id AS application_id, a.offer_reply_by AS reply_by, a.candidate_id, a.job_id,
                      a.recruiter_id AS owner_id
                 FROM applications a
                 JOIN offers o ON o.application_id = a.id AND o.answer IS NULL
                WHERE a.status = 'offer' AND a.offer_reply_by <= $1
                  AND (SELECT count(*) FROM application_alerts al
                        WHERE al.application_id = a.id AND al.due_at = a.offer_reply_by
                          AND al.kind IN ('offer_reply_passed', 'offer_reply_escalated')) < 2
                ORDER BY a.offer_reply_by
                LIMIT ${BATCH}) k
         JOIN users u ON u.id = k.candidate_id
         JOIN jobs j ON j.id = k.job_id
         JOIN clients c ON c.id = j.client_id
        ORDER BY k.reply_by`,
      [now],
    );
    let reminders = 0;
    let escalations = 0;
    for (const offer of offers) {
      for (const kind of offerReplyAlertsDue(offer.reply_by, now, this.config.calendar)) {
        const fired = await this.dataSource.transaction((manager) => this.fireOnce(manager, offer, kind));
        if (fired && kind === 'offer_reply_escalated') escalations++;
        else if (fired) reminders++;
      }
    }
    return { reminders, escalations };
  }

  /** Inserts the alert row first: only the transaction that inserts it speaks. */
  private async fireOnce(manager: EntityManager, offer: UnansweredOffer, kind: OfferReplyAlertKind): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO application_alerts (application_id, kind, due_at)
       SELECT a.id, $2, a.offer_reply_by FROM applications a
        WHERE a.id = $1 AND a.offer_reply_by = $3::timestamptz AND a.status = 'offer'
          AND EXISTS (SELECT 1 FROM offers o WHERE o.application_id = a.id AND o.answer IS NULL)
       ON CONFLICT DO NOTHING RETURNING application_id`,
      [offer.application_id, kind, offer.reply_by_text],
    );
    if (inserted.length === 0) return false;
    const replyBy = formatAgencyTime(offer.reply_by, this.config.calendar.timeZone);
    const facts = (person: AgencyPerson): OfferReplyFacts => ({
      recipientName: person.full_name,
      candidateName: offer.candidate_name,
      jobTitle: offer.job_title,
      clientName: offer.client_name,
      replyBy: formatTimeFor(offer.reply_by, person.time_zone, this.config.calendar.timeZone),
      link: `${this.config.publicUrl}/recruiter/applications/${offer.application_id}`,
    });
    const key = (person: AgencyPerson) => `${kind}:${offer.application_id}:${offer.reply_by_text}:${person.id}`;

    if (kind === 'offer_reply_escalated') {
      const staff = await agencyPeople(manager, [UserRole.Staff]);
      await this.outbox.enqueue(
        manager,
        ...staff.map((person) => ({
          idempotencyKey: key(person),
          kind: 'escalation' as const,
          recipientId: person.id,
          recipientEmail: person.email,
          ...offerReplyEscalationEmail(facts(person)),
          applicationId: offer.application_id,
        })),
      );
      await this.timeline.append(manager, {
        applicationId: offer.application_id,
        type: TimelineEventType.Escalated,
        text: offerReplyEscalatedText(replyBy),
        candidateVisible: false,
        actorId: null,
      });
      return true;
    }

    const owners = await ownerOr(manager, offer.owner_id);
    await this.outbox.enqueue(
      manager,
      ...owners.map((person) => ({
        idempotencyKey: key(person),
        kind: 'feedback_reminder' as const,
        recipientId: person.id,
        recipientEmail: person.email,
        ...offerReplyPassedEmail(facts(person)),
        applicationId: offer.application_id,
      })),
    );
    await this.timeline.append(
      manager,
      {
        applicationId: offer.application_id,
        type: TimelineEventType.OfferReplyNudge,
        text: offerReplyNudgeText(replyBy),
        candidateVisible: true,
        actorId: null,
        promiseDueAt: offer.reply_by,
      },
      {
        applicationId: offer.application_id,
        type: TimelineEventType.FeedbackReminder,
        text: offerReplyPassedText(replyBy, owners),
        candidateVisible: false,
        actorId: null,
      },
    );
    return true;
  }
}
