import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApplicationStatus,
  AuditAction,
  AuditEntityType,
  ErrorCode,
  JobClosureView,
  StageState,
  TimelineEventType,
} from '@heardback/contracts';
import {
  CLOSING_REFUSAL_NAMES,
  DomainError,
  InterviewAwaitingFeedback,
  OPEN_STATUSES,
  assertJobClosable,
  assertNoInterviewAwaitingFeedback,
} from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { CLOCK, Clock } from '../config/clock';
import { updateReturning } from '../database/update-returning';
import { JobEntity } from '../jobs/job.entity';
import { jobClosedText } from '../notifications/candidate-messages';
import { InterviewChange } from '../notifications/interview-invite';
import { TimelineService } from '../timeline/timeline.service';
import { UserEntity } from '../users/user.entity';
import { CloseJobDto } from './dto/close-job.dto';
import { JobClosureEntity } from './job-closure.entity';

const BATCH_SIZE = 500;

/**
 * Stage `s` has begun (or was marked held) and has no feedback: it will be owed feedback once over, if it
 * is not already. Begun, not only ended, so an interview under way when the job closes is waited for too;
 * by the later of `$clock` (the API's) and the database's clock, so the batch never trips the database's
 * Rule 1 trigger, which counts by the database's. One condition for the refusal and for the batch.
 */
function stageAwaitingFeedback(clock: string): string {
  return `(s.held_at IS NOT NULL OR s.starts_at <= greatest(now(), ${clock}::timestamptz))
     AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = s.id)`;
}

/** Application `ap` has a stage awaiting feedback (`stageAwaitingFeedback`). */
function interviewAwaitingFeedback(clock: string): string {
  return `EXISTS (SELECT 1 FROM application_stages s WHERE s.application_id = ap.id AND ${stageAwaitingFeedback(clock)})`;
}

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
    @Inject(CLOCK) private readonly clock: Clock,
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
      await this.assertNoInterviewAwaitingFeedback(manager, jobId);
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
        // An application that owes feedback waits (Rule 1; the closure refused to start with one, so only an
        // interview that ended since is here): it is closed on a later pass, once its feedback is recorded.
        const closed = await updateReturning<{ id: string }>(
          manager,
          `UPDATE applications a SET status = $3, rejection_message = $4, version = a.version + 1, updated_at = now()
            WHERE a.id IN (SELECT id FROM applications ap WHERE job_id = $1 AND status = ANY($2)
                              AND NOT ${interviewAwaitingFeedback('$5')}
                            ORDER BY id LIMIT ${BATCH_SIZE} FOR UPDATE)
            RETURNING a.id`,
          [closure.job_id, OPEN_STATUSES, ApplicationStatus.JobClosed, closure.candidate_message, this.clock.now()],
        );
        const cancelled = await this.cancelUpcomingInterviews(
          manager,
          closed.map((application) => application.id),
        );
        await this.timeline.append(
          manager,
          ...closed.map((application) => ({
            applicationId: application.id,
            type: TimelineEventType.JobClosed,
            text: jobClosedText(closure.candidate_message),
            candidateVisible: true,
            actorId: null,
            interview: cancelled.get(application.id),
          })),
        );
        const [{ waiting }] = await manager.query(
          `SELECT count(*)::int AS waiting FROM applications WHERE job_id = $1 AND status = ANY($2)`,
          [closure.job_id, OPEN_STATUSES],
        );
        const finished = waiting === 0;
        await manager.query(
          `UPDATE job_closures SET done = done + $2, status = $3, finished_at = CASE WHEN $3 = 'done' THEN now() END WHERE id = $1`,
          [closureId, closed.length, finished ? 'done' : 'running'],
        );
        if (finished) return -1;
        // Only applications that wait for feedback are left: the next pass (every minute) tries again.
        return closed.length < BATCH_SIZE ? 0 : closed.length;
      });
      if (closedInBatch === -1) this.logger.log(`Job closure ${closureId} finished`);
      if (closedInBatch <= 0) break;
    }
  }

  /** Refuses to close a job while an interview on one of its open applications waits for feedback (Rule 1). */
  private async assertNoInterviewAwaitingFeedback(manager: EntityManager, jobId: string): Promise<void> {
    const rows: (InterviewAwaitingFeedback & { total: number })[] = await manager.query(
      `SELECT u.full_name AS "candidateName", s.name AS "stageName", count(*) OVER ()::int AS total
         FROM applications ap
         JOIN application_stages s ON s.application_id = ap.id
         JOIN users u ON u.id = ap.candidate_id
        WHERE ap.job_id = $1 AND ap.status = ANY($2)
          AND ${stageAwaitingFeedback('$3')}
        ORDER BY u.full_name, ap.id, s.position
        LIMIT ${CLOSING_REFUSAL_NAMES + 1}`,
      [jobId, OPEN_STATUSES, this.clock.now()],
    );
    assertNoInterviewAwaitingFeedback(rows, rows[0]?.total ?? 0);
  }

  /**
   * The interviews still to come on the applications just closed will not take place: each candidate's
   * closing email carries a cancellation that removes it from their calendar (same UID, next SEQUENCE),
   * as a rejection's does (`cancelUpcomingInterview`), for the whole batch in one statement.
   */
  private async cancelUpcomingInterviews(
    manager: EntityManager,
    applicationIds: string[],
  ): Promise<Map<string, InterviewChange>> {
    if (applicationIds.length === 0) return new Map();
    const rows: {
      application_id: string;
      id: string;
      name: string;
      calendar_sequence: number;
      starts_at: Date;
      ends_at: Date;
      location: string | null;
    }[] = await updateReturning(
      manager,
      `UPDATE application_stages s SET calendar_sequence = s.calendar_sequence + 1
        WHERE s.id IN (SELECT DISTINCT ON (u.application_id) u.id FROM application_stages u
                        WHERE u.application_id = ANY($1::uuid[]) AND u.state = $2
                          AND u.starts_at > $3 AND u.ends_at IS NOT NULL
                        ORDER BY u.application_id, u.position)
        RETURNING s.application_id, s.id, s.name, s.calendar_sequence, s.starts_at, s.ends_at, s.location`,
      [applicationIds, StageState.Scheduled, this.clock.now()],
    );
    return new Map(
      rows.map((row) => [
        row.application_id,
        {
          stageId: row.id,
          stageName: row.name,
          sequence: row.calendar_sequence,
          cancelled: true,
          startsAt: row.starts_at,
          endsAt: row.ends_at,
          location: row.location ?? '',
        },
      ]),
    );
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
