import {
  EmploymentType,
  JOB_LOCATION_MAX_LENGTH,
  JOB_SEARCH_CURSOR_MAX_LENGTH,
  JOB_SEARCH_MAX_LIMIT,
  JOB_SEARCH_TEXT_MAX_LENGTH,
  JobSearchQuery,
  WorkMode,
} from '@heardback/contracts';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class SearchJobsDto implements JobSearchQuery {
  @IsOptional()
  @IsString()
  @MaxLength(JOB_SEARCH_TEXT_MAX_LENGTH)
  q?: string;

  @IsOptional()
  @IsString()
  @MaxLength(JOB_LOCATION_MAX_LENGTH)
  location?: string;

  @IsOptional()
  @IsEnum(WorkMode, { message: `must be one of ${Object.values(WorkMode).join(', ')}` })
  workMode?: WorkMode;

  @IsOptional()
  @IsEnum(EmploymentType, { message: `must be one of ${Object.values(EmploymentType).join(', ')}` })
  employmentType?: EmploymentType;

  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a client' })
  clientId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(JOB_SEARCH_CURSOR_MAX_LENGTH)
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(JOB_SEARCH_MAX_LIMIT, { message: `must not be greater than ${JOB_SEARCH_MAX_LIMIT}` })
  limit?: number;
}
