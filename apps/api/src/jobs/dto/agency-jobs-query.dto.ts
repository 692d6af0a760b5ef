import { AgencyJobQuery, JobStatus } from '@heardback/contracts';
import { IsEnum, IsOptional } from 'class-validator';

export class AgencyJobsQueryDto implements AgencyJobQuery {
  @IsOptional()
  @IsEnum(JobStatus, { message: `must be one of ${Object.values(JobStatus).join(', ')}` })
  status?: JobStatus;
}
