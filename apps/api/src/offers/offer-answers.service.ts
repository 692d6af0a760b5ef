import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationStatus, ErrorCode, OfferAnswer, TimelineEventType, UserRole } from '@heardback/contracts';
import { DomainError, asksHowWeDid, planOfferAnswer } from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { CLOCK, Clock } from '../config/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ownerOr } from '../deadlines/agency-people';
import { loadApplicationRecord, saveApplicationChange, toFacts } from '../applications/application-records';
import {
  OFFER_ACCEPTED_TEXT,
  offerAnswerConfirmationEmail,
  offerAnsweredEmail,
  offerDeclinedText,
} from '../notifications/offer-messages';
import { OutboxService } from '../notifications/outbox.service';
import { howWeDidEmailLines } from '../notifications/satisfaction-messages';
import { howWeDidLinks, inviteHowWeDid } from '../satisfaction/satisfaction-invitations';
import { TimelineService } from '../timeline/timeline.service';
import { UserEntity } from '../users/user.entity';
import { answerOpenOffer, loadNewestOffer, offerFacts } from './offer-records';

type Answer = OfferAnswer.Accepted | OfferAnswer.Declined;

interface AnswerContext {
  candidate_id: string;
  candidate_name: string;
  candidate_email: string;
  job_title: string;
  client_name: string;
  recruiter_id: string | null;
}

/**
 * The candidate answers their own offer (ADR 0020): accepting hires them, declining closes the
 * application as withdrawn in their words. In one transaction: the offer's answer, the new status,
 * both timelines, the recruiter's email and the candidate's confirmation. The application's row
 * lock and version make a double click land once; the second gets a 409 and no second email.
 */
@Injectable()
export class OfferAnswersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  accept(applicationId: string, version: number, candidate: UserEntity): Promise<void> {
    return this.answer(applicationId, version, candidate, OfferAnswer.Accepted, null);
  }

  decline(applicationId: string, version: number, candidate: UserEntity, reason: string | null): Promise<void> {
    return this.answer(applicationId, version, candidate, OfferAnswer.Declined, reason?.trim() || null);
  }

  private answer(
    applicationId: string,
    version: number,
    candidate: UserEntity,
    answer: Answer,
    reason: string | null,
  ): Promise<void> {
    if (candidate.role !== UserRole.Candidate) {
      throw new DomainError(ErrorCode.Forbidden, 'Only the candidate can answer their offer.');
    }
    return this.dataSource.transaction(async (manager) => {
      const record = await loadApplicationRecord(manager, applicationId, candidate, {
        lock: true,
        expectedVersion: version,
      });
      const offer = await loadNewestOffer(manager, applicationId);
      const { status } = planOfferAnswer(toFacts(record), offerFacts(offer), answer);
      const now = this.clock.now();
      await answerOpenOffer(manager, applicationId, answer, now, reason);
      record.application.status = status;
      if (status === ApplicationStatus.Withdrawn) record.application.withdrawalReason = reason;
      await saveApplicationChange(manager, record.application);
      await this.timeline.append(manager, {
        applicationId,
        type: answer === OfferAnswer.Accepted ? TimelineEventType.OfferAccepted : TimelineEventType.OfferDeclined,
        text: answer === OfferAnswer.Accepted ? OFFER_ACCEPTED_TEXT : offerDeclinedText(reason),
        candidateVisible: true,
        actorId: candidate.id,
      });
      // Keyed by the offer: however often the answer is sent, each person gets one email.
      await this.mail(manager, applicationId, String(offer?.id), answer, reason, asksHowWeDid(status));
    });
  }

  private async mail(
    manager: EntityManager,
    applicationId: string,
    offerId: string,
    answer: Answer,
    reason: string | null,
    asksHowWeDid: boolean,
  ): Promise<void> {
    const [context]: AnswerContext[] = await manager.query(
      `SELECT a.candidate_id, u.full_name AS candidate_name, u.email AS candidate_email, j.title AS job_title, c.name AS client_name,
              a.recruiter_id
         FROM applications a JOIN users u ON u.id = a.candidate_id JOIN jobs j ON j.id = a.job_id
         JOIN clients c ON c.id = j.client_id
        WHERE a.id = $1`,
      [applicationId],
    );
    // The application's recruiter; with none, every recruiter, as the deadline alerts do.
    const owners = await ownerOr(manager, context.recruiter_id);
    const facts = { jobTitle: context.job_title, clientName: context.client_name, answer, reason };
    // Accepting hires the candidate: their confirmation is the closing email, and asks how we did.
    const token = asksHowWeDid ? (await inviteHowWeDid(manager, [applicationId])).get(applicationId) : undefined;
    await this.outbox.enqueue(
      manager,
      ...owners.map((person) => ({
        idempotencyKey: `offer-answered:${offerId}:${person.id}`,
        kind: 'offer_answered' as const,
        recipientId: person.id,
        recipientEmail: person.email,
        ...offerAnsweredEmail({
          ...facts,
          recipientName: person.full_name,
          candidateName: context.candidate_name,
          link: `${this.config.publicUrl}/recruiter/applications/${applicationId}`,
        }),
        applicationId,
      })),
      {
        idempotencyKey: `offer-answer-confirmed:${offerId}`,
        kind: 'candidate_update' as const,
        recipientId: context.candidate_id,
        recipientEmail: context.candidate_email,
        ...offerAnswerConfirmationEmail({
          ...facts,
          candidateName: context.candidate_name,
          link: `${this.config.publicUrl}/me/applications/${applicationId}`,
          howWeDid: token ? howWeDidEmailLines(howWeDidLinks(this.config.publicUrl, token)) : null,
        }),
        applicationId,
      },
    );
  }
}
