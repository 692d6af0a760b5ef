import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, Clock } from '../config/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ApplicationStatus, AuditAction, AuditEntityType, StageState, TimelineEventType } from '@heardback/contracts';
import { assertPromisedDate, defaultOfferReplyBy, planHire, planOffer, planReject } from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditSnapshot } from '../audit/audit-changes';
import { AuditTrail } from '../audit/audit-trail';
import { HIRED_TEXT, OFFER_MADE_TEXT, rejectedText } from '../notifications/candidate-messages';
import { TimelineService } from '../timeline/timeline.service';
import { UserEntity } from '../users/user.entity';
import { ApplicationStageEntity } from './application-stage.entity';
import { loadApplicationRecord, saveApplicationChange, toFacts } from './application-records';
import { cancelUpcomingInterview } from './upcoming-interview';

/** Decisions on a whole application: reject, offer, hire. Each refuses while a held stage lacks feedback. */
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

  offer(applicationId: string, version: number, actor: UserEntity, replyBy?: Date): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const record = await loadApplicationRecord(manager, applicationId, actor, {
        lock: true,
        expectedVersion: version,
      });
      const now = this.clock.now();
      const { skippedStages } = planOffer(toFacts(record), now);
      if (replyBy) assertPromisedDate('replyBy', replyBy, now, this.config.calendar);
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
      await this.recordDecision(manager, actor, AuditAction.Offered, applicationId, before, {
        status: record.application.status,
        ...(skippedStages.length > 0 ? { skippedStages: skippedStages.map((stage) => stage.name) } : {}),
      });
      await this.timeline.append(manager, {
        applicationId,
        type: TimelineEventType.OfferMade,
        text: OFFER_MADE_TEXT,
        candidateVisible: true,
        actorId: actor.id,
        interview: cancelled,
      });
    });
  }

  hire(applicationId: string, version: number, actor: UserEntity): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const record = await loadApplicationRecord(manager, applicationId, actor, {
        lock: true,
        expectedVersion: version,
      });
      planHire(toFacts(record), this.clock.now());
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
