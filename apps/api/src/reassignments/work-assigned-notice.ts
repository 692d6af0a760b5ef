import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  ApplicationStatus,
  AuditAction,
  AuditEntityType,
  StageState,
  TimelineEventType,
  UserRole,
} from '@heardback/contracts';
import { EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { formatTimeFor } from '../config/agency-time';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { reassignedText, workAssignedEmail } from '../notifications/agency-messages';
import { OutboxService } from '../notifications/outbox.service';
import { TimelineService } from '../timeline/timeline.service';
import { UserEntity } from '../users/user.entity';

/** An agency person as a reassignment reads them. */
export interface Person {
  id: string;
  role: UserRole;
  disabledAt: Date | null;
  full_name: string;
  email: string;
  time_zone: string | null;
}

export interface LockedApplication {
  id: string;
  status: ApplicationStatus;
  version: number;
  recruiter_id: string | null;
  candidate_name: string;
  job_title: string;
}

export interface StageRow {
  id: string;
  application_id: string;
  position: number;
  name: string;
  state: StageState;
  recruiter_id: string | null;
  feedback_due_at: Date | null;
}

/** One application's part of a reassignment: the application itself (stage null) and/or some of its stages. */
export interface Move {
  application: LockedApplication;
  /** All its stages, as they were before the move. */
  stages: StageRow[];
  changes: { stage: StageRow | null; from: string | null }[];
}

/**
 * What a reassignment leaves behind, in its transaction: a row in the audit trail and an internal
 * timeline entry per change, and one email to the new owner naming every candidate, stage and due date.
 */
@Injectable()
export class WorkAssignedNotice {
  constructor(
    private readonly audit: AuditTrail,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async record(
    manager: EntityManager,
    actor: UserEntity,
    to: Person,
    moves: readonly Move[],
    ownerNames: ReadonlyMap<string, string>,
  ): Promise<void> {
    for (const { application, changes } of moves) {
      for (const { stage, from } of changes) {
        await this.audit.record(manager, {
          actor,
          action: AuditAction.Reassigned,
          entity: { type: AuditEntityType.Application, id: application.id },
          before: { recruiterId: from },
          after: { recruiterId: to.id },
          context: { stage: stage?.name ?? null },
        });
      }
      await this.timeline.append(
        manager,
        ...changes.map(({ stage, from }) => ({
          applicationId: application.id,
          type: TimelineEventType.Reassigned,
          stageId: stage?.id ?? null,
          text: reassignedText({
            stageName: stage?.name ?? null,
            fromName: from ? (ownerNames.get(from) ?? null) : null,
            toName: to.full_name,
            byName: actor.fullName,
          }),
          candidateVisible: false,
          actorId: actor.id,
        })),
      );
    }
    // The versions the work moved from make the key: the same reassignment written twice mails once.
    const stamp = createHash('sha256')
      .update(moves.map((move) => `${move.application.id}:${move.application.version}`).join(','))
      .digest('hex');
    await this.outbox.enqueue(manager, {
      idempotencyKey: `work-assigned:${to.id}:${stamp}`,
      kind: 'work_assigned',
      recipientId: to.id,
      recipientEmail: to.email,
      ...workAssignedEmail({
        recipientName: to.full_name,
        byName: actor.fullName,
        work: moves.map((move) => ({
          candidateName: move.application.candidate_name,
          jobTitle: move.application.job_title,
          link: `${this.config.publicUrl}/recruiter/applications/${move.application.id}`,
          stages: stagesNamed(move).map((stage) => ({
            name: stage.name,
            due: stage.feedback_due_at
              ? formatTimeFor(stage.feedback_due_at, to.time_zone, this.config.calendar.timeZone)
              : null,
          })),
        })),
      }),
      applicationId: moves.length === 1 ? moves[0].application.id : null,
    });
  }
}

/** Stages that still have work in them: not yet passed with feedback, not skipped. */
export const OPEN_STAGE_STATES: readonly StageState[] = [
  StageState.Pending,
  StageState.Scheduled,
  StageState.AwaitingFeedback,
];

/** The stages the email names: those given explicitly, and for an application its open stages with no owner of their own. */
export function stagesNamed(move: Move): StageRow[] {
  const explicit = move.changes.flatMap((change) => (change.stage ? [change.stage] : []));
  const withApplication = move.changes.some((change) => change.stage === null)
    ? move.stages.filter((stage) => stage.recruiter_id === null && OPEN_STAGE_STATES.includes(stage.state))
    : [];
  return [...withApplication, ...explicit].sort((a, b) => a.position - b.position);
}
