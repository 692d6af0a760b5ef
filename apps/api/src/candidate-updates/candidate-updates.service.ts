import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '../config/clock';
import { AuditAction, AuditEntityType, CandidateUpdateKind, ErrorCode, TimelineEventType } from '@heardback/contracts';
import {
  DomainError,
  assertDecisionDate,
  assertUpdateDeadline,
  assertUpdateRequestAllowed,
  isOpen,
  updateRequestAnswerDueAt,
} from '@heardback/domain';
import { loadApplicationRecord, saveApplicationChange } from '../applications/application-records';
import { AuditTrail } from '../audit/audit-trail';
import { formatAgencyTime } from '../config/agency-time';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { IdempotencyKey } from '../idempotency/idempotency-key';
import { IdempotentCommands } from '../idempotency/idempotent-commands';
import { candidateUpdateText, decisionDateText, recruiterMessageText } from '../notifications/candidate-messages';
import { TimelineService } from '../timeline/timeline.service';
import { UserEntity } from '../users/user.entity';
import { CandidateUpdateDto } from './dto/candidate-update.dto';

/** What the candidate tells the agency, and the agency's words back (rule 3: nobody waits in silence). */
@Injectable()
export class CandidateUpdatesService {
  constructor(
    private readonly commands: IdempotentCommands,
    private readonly timeline: TimelineService,
    private readonly audit: AuditTrail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  post(
    applicationId: string,
    candidate: UserEntity,
    update: CandidateUpdateDto,
    idempotencyKey: IdempotencyKey | null = null,
  ): Promise<void> {
    return this.commands.run(candidate.id, idempotencyKey, async (manager) => {
      const now = this.clock.now();
      // The lock makes two simultaneous requests for an update queue up, so the three-day rule holds.
      const { application } = await loadApplicationRecord(manager, applicationId, candidate, {
        lock: true,
        expectedVersion: update.version,
      });
      assertCandidateOwns(application.candidateId, candidate);
      assertStillOpen(application.status);
      let answerDueAt: Date | null = null;
      if (update.kind === CandidateUpdateKind.RequestUpdate) {
        const last: { created_at: Date }[] = await manager.query(
          `SELECT created_at FROM candidate_updates WHERE application_id = $1 AND kind = 'request_update' ORDER BY created_at DESC LIMIT 1`,
          [applicationId],
        );
        assertUpdateRequestAllowed(last[0]?.created_at ?? null, now, (at) => this.format(at));
        answerDueAt = updateRequestAnswerDueAt(now, this.config.calendar);
      }
      const deadline = update.deadline ? new Date(update.deadline) : null;
      assertUpdateDeadline(update.kind, deadline);
      await manager.query(
        `INSERT INTO candidate_updates (application_id, kind, text, deadline, answer_due_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [applicationId, update.kind, update.text, deadline, answerDueAt, now],
      );
      await saveApplicationChange(manager, application);
      await this.timeline.append(manager, {
        applicationId,
        type: TimelineEventType.CandidateUpdate,
        text: candidateUpdateText(update.kind, update.text, {
          answerDue: answerDueAt ? this.format(answerDueAt) : null,
          theirDeadline: deadline ? this.format(deadline) : null,
        }),
        candidateVisible: true,
        actorId: candidate.id,
        // The answer date is a promise: pages write it in the reader's zone.
        promiseDueAt: answerDueAt,
      });
    });
  }

  setDecisionDate(
    applicationId: string,
    candidate: UserEntity,
    decisionDate: string | null,
    version: number,
    idempotencyKey: IdempotencyKey | null = null,
  ): Promise<void> {
    return this.commands.run(candidate.id, idempotencyKey, async (manager) => {
      const { application } = await loadApplicationRecord(manager, applicationId, candidate, {
        lock: true,
        expectedVersion: version,
      });
      assertCandidateOwns(application.candidateId, candidate);
      assertStillOpen(application.status);
      const when = decisionDate ? new Date(decisionDate) : null;
      assertDecisionDate(when, this.clock.now());
      application.candidateDecisionAt = when;
      await saveApplicationChange(manager, application);
      await this.timeline.append(manager, {
        applicationId,
        type: TimelineEventType.DecisionDateSet,
        text: decisionDateText(when ? this.format(when) : null),
        candidateVisible: true,
        actorId: candidate.id,
      });
    });
  }

  /** A recruiter's own words to the candidate; they answer any open request for an update. */
  sendMessage(
    applicationId: string,
    actor: UserEntity,
    text: string,
    version: number,
    idempotencyKey: IdempotencyKey | null = null,
  ): Promise<void> {
    return this.commands.run(actor.id, idempotencyKey, async (manager) => {
      const { application } = await loadApplicationRecord(manager, applicationId, actor, {
        lock: true,
        expectedVersion: version,
      });
      assertStillOpen(application.status);
      await saveApplicationChange(manager, application);
      await this.audit.record(manager, {
        actor,
        action: AuditAction.MessageSent,
        entity: { type: AuditEntityType.Application, id: applicationId },
        before: null,
        after: { message: text },
      });
      await this.timeline.append(manager, {
        applicationId,
        type: TimelineEventType.RecruiterMessage,
        text: recruiterMessageText(actor.fullName, text),
        candidateVisible: true,
        actorId: actor.id,
      });
    });
  }

  private format(at: Date): string {
    return formatAgencyTime(at, this.config.calendar.timeZone);
  }
}

function assertCandidateOwns(candidateId: string, user: UserEntity): void {
  if (candidateId !== user.id) {
    throw new DomainError(ErrorCode.Forbidden, 'Only the candidate can do this.');
  }
}

function assertStillOpen(status: Parameters<typeof isOpen>[0]): void {
  if (!isOpen(status)) {
    throw new DomainError(ErrorCode.InvalidTransition, 'This application is closed.');
  }
}
