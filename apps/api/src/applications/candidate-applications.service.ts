import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, Clock } from '../config/clock';
import {
  ApplicationStatus,
  ApplyRequest,
  ErrorCode,
  StageState,
  TimelineEventType,
  UserRole,
} from '@heardback/contracts';
import { DomainError, assertAcceptsApplications, checkScreeningAnswers, planWithdraw } from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { attachApplicationDocuments } from '../documents/application-documents';
import { ApplicationArrivalMailer } from '../finding/application-arrival-mailer';
import { JobEntity } from '../jobs/job.entity';
import { appliedText, withdrawnText } from '../notifications/candidate-messages';
import {
  giveTalentPoolConsent,
  recordApplicationConsent,
  withdrawApplicationConsent,
} from '../privacy/consent-records';
import { assertCurrentPrivacyNotice } from '../privacy/privacy-notices';
import { TimelineService } from '../timeline/timeline.service';
import { UserEntity } from '../users/user.entity';
import { ApplicationStageEntity } from './application-stage.entity';
import { ApplicationEntity } from './application.entity';
import { loadApplicationRecord, saveApplicationChange } from './application-records';
import { cancelUpcomingInterview } from './upcoming-interview';

/** What a candidate does to their own applications: apply and withdraw. */
@Injectable()
export class CandidateApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: TimelineService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly arrivals: ApplicationArrivalMailer,
  ) {}

  /**
   * One open application per candidate per job: a second is refused by the database's partial unique
   * index (ALREADY_APPLIED). After withdrawing, the candidate may apply again while the job is open;
   * the new application links to the one it follows. The answers are checked against the job's
   * questions and kept as they were asked; the consent is recorded under the notice version the
   * candidate read, which must be the current one (PRIVACY_NOTICE_CHANGED otherwise).
   */
  apply(jobId: string, candidate: UserEntity, request: ApplyRequest): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      // Shared lock: a job being closed at this moment either sees this application or refuses it.
      const job = await manager
        .createQueryBuilder(JobEntity, 'job')
        .innerJoinAndSelect('job.client', 'client')
        .setLock('pessimistic_read', undefined, ['job'])
        .where('job.id = :jobId', { jobId })
        .getOne();
      if (!job) {
        throw new DomainError(ErrorCode.NotFound, 'This job does not exist or is no longer open.');
      }
      assertAcceptsApplications(job.status);
      const screeningAnswers = checkScreeningAnswers(job.screeningQuestions, request.answers);
      await assertCurrentPrivacyNotice(manager, request.privacyNoticeVersion);
      const now = this.clock.now();
      const application = await manager.save(
        manager.create(ApplicationEntity, {
          jobId,
          candidateId: candidate.id,
          status: ApplicationStatus.Applied,
          currentStageId: null,
          version: 1,
          screeningAnswers,
          previousApplicationId: await this.lastWithdrawn(manager, jobId, candidate.id),
          createdAt: now,
        }),
      );
      const consent = { candidateId: candidate.id, noticeVersion: request.privacyNoticeVersion, at: now };
      await recordApplicationConsent(manager, { ...consent, applicationId: application.id });
      await attachApplicationDocuments(manager, {
        applicationId: application.id,
        candidateId: candidate.id,
        cvDocumentId: request.cvDocumentId,
        coverLetterDocumentId: request.coverLetterDocumentId,
        coverLetterText: request.coverLetterText,
      });
      if (request.talentPool) await giveTalentPoolConsent(manager, consent);
      const stages = await manager.save(
        job.pipeline.map((name, position) =>
          manager.create(ApplicationStageEntity, {
            applicationId: application.id,
            position,
            name,
            state: StageState.Pending,
            interviewers: [],
          }),
        ),
      );
      await manager.update(ApplicationEntity, { id: application.id }, { currentStageId: stages[0].id });
      await this.timeline.append(manager, {
        applicationId: application.id,
        type: TimelineEventType.Applied,
        text: appliedText(job.title, job.client?.name ?? 'the client'),
        candidateVisible: true,
        actorId: candidate.id,
      });
      await this.arrivals.applicationArrived(manager, application.id);
      return application.id;
    });
  }

  /** The withdrawn application a new one applies again after: the newest, if it is not followed already. */
  private async lastWithdrawn(manager: EntityManager, jobId: string, candidateId: string): Promise<string | null> {
    const rows: { id: string; status: ApplicationStatus }[] = await manager.query(
      `SELECT id, status FROM applications WHERE job_id = $1 AND candidate_id = $2 ORDER BY created_at DESC LIMIT 1`,
      [jobId, candidateId],
    );
    return rows[0]?.status === ApplicationStatus.Withdrawn ? rows[0].id : null;
  }

  withdraw(applicationId: string, candidate: UserEntity, reason: string, version: number): Promise<void> {
    if (candidate.role !== UserRole.Candidate) {
      throw new DomainError(ErrorCode.Forbidden, 'Only the candidate can withdraw an application.');
    }
    return this.dataSource.transaction(async (manager) => {
      const record = await loadApplicationRecord(manager, applicationId, candidate, {
        lock: true,
        expectedVersion: version,
      });
      planWithdraw(record.application);
      const cancelled = await cancelUpcomingInterview(manager, record, this.clock.now());
      record.application.status = ApplicationStatus.Withdrawn;
      record.application.withdrawalReason = reason;
      await saveApplicationChange(manager, record.application);
      await withdrawApplicationConsent(manager, applicationId, this.clock.now());
      await this.timeline.append(manager, {
        applicationId,
        type: TimelineEventType.Withdrawn,
        text: withdrawnText(reason),
        candidateVisible: true,
        actorId: candidate.id,
        interview: cancelled,
      });
    });
  }
}
