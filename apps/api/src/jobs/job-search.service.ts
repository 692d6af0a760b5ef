import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { JOB_SEARCH_DEFAULT_LIMIT, JobBoardPage, JobStatus } from '@heardback/contracts';
import { Repository } from 'typeorm';
import { decodeKeysetCursor, encodeKeysetCursor } from '../database/keyset-cursor';
import { SearchJobsDto } from './dto/search-jobs.dto';
import { escapeLike, toPrefixTsQuery } from './job-search-terms';
import { toJobSummary } from './job-view';
import { JobEntity } from './job.entity';

/**
 * The public board: open jobs, newest first, keyset-paginated so deep pages stay as fast as the first,
 * with the true number of matching jobs (one count on the same filters, which the indexes serve).
 */
@Injectable()
export class JobSearchService {
  constructor(@InjectRepository(JobEntity) private readonly jobs: Repository<JobEntity>) {}

  async search(query: SearchJobsDto): Promise<JobBoardPage> {
    const limit = query.limit ?? JOB_SEARCH_DEFAULT_LIMIT;
    const builder = this.jobs
      .createQueryBuilder('job')
      .innerJoinAndSelect('job.client', 'client')
      .addSelect('job.published_at::text', 'cursor_published_at')
      .where('job.status = :open', { open: JobStatus.Open });

    const tsQuery = query.q ? toPrefixTsQuery(query.q) : null;
    if (tsQuery) {
      builder.andWhere(`job.search_vector @@ to_tsquery('english', :tsQuery)`, { tsQuery });
    }
    if (query.location?.trim()) {
      builder.andWhere(`job.location ILIKE :location ESCAPE '\\'`, {
        location: `%${escapeLike(query.location.trim())}%`,
      });
    }
    if (query.workMode) builder.andWhere('job.work_mode = :workMode', { workMode: query.workMode });
    if (query.employmentType)
      builder.andWhere('job.employment_type = :employmentType', { employmentType: query.employmentType });
    if (query.clientId) builder.andWhere('job.client_id = :clientId', { clientId: query.clientId });
    const counting = builder.clone().getCount();
    if (query.cursor) {
      const cursor = decodeKeysetCursor(query.cursor);
      builder.andWhere('(job.published_at, job.id) < (:cursorAt::timestamptz, :cursorId::uuid)', {
        cursorAt: cursor.at,
        cursorId: cursor.id,
      });
    }
    builder
      .orderBy('job.published_at', 'DESC')
      .addOrderBy('job.id', 'DESC')
      .limit(limit + 1);

    const [{ entities, raw }, total] = await Promise.all([
      builder.getRawAndEntities<{ cursor_published_at: string }>(),
      counting,
    ]);
    const hasMore = entities.length > limit;
    const page = entities.slice(0, limit);
    const last = page[page.length - 1];
    const lastRaw = raw[page.length - 1];
    return {
      items: page.map((job) => toJobSummary(job, job.client?.name ?? '')),
      nextCursor: hasMore && last ? encodeKeysetCursor({ at: lastRaw.cursor_published_at, id: last.id }) : null,
      total,
    };
  }
}
