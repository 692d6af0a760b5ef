import { AGENCY_JOBS_MAX_LIMIT, AgencyJobQuery, CURSOR_MAX_LENGTH, JobStatus } from '@heardback/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const STATUS_WORDS = `must be one or more of ${Object.values(JobStatus).join(', ')}, separated by commas`;

/** `?status=open,draft` (or the parameter repeated) as a list; anything else is left for the checks to refuse. */
function statusList({ value }: { value: unknown }): unknown {
  const parts = (Array.isArray(value) ? value : [value]).flatMap((part) =>
    typeof part === 'string' ? part.split(',').map((status) => status.trim()) : [part],
  );
  return parts;
}

/** The agency job list's filters and page; each bad one is a 400 naming the field. */
export class AgencyJobsQueryDto implements AgencyJobQuery {
  @IsOptional()
  @Transform(statusList)
  @IsArray({ message: STATUS_WORDS })
  @ArrayMinSize(1, { message: STATUS_WORDS })
  @ArrayMaxSize(Object.values(JobStatus).length, { message: STATUS_WORDS })
  @IsEnum(JobStatus, { each: true, message: STATUS_WORDS })
  status?: JobStatus[];

  @IsOptional()
  @IsString()
  @MaxLength(CURSOR_MAX_LENGTH)
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(AGENCY_JOBS_MAX_LIMIT, { message: `must not be greater than ${AGENCY_JOBS_MAX_LIMIT}` })
  limit?: number;
}
