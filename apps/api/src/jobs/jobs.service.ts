import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AgencyJobDetail,
  AuditAction,
  AuditEntityType,
  DEFAULT_ANSWER_WITHIN_WORKING_DAYS,
  DEFAULT_SCREENING_WITHIN_WORKING_DAYS,
  ErrorCode,
  JobDetail,
  JobStatus,
  MyApplicationOnJob,
  PayPeriod,
  UserRole,
} from '@heardback/contracts';
import {
  DomainError,
  Viewer,
  assertJobEditable,
  assertSalaryRange,
  canSeeInternalDetails,
  canSeeJob,
  fieldError,
  normalizePipeline,
  normalizeScreeningQuestions,
} from '@heardback/domain';
import { EntityManager, Repository } from 'typeorm';
import { queryPrepared } from '../database/prepared-statement';
import { onReplica } from '../database/read-replica';
import { AuditSnapshot } from '../audit/audit-changes';
import { AuditTrail } from '../audit/audit-trail';
import { ClientEntity } from '../clients/client.entity';
import { UserEntity } from '../users/user.entity';
import { CreateJobDto, SalaryDto, UpdateJobDto } from './dto/job-write.dto';
import { JOB_WITH_CLIENT, JobWithClientRow, jobFromRow } from './job-with-client';
import { JobViewFields, toAgencyJobDetail, toJobDetail } from './job-view';
import { JobEntity } from './job.entity';

@Injectable()
export class JobsService {
  constructor(
    @InjectRepository(JobEntity) private readonly jobs: Repository<JobEntity>,
    @InjectRepository(ClientEntity) private readonly clients: Repository<ClientEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Visitors and candidates see open jobs only, without staff ids; agency people see every job, with its
   * owner. Anything else is "not found".
   */
  async get(id: string, viewer: Viewer | null): Promise<JobDetail | AgencyJobDetail> {
    // A visitor has written nothing that must show: a replica may serve them (ADR 0035). A signed-in
    // person reads the primary, so the job they just edited or applied to shows it at once.
    const found =
      viewer === null
        ? await onReplica(this.jobs.manager.dataSource, (manager) => this.withClient(id, manager))
        : await this.withClient(id);
    // Made only when needed: an Error captures its stack, which cost a visible share of every job page.
    const notFound = () => new DomainError(ErrorCode.NotFound, 'This job does not exist or is no longer open.');
    if (!found) throw notFound();
    const { job, clientName } = found;
    if (viewer !== null && canSeeInternalDetails(viewer)) return toAgencyJobDetail(job, clientName);
    const myApplication = viewer?.role === UserRole.Candidate ? await this.latestApplication(job.id, viewer.id) : null;
    if (!canSeeJob(job.status, viewer, myApplication !== null)) throw notFound();
    const detail = toJobDetail(job, clientName);
    return viewer?.role === UserRole.Candidate ? { ...detail, myApplication } : detail;
  }

  /** The candidate's newest application to the job, so the page offers "Apply" only when they may. */
  private async latestApplication(jobId: string, candidateId: string): Promise<MyApplicationOnJob | null> {
    const rows: { id: string; created_at: Date; status: MyApplicationOnJob['status']; withdrawn_at: Date | null }[] =
      await this.jobs.manager.query(
        `SELECT a.id, a.created_at, a.status,
                (SELECT max(t.at) FROM timeline_events t WHERE t.application_id = a.id AND t.type = 'withdrawn') AS withdrawn_at
           FROM applications a
          WHERE a.job_id = $1 AND a.candidate_id = $2
          ORDER BY a.created_at DESC
          LIMIT 1`,
        [jobId, candidateId],
      );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          appliedAt: row.created_at.toISOString(),
          status: row.status,
          withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
        }
      : null;
  }

  async create(request: CreateJobDto, actor: UserEntity): Promise<AgencyJobDetail> {
    await this.assertReferencesExist(request);
    const status = request.status ?? JobStatus.Draft;
    const job = this.jobs.create({
      clientId: request.clientId,
      title: request.title,
      description: request.description,
      location: request.location,
      workMode: request.workMode,
      employmentType: request.employmentType,
      ...salaryColumns(request.salary),
      status,
      ownerId: request.ownerId ?? null,
      pipeline: normalizePipeline(request.pipeline),
      answerWithinWorkingDays: request.answerWithinWorkingDays ?? DEFAULT_ANSWER_WITHIN_WORKING_DAYS,
      screeningWithinWorkingDays: request.screeningWithinWorkingDays ?? DEFAULT_SCREENING_WITHIN_WORKING_DAYS,
      publishedAt: status === JobStatus.Open ? new Date() : null,
      screeningQuestions: normalizeScreeningQuestions(request.screeningQuestions ?? [], new Set(), randomUUID),
    });
    const saved = await this.jobs.manager.transaction(async (manager) => {
      const inserted = await manager.save(JobEntity, job);
      await this.audit.record(manager, {
        actor,
        action: AuditAction.JobCreated,
        entity: { type: AuditEntityType.Job, id: inserted.id },
        before: null,
        after: auditedJob(inserted),
      });
      return inserted;
    });
    return this.getForAgency(saved.id);
  }

  async update(id: string, request: UpdateJobDto, actor: UserEntity): Promise<AgencyJobDetail> {
    const nulled = Object.entries(request).find(
      ([field, value]) => value === null && field !== 'salary' && field !== 'ownerId',
    );
    if (nulled) {
      throw fieldError(nulled[0], 'must not be null: leave it out to keep the current value');
    }
    await this.assertReferencesExist(request);
    // Locked, so an edit can never write back "open" over a closure made at the same moment.
    await this.jobs.manager.transaction(async (manager) => {
      const job = await manager
        .createQueryBuilder(JobEntity, 'job')
        .setLock('pessimistic_write')
        .where('job.id = :id', { id })
        .getOne();
      if (!job) {
        throw new DomainError(ErrorCode.NotFound, 'This job does not exist.');
      }
      assertJobEditable(job.status);
      const before = auditedJob(job);
      const { salary, pipeline, ownerId, screeningQuestions, ...plain } = request;
      Object.assign(job, plain);
      if (salary !== undefined) Object.assign(job, salaryColumns(salary ?? undefined));
      if (pipeline !== undefined) job.pipeline = normalizePipeline(pipeline);
      if (ownerId !== undefined) job.ownerId = ownerId ?? null;
      if (screeningQuestions !== undefined) {
        const existingIds = new Set(job.screeningQuestions.map((question) => question.id));
        job.screeningQuestions = normalizeScreeningQuestions(screeningQuestions, existingIds, randomUUID);
      }
      if (job.status === JobStatus.Open && job.publishedAt === null) job.publishedAt = new Date();
      await manager.save(JobEntity, job);
      await this.audit.record(manager, {
        actor,
        action: AuditAction.JobUpdated,
        entity: { type: AuditEntityType.Job, id },
        before,
        after: auditedJob(job),
      });
    });
    return this.getForAgency(id);
  }

  private async getForAgency(id: string): Promise<AgencyJobDetail> {
    const found = await this.withClient(id);
    if (!found) throw new DomainError(ErrorCode.NotFound, 'This job does not exist.');
    return toAgencyJobDetail(found.job, found.clientName);
  }

  /**
   * The job and its client's name in one prepared statement (ADR 0053): the job page is the API's most
   * requested read, and TypeORM's query builder and entity hydration were its largest cost in the API.
   */
  private async withClient(
    id: string,
    manager: EntityManager = this.jobs.manager,
  ): Promise<{ job: JobViewFields; clientName: string } | null> {
    const [row] = await queryPrepared<JobWithClientRow>(manager, JOB_WITH_CLIENT, [id]);
    return row ? { job: jobFromRow(row), clientName: row.client_name } : null;
  }

  private async assertReferencesExist(request: UpdateJobDto): Promise<void> {
    if (request.clientId && !(await this.clients.existsBy({ id: request.clientId }))) {
      throw fieldError('clientId', 'no client has this id');
    }
    if (request.ownerId) {
      const owner = await this.users.findOneBy({ id: request.ownerId });
      if (!owner || owner.role === UserRole.Candidate) {
        throw fieldError('ownerId', 'must be the id of a recruiter or staff member');
      }
    }
    assertSalaryRange(request.salary);
  }
}

function salaryColumns(
  salary: SalaryDto | undefined,
): Pick<JobEntity, 'salaryMin' | 'salaryMax' | 'salaryCurrency' | 'payPeriod'> {
  return {
    salaryMin: salary?.min ?? null,
    salaryMax: salary?.max ?? null,
    salaryCurrency: salary?.currency ?? null,
    payPeriod: salary?.period ?? PayPeriod.Year,
  };
}

/** What the audit trail records of a job: what agency people see of it, except its id, client name and publication time. */
function auditedJob(job: JobEntity): AuditSnapshot {
  const { id: _id, clientName: _name, publishedAt: _published, ...fields } = toAgencyJobDetail(job, '');
  return fields;
}
