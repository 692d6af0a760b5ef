import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditAction, AuditEntityType, ErrorCode, PromiseKind, TimelineEventType } from '@heardback/contracts';
import { DomainError, assertRedating } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { formatAgencyTime } from '../config/agency-time';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CLOCK, Clock } from '../config/clock';
import { promiseRedatedText } from '../notifications/candidate-messages';
import { PROMISE_COLUMNS, PromiseRow, storedPromise } from '../promises/promise-facts';
import { PromiseKeeper } from '../promises/promise-keeper';
import { TimelineService } from '../timeline/timeline.service';
import { UserEntity } from '../users/user.entity';
import { loadApplicationRecord, saveApplicationChange } from './application-records';

/**
 * Issue 9, item 3: a person moves the agency's promise only with a new date and a sentence for the
 * candidate, which is sent; a recruiter may do it a limited number of times, then staff must.
 * The moved date is what the agency's own deadline follows too: an answer's reminders and
 * escalation are reset to it, an offer's reply-by date becomes it.
 */
@Injectable()
export class PromiseRedatingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: TimelineService,
    private readonly promises: PromiseKeeper,
    private readonly audit: AuditTrail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  redate(
    applicationId: string,
    request: { dueAt: Date; candidateMessage: string; version: number },
    actor: UserEntity,
  ): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const record = await loadApplicationRecord(manager, applicationId, actor, {
        lock: true,
        expectedVersion: request.version,
      });
      const [current]: PromiseRow[] = await manager.query(
        `SELECT ${PROMISE_COLUMNS} FROM application_promises WHERE application_id = $1 AND ended_at IS NULL FOR UPDATE`,
        [applicationId],
      );
      if (!current) {
        throw new DomainError(ErrorCode.InvalidTransition, 'Nothing is promised on this application: it is closed.');
      }
      const sentence = request.candidateMessage.trim();
      assertRedating(
        storedPromise(current),
        { dueAt: request.dueAt, sentence, role: actor.role },
        now,
        this.config.calendar,
      );

      await this.promises.end(manager, current.id, 'redated', now);
      await this.promises.open(
        manager,
        {
          applicationId,
          kind: current.kind,
          stageId: current.stage_id,
          dueAt: request.dueAt,
          madeBy: actor.id,
          sentence,
          replacesId: current.id,
          redatings: current.redatings + 1,
        },
        now,
      );
      if (current.kind === PromiseKind.Answer && current.stage_id) {
        await manager.query(`UPDATE application_stages SET feedback_due_at = $2 WHERE id = $1`, [
          current.stage_id,
          request.dueAt,
        ]);
      }
      if (current.kind === PromiseKind.OfferReply) record.application.offerReplyBy = request.dueAt;
      await saveApplicationChange(manager, record.application);
      await this.audit.record(manager, {
        actor,
        action: AuditAction.PromiseRedated,
        entity: { type: AuditEntityType.Application, id: applicationId },
        context: { promise: current.kind },
        before: { dueAt: current.due_at.toISOString() },
        after: { dueAt: request.dueAt.toISOString(), candidateMessage: sentence },
      });
      const stageName = record.stages.find((stage) => stage.id === current.stage_id)?.name ?? null;
      await this.timeline.append(manager, {
        applicationId,
        type: TimelineEventType.PromiseRedated,
        stageId: current.stage_id,
        text: promiseRedatedText(
          current.kind,
          stageName,
          formatAgencyTime(request.dueAt, this.config.calendar.timeZone),
          sentence,
        ),
        candidateVisible: true,
        actorId: actor.id,
        promiseDueAt: request.dueAt,
      });
    });
  }
}
