import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AgencyJobSummary, JobStatus } from '@heardback/contracts';
import { OPEN_STATUSES } from '@heardback/domain';
import { Repository } from 'typeorm';
import { toJobSummary } from './job-view';
import { JobEntity } from './job.entity';

/** Every job in any status, with how many applications on it are still open: the agency's own list. */
@Injectable()
export class AgencyJobsService {
  constructor(@InjectRepository(JobEntity) private readonly jobs: Repository<JobEntity>) {}

  async list(status?: JobStatus): Promise<AgencyJobSummary[]> {
    const query = this.jobs
      .createQueryBuilder('job')
      .innerJoinAndSelect('job.client', 'client')
      .addSelect(
        (sub) =>
          sub
            .select('count(*)::int')
            .from('applications', 'application')
            .where('application.job_id = job.id AND application.status = ANY(:open)', { open: OPEN_STATUSES }),
        'open_applications',
      )
      .orderBy('job.created_at', 'DESC')
      .addOrderBy('job.id', 'DESC');
    if (status) query.where('job.status = :status', { status });
    const { entities, raw } = await query.getRawAndEntities<{ open_applications: number; job_id: string }>();
    const openById = new Map(raw.map((row) => [row.job_id, Number(row.open_applications)]));
    return entities.map((job) => ({
      ...toJobSummary(job, job.client?.name ?? ''),
      openApplications: openById.get(job.id) ?? 0,
    }));
  }
}
