import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApplicationStatus,
  AuditAction,
  AuditEntityType,
  ErrorCode,
  JobClosureView,
  TimelineEventType,
} from '@heardback/contracts';
import { DomainError, OPEN_STATUSES, assertJobClosable } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { updateReturning } from '../database/update-returning';
import { JobEntity } from '../jobs/job.entity';
import { jobClosedText } from '../notifications/candidate-messages';
import { TimelineService } from '../timeline/timeline.service';
import { UserEntity } from '../users/user.entity';
import { CloseJobDto } from './dto/close-job.dto';
import { JobClosureEntity } from './job-closure.entity';

const BATCH_SIZE = 500;

/**
 * Rule 3: closing or filling a job sends a closing message to every open application on it.
 * The request only records the closure; a background job closes the applications in batches
 * (one transaction each, so progress is visible and a crash resumes where it stopped).
 */
@Injectable()
export class JobClosuresService {
  private readonly logger = new Logger('JobClosures');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: TimelineService,
    private readonly audit: AuditTrail,
  ) {}

  start(jobId: string, request: CloseJobDto, actor: UserEntity): Promise<JobClosureView> {
    return this.dataSource.transaction(async (manager) => {
      const job = await manager
        .createQueryBuilder(JobEntity, 'job')
        .setLock('pessimistic_write')
        .where('job.id = :jobId', { jobId })
        .getOne();
      if (!job) throw new DomainError(ErrorCode.NotFound, 'This job does not exist.');
      assertJobClosable(job.status);
      const [{ open }] = await manager.query(
        `SELECT count(*)::int AS open FROM applications WHERE job_id = $1 AND status = ANY($2)`,
        [jobId, OPEN_STATUSES],
      );
      await manager.update(JobEntity, { id: jobId }, { status: request.outcome });
      await this.audit.record(manager, {
        actor,
        action: AuditAction.JobClosed,
        entity: { type: AuditEntityType.Job, id: jobId },
        context: { openApplications: open },
        before: { status: job.status, candidateMessage: null },
        after: { status: request.outcome, candidateMessage: request.candidateMessage },
      });
      const closure = await manager.save(
        manager.create(JobClosureEntity, {
          jobId,
          outcome: request.outcome,
          candidateMessage: request.candidateMessage,
          status: 'queued',
          total: open,
          done: 0,
          createdBy: actor.id,
        }),
      );
      return toView(closure);
    });
  }

  async get(id: string): Promise<JobClosureView> {
    const closure = await this.dataSource.manager.findOneBy(JobClosureEntity, { id });
    if (!closure) throw new DomainError(ErrorCode.NotFound, 'No such job closure.');
    return toView(closure);
  }

  /** A job's closure, for the staff job page's "Closed on …"; 404 when the job was never closed this way. */
  async forJob(jobId: string): Promise<JobClosureView> {
    const closure = await this.dataSource.manager.findOneBy(JobClosureEntity, { jobId });
    if (!closure) throw new DomainError(ErrorCode.NotFound, 'This job has not been closed.');
    return toView(closure);
  }

  /** Closures not yet finished, oldest first: taken up again every minute, so none is forgotten. */
  async unfinished(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM job_closures WHERE status <> 'done' ORDER BY created_at`,
    );
    return rows.map((row) => row.id);
  }

  /** Closes the open applications batch by batch; safe to run twice at once (row locks serialise the batches). */
  async process(closureId: string): Promise<void> {
    for (;;) {
      const closedInBatch = await this.dataSource.transaction(async (manager) => {
        const [closure] = await manager.query(
          `SELECT job_id, candidate_message, status FROM job_closures WHERE id = $1 FOR UPDATE`,
          [closureId],
        );
        if (!closure || closure.status === 'done') return 0;
        const closed = await updateReturning<{ id: string }>(
          manager,
          `UPDATE applications a SET status = $3, rejection_message = $4, version = a.version + 1, updated_at = now()
            WHERE a.id IN (SELECT id FROM applications WHERE job_id = $1 AND status = ANY($2) ORDER BY id LIMIT ${BATCH_SIZE} FOR UPDATE)
            RETURNING a.id`,
          [closure.job_id, OPEN_STATUSES, ApplicationStatus.JobClosed, closure.candidate_message],
        );
        await this.timeline.append(
          manager,
          ...closed.map((application) => ({
            applicationId: application.id,
            type: TimelineEventType.JobClosed,
            text: jobClosedText(closure.candidate_message),
            candidateVisible: true,
            actorId: null,
          })),
        );
        const finished = closed.length < BATCH_SIZE;
        await manager.query(
          `UPDATE job_closures SET done = done + $2, status = $3, finished_at = CASE WHEN $3 = 'done' THEN now() END WHERE id = $1`,
          [closureId, closed.length, finished ? 'done' : 'running'],
        );
        return finished ? -1 : closed.length;
      });
      if (closedInBatch <= 0) break;
    }
    this.logger.log(`Job closure ${closureId} finished`);
  }
}

function toView(closure: JobClosureEntity): JobClosureView {
  return {
    id: closure.id,
    jobId: closure.jobId,
    outcome: closure.outcome,
    status: closure.status,
    total: closure.total,
    done: closure.done,
    createdAt: closure.createdAt.toISOString(),
    finishedAt: closure.finishedAt?.toISOString() ?? null,
  };
}
