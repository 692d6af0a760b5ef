import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationStatus, ErrorCode, TimelineEventType, UserRole } from '@heardback/contracts';
import { DomainError, OPEN_STATUSES, planWithdraw } from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { loadApplicationRecord, saveApplicationChange } from '../applications/application-records';
import { cancelUpcomingInterview } from '../applications/upcoming-interview';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CLOCK, Clock } from '../config/clock';
import { CANDIDATE_ERASED_ACCOUNT_TEXT, dataRightsMessages } from '../notifications/data-rights-messages';
import { OutboxService } from '../notifications/outbox.service';
import { TimelineService } from '../timeline/timeline.service';
import {
  ACCOUNT_ERASURE_STEPS,
  APPLICATION_ERASURE_STEPS,
  ErasureStep,
  ErasureTarget,
  allowErasure,
} from './erasure-steps';

interface CandidateRow {
  id: string;
  email: string;
  full_name: string;
  role: UserRole;
  erased_at: Date | null;
}

/**
 * Erases a candidate (ADR 0019), at their request or when the retention period ends: in one
 * transaction, every open application of theirs is withdrawn (its upcoming interview cancelled, its
 * recruiter told, without a name), then the ordered steps of erasure-steps.ts run. Erasing the same
 * account twice does nothing the second time.
 */
@Injectable()
export class AccountErasureService {
  private readonly logger = new Logger('Erasure');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: TimelineService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  eraseAccount(candidateId: string): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const candidate = await this.lockCandidate(manager, candidateId);
      if (!candidate) return;
      await this.withdrawOpenApplications(manager, candidate);
      const applications = await manager.query<{ id: string }[]>(
        `SELECT id FROM applications WHERE candidate_id = $1 ORDER BY id`,
        [candidate.id],
      );
      const target = this.targetOf(
        candidate,
        applications.map((row) => row.id),
      );
      await allowErasure(manager);
      await runSteps(manager, APPLICATION_ERASURE_STEPS, target);
      await runSteps(manager, ACCOUNT_ERASURE_STEPS, target);
      this.logger.log(`Erased account ${candidate.id} with ${applications.length} applications`);
    });
  }

  /** The personal text of these closed applications of one candidate; the account and their other applications stay. */
  async eraseApplications(manager: EntityManager, candidateId: string, applicationIds: string[]): Promise<void> {
    if (applicationIds.length === 0) return;
    const candidate = await this.lockCandidate(manager, candidateId);
    if (!candidate) return;
    await allowErasure(manager);
    await runSteps(manager, APPLICATION_ERASURE_STEPS, this.targetOf(candidate, applicationIds));
  }

  /** Null for an account already erased; refuses anyone but a candidate (agency accounts are disabled by staff). */
  private async lockCandidate(manager: EntityManager, candidateId: string): Promise<CandidateRow | null> {
    const [candidate] = await manager.query<CandidateRow[]>(
      `SELECT id, email, full_name, role, erased_at FROM users WHERE id = $1 FOR UPDATE`,
      [candidateId],
    );
    if (!candidate || candidate.erased_at) return null;
    if (candidate.role !== UserRole.Candidate) {
      throw new DomainError(ErrorCode.Forbidden, dataRightsMessages.errors.onlyCandidates);
    }
    return candidate;
  }

  private targetOf(candidate: CandidateRow, applicationIds: string[]): ErasureTarget {
    return {
      candidateId: candidate.id,
      applicationIds,
      identifiers: [candidate.full_name, candidate.email],
      now: this.clock.now(),
    };
  }

  /**
   * The withdraw rules, as the candidate's own withdrawal applies them, one application at a time
   * (a candidate has a handful open). The timeline says how it ended; the email goes to the
   * recruiter, since the candidate is leaving and has asked for nothing more.
   */
  private async withdrawOpenApplications(manager: EntityManager, candidate: CandidateRow): Promise<void> {
    const open = await manager.query<{ id: string }[]>(
      `SELECT id FROM applications WHERE candidate_id = $1 AND status = ANY($2) ORDER BY id`,
      [candidate.id, OPEN_STATUSES],
    );
    const now = this.clock.now();
    for (const { id } of open) {
      const record = await loadApplicationRecord(manager, id, candidate, { lock: true });
      planWithdraw(record.application);
      const cancelled = await cancelUpcomingInterview(manager, record, now);
      const stageName = record.stages.find((stage) => stage.id === record.application.currentStageId)?.name ?? null;
      record.application.status = ApplicationStatus.Withdrawn;
      record.application.withdrawalReason = null;
      await saveApplicationChange(manager, record.application);
      await this.timeline.append(manager, {
        applicationId: id,
        type: TimelineEventType.Withdrawn,
        text: CANDIDATE_ERASED_ACCOUNT_TEXT,
        candidateVisible: false,
        actorId: candidate.id,
        stageId: cancelled?.stageId ?? null,
      });
      await this.tellRecruiter(manager, id, stageName, cancelled !== undefined);
    }
  }

  private async tellRecruiter(
    manager: EntityManager,
    applicationId: string,
    stageName: string | null,
    interviewCancelled: boolean,
  ): Promise<void> {
    const [row] = await manager.query<{ recipient_id: string; email: string; title: string; client_name: string }[]>(
      `SELECT u.id AS recipient_id, u.email, j.title, c.name AS client_name
         FROM applications a JOIN jobs j ON j.id = a.job_id JOIN clients c ON c.id = j.client_id
         JOIN users u ON u.id = coalesce(a.recruiter_id, j.owner_id)
        WHERE a.id = $1 AND u.disabled_at IS NULL`,
      [applicationId],
    );
    if (!row) return;
    await this.outbox.enqueue(manager, {
      idempotencyKey: `candidate-left:${applicationId}`,
      kind: 'candidate_left',
      recipientId: row.recipient_id,
      recipientEmail: row.email,
      ...dataRightsMessages.candidateLeft({
        jobTitle: row.title,
        clientName: row.client_name,
        stageName,
        interviewCancelled,
        link: `${this.config.publicUrl}/recruiter/applications/${applicationId}`,
      }),
      applicationId,
    });
  }
}

async function runSteps(manager: EntityManager, steps: readonly ErasureStep[], target: ErasureTarget): Promise<void> {
  for (const step of steps) await step.run(manager, target);
}
