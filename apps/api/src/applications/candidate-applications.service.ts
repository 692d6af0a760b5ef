import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, Clock } from '../config/clock';
import { ApplicationStatus, ErrorCode, StageState, TimelineEventType, UserRole } from '@heardback/contracts';
import { DomainError, assertAcceptsApplications, planWithdraw } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { ApplicationArrivalMailer } from '../finding/application-arrival-mailer';
import { JobEntity } from '../jobs/job.entity';
import { appliedText, withdrawnText } from '../notifications/candidate-messages';
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

  /** One application per candidate per job; a second is refused by the database's unique constraint (ALREADY_APPLIED). */
  apply(jobId: string, candidate: UserEntity): Promise<string> {
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
      const application = await manager.save(
        manager.create(ApplicationEntity, {
          jobId,
          candidateId: candidate.id,
          status: ApplicationStatus.Applied,
          currentStageId: null,
          version: 1,
          createdAt: this.clock.now(),
        }),
      );
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

  withdraw(applicationId: string, candidate: UserEntity, reason: string, version: number): Promise<void> {
    if (candidate.role !== UserRole.Candidate) {
      throw new DomainError(ErrorCode.Forbidden, 'Only the candidate can withdraw an application.');
    }
    return this.dataSource.transaction(async (manager) => {
      const record = await loadApplicationRecord(manager, applicationId, candidate, {
        lock: true,
        expectedVersion: version,
      });
      planWithdraw({
        status: record.application.status,
        currentStageId: record.application.currentStageId,
        stages: [],
      });
      const cancelled = await cancelUpcomingInterview(manager, record, this.clock.now());
      record.application.status = ApplicationStatus.Withdrawn;
      record.application.withdrawalReason = reason;
      await saveApplicationChange(manager, record.application);
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
