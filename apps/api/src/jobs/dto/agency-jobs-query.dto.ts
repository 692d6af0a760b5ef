import { AGENCY_JOBS_MAX_LIMIT, AgencyJobQuery, JobStatus } from '@heardback/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsOptional } from 'class-validator';
import { commaSeparated, PageCursor, PageLimit } from '../../database/page-query-fields';

const STATUS_WORDS = `must be one or more of ${Object.values(JobStatus).join(', ')}, separated by commas`;

/** The agency job list's filters and page; each bad one is a 400 naming the field. */
export class AgencyJobsQueryDto implements AgencyJobQuery {
  @IsOptional()
  @Transform(commaSeparated)
  @IsArray({ message: STATUS_WORDS })
  @ArrayMinSize(1, { message: STATUS_WORDS })
  @ArrayMaxSize(Object.values(JobStatus).length, { message: STATUS_WORDS })
  @IsEnum(JobStatus, { each: true, message: STATUS_WORDS })
  status?: JobStatus[];

  @PageCursor()
  cursor?: string;

  @PageLimit(AGENCY_JOBS_MAX_LIMIT)
  limit?: number;
}
