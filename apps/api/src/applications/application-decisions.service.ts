import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, Clock } from '../config/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import {
  ApplicationStatus,
  AuditAction,
  AuditEntityType,
  OfferAnswer,
  OfferRequest,
  StageState,
  TimelineEventType,
} from '@heardback/contracts';
import {
  assertOfferStartDate,
  assertPromisedDate,
  defaultOfferReplyBy,
  planHire,
  planOffer,
  planReject,
} from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditSnapshot } from '../audit/audit-changes';
import { AuditTrail } from '../audit/audit-trail';
import { formatAgencyTime } from '../config/agency-time';
import { JobEntity } from '../jobs/job.entity';
import { HIRED_TEXT, rejectedText } from '../notifications/candidate-messages';
import { offerMadeText } from '../notifications/offer-messages';
import { answerOpenOffer, hasOpenOffer, insertOffer } from '../offers/offer-records';
import { TimelineService } from '../timeline/timeline.service';
import { UserEntity } from '../users/user.entity';
import { ApplicationStageEntity } from './application-stage.entity';
import { loadApplicationRecord, saveApplicationChange, toFacts } from './application-records';
import { cancelUpcomingInterview } from './upcoming-interview';

/**
 * Decisions on a whole application: reject, offer (with its terms), hire. Each refuses while a held
 * stage lacks feedback. The candidate's own answer to an offer is OfferAnswersService's.
 */
@Injectable()
export class ApplicationDecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: TimelineService,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  reject(applicationId: string, candidateMessage: string, version: number, actor: UserEntity): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const record = await loadApplicationRecord(manager, applicationId, actor, {
        lock: true,
        expectedVersion: version,
      });
      const now = this.clock.now();
      planReject(toFacts(record), candidateMessage, now);
      const cancelled = await cancelUpcomingInterview(manager, record, now);
      const before = { status: record.application.status, rejectionMessage: record.application.rejectionMessage };
      record.application.status = ApplicationStatus.Rejected;
      record.application.rejectionMessage = candidateMessage;
      await saveApplicationChange(manager, record.application);
      await this.recordDecision(manager, actor, AuditAction.Rejected, applicationId, before, {
        status: record.application.status,
        rejectionMessage: candidateMessage,
      });
      await this.timeline.append(manager, {
        applicationId,
        type: TimelineEventType.Rejected,
        text: rejectedText(candidateMessage),
        candidateVisible: true,
        actorId: actor.id,
        interview: cancelled,
      });
    });
  }

  /**
   * Makes the offer with its terms (ADR 0020). On an application whose last stage was passed
   * ("an offer is on its way"), this writes the terms of that offer.
   */
  offer(applicationId: string, request: OfferRequest, actor: UserEntity): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const record = await loadApplicationRecord(manager, applicationId, actor, {
        lock: true,
        expectedVersion: request.version,
      });
      const now = this.clock.now();
      const awaitingTerms =
        record.application.status === ApplicationStatus.Offer && !(await hasOpenOffer(manager, applicationId));
      const { skippedStages } = planOffer(toFacts(record), now, awaitingTerms);
      const replyBy = request.replyBy ? new Date(request.replyBy) : undefined;
      if (replyBy) assertPromisedDate('replyBy', replyBy, now, this.config.calendar);
      if (request.startDate) assertOfferStartDate(request.startDate, now, this.config.calendar.timeZone);
      const job = await manager.findOneOrFail(JobEntity, {
        where: { id: record.application.jobId },
        relations: { client: true },
      });
      const cancelled = await cancelUpcomingInterview(manager, record, now);
      const before = { status: record.application.status };
      for (const skipped of skippedStages) {
        await manager.update(
          ApplicationStageEntity,
          { id: skipped.id },
          // A skipped interview will not take place: its times go, so it never counts as held or due.
          {
            state: StageState.Skipped,
            skipReason: 'Not needed: an offer was made before this stage.',
            startsAt: null,
            endsAt: null,
            feedbackDueAt: null,
          },
        );
      }
      record.application.status = ApplicationStatus.Offer;
      record.application.offerReplyBy = replyBy ?? defaultOfferReplyBy(now, this.config.calendar);
      await saveApplicationChange(manager, record.application);
      const terms = {
        title: request.title ?? job.title,
        pay: request.pay ? { ...request.pay } : null,
        startDate: request.startDate ?? null,
        message: request.message ?? null,
      };
      await insertOffer(manager, {
        applicationId,
        ...terms,
        madeBy: actor.id,
        madeAt: now,
        replyBy: record.application.offerReplyBy,
      });
      await this.recordDecision(manager, actor, AuditAction.Offered, applicationId, before, {
        status: record.application.status,
        terms: { ...terms, replyBy: record.application.offerReplyBy.toISOString() },
        ...(skippedStages.length > 0 ? { skippedStages: skippedStages.map((stage) => stage.name) } : {}),
      });
      await this.timeline.append(manager, {
        applicationId,
        type: TimelineEventType.OfferMade,
        text: offerMadeText({
          ...terms,
          clientName: job.client?.name ?? 'the client',
          replyBy: formatAgencyTime(record.application.offerReplyBy, this.config.calendar.timeZone),
        }),
        candidateVisible: true,
        actorId: actor.id,
        interview: cancelled,
        promiseDueAt: record.application.offerReplyBy,
      });
    });
  }

  hire(applicationId: string, version: number, actor: UserEntity): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const record = await loadApplicationRecord(manager, applicationId, actor, {
        lock: true,
        expectedVersion: version,
      });
      const now = this.clock.now();
      planHire(toFacts(record), now, await hasOpenOffer(manager, applicationId));
      // The recruiter records the candidate's yes given outside the portal (by phone, say).
      await answerOpenOffer(manager, applicationId, OfferAnswer.Accepted, now);
      const before = { status: record.application.status };
      record.application.status = ApplicationStatus.Hired;
      await saveApplicationChange(manager, record.application);
      await this.recordDecision(manager, actor, AuditAction.Hired, applicationId, before, {
        status: record.application.status,
      });
      await this.timeline.append(manager, {
        applicationId,
        type: TimelineEventType.Hired,
        text: HIRED_TEXT,
        candidateVisible: true,
        actorId: actor.id,
      });
    });
  }

  private recordDecision(
    manager: EntityManager,
    actor: UserEntity,
    action: AuditAction.Rejected | AuditAction.Offered | AuditAction.Hired,
    applicationId: string,
    before: AuditSnapshot,
    after: AuditSnapshot,
  ): Promise<void> {
    return this.audit.record(manager, {
      actor,
      action,
      entity: { type: AuditEntityType.Application, id: applicationId },
      before,
      after,
    });
  }
}
