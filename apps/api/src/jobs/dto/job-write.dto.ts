import {
  CreateJobRequest,
  EmploymentType,
  JobStatus,
  SalaryRange,
  UpdateJobRequest,
  WorkMode,
} from '@heardback/contracts';
import { PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { trim } from '../../auth/dto/credentials.dto';

export class SalaryDto implements SalaryRange {
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  min!: number;

  @IsInt()
  @Min(0)
  @Max(10_000_000)
  max!: number;

  @Matches(/^[A-Z]{3}$/, { message: 'must be a three-letter ISO currency code such as EUR' })
  currency!: string;
}

export class CreateJobDto implements CreateJobRequest {
  @IsUUID('all', { message: 'must be the id of a client' })
  clientId!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(160)
  title!: string;

  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(20_000)
  description!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(120)
  location!: string;

  @IsEnum(WorkMode, { message: `must be one of ${Object.values(WorkMode).join(', ')}` })
  workMode!: WorkMode;

  @IsEnum(EmploymentType, { message: `must be one of ${Object.values(EmploymentType).join(', ')}` })
  employmentType!: EmploymentType;

  @IsOptional()
  @ValidateNested()
  @Type(() => SalaryDto)
  salary?: SalaryDto;

  @IsOptional()
  @IsIn([JobStatus.Draft, JobStatus.Open], { message: 'must be draft or open; closing a job has its own action' })
  status?: JobStatus.Draft | JobStatus.Open;

  @IsArray()
  @ArrayMinSize(1, { message: 'must have at least one stage' })
  @ArrayMaxSize(12, { message: 'must have at most 12 stages' })
  @IsString({ each: true, message: 'each stage must be a name' })
  pipeline!: string[];

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(720)
  feedbackDeadlineHours?: number;

  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a recruiter' })
  ownerId?: string;
}

export class UpdateJobDto extends PartialType(CreateJobDto) implements UpdateJobRequest {}
