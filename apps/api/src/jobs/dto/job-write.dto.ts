import {
  CreateJobRequest,
  EmploymentType,
  ANSWER_WITHIN_MAX_WORKING_DAYS,
  ANSWER_WITHIN_MIN_WORKING_DAYS,
  JOB_DESCRIPTION_MAX_LENGTH,
  JOB_LOCATION_MAX_LENGTH,
  JOB_TITLE_MAX_LENGTH,
  PIPELINE_MAX_STAGES,
  SCREENING_OPTIONS_MAX,
  SCREENING_OPTION_MAX_LENGTH,
  SCREENING_PROMPT_MAX_LENGTH,
  SCREENING_QUESTIONS_MAX,
  ScreeningQuestionInput,
  ScreeningQuestionKind,
  SALARY_MAX,
  JobStatus,
  PayPeriod,
  SalaryRangeRequest,
  UpdateJobRequest,
  WorkMode,
} from '@heardback/contracts';
import { PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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
import { OneLine } from '../../validation/one-line';
import { trim } from '../../auth/dto/credentials.dto';

const WHOLE_WORKING_DAYS = `must be a whole number of working days from ${ANSWER_WITHIN_MIN_WORKING_DAYS} to ${ANSWER_WITHIN_MAX_WORKING_DAYS}`;

export class SalaryDto implements SalaryRangeRequest {
  @IsInt()
  @Min(0)
  @Max(SALARY_MAX)
  min!: number;

  @IsInt()
  @Min(0)
  @Max(SALARY_MAX)
  max!: number;

  @Matches(/^[A-Z]{3}$/, { message: 'must be a three-letter ISO currency code such as EUR' })
  currency!: string;

  @IsOptional()
  @IsEnum(PayPeriod, { message: `must be one of ${Object.values(PayPeriod).join(', ')}` })
  period?: PayPeriod;
}

export class ScreeningQuestionDto implements ScreeningQuestionInput {
  /** Kept when it is one of the job's questions (an edit); otherwise the question is new and gets an id. */
  @IsOptional()
  @IsString()
  id?: string;

  @IsEnum(ScreeningQuestionKind, { message: `must be one of ${Object.values(ScreeningQuestionKind).join(', ')}` })
  kind!: ScreeningQuestionKind;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty: write the question' })
  @MaxLength(SCREENING_PROMPT_MAX_LENGTH)
  prompt!: string;

  @IsBoolean({ message: 'must be true or false' })
  required!: boolean;

  /** For a choice: checked against the kind by the rules (normalizeScreeningQuestions). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SCREENING_OPTIONS_MAX, { message: `must have at most ${SCREENING_OPTIONS_MAX} options` })
  @IsString({ each: true, message: 'each option must be words' })
  @MaxLength(SCREENING_OPTION_MAX_LENGTH, { each: true })
  options?: string[];
}

export class CreateJobDto implements CreateJobRequest {
  @IsUUID('all', { message: 'must be the id of a client' })
  clientId!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(JOB_TITLE_MAX_LENGTH)
  @OneLine()
  title!: string;

  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(JOB_DESCRIPTION_MAX_LENGTH)
  description!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(JOB_LOCATION_MAX_LENGTH)
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
  @ArrayMaxSize(PIPELINE_MAX_STAGES, { message: `must have at most ${PIPELINE_MAX_STAGES} stages` })
  @IsString({ each: true, message: 'each stage must be a name' })
  @OneLine({
    each: true,
    message: 'each stage name must be one line, without line breaks, tabs or other control characters',
  })
  pipeline!: string[];

  @IsOptional()
  @IsInt({ message: WHOLE_WORKING_DAYS })
  @Min(ANSWER_WITHIN_MIN_WORKING_DAYS, { message: WHOLE_WORKING_DAYS })
  @Max(ANSWER_WITHIN_MAX_WORKING_DAYS, { message: WHOLE_WORKING_DAYS })
  answerWithinWorkingDays?: number;

  @IsOptional()
  @IsInt({ message: WHOLE_WORKING_DAYS })
  @Min(ANSWER_WITHIN_MIN_WORKING_DAYS, { message: WHOLE_WORKING_DAYS })
  @Max(ANSWER_WITHIN_MAX_WORKING_DAYS, { message: WHOLE_WORKING_DAYS })
  screeningWithinWorkingDays?: number;

  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a recruiter' })
  ownerId?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SCREENING_QUESTIONS_MAX, { message: `must have at most ${SCREENING_QUESTIONS_MAX} questions` })
  @ValidateNested({ each: true })
  @Type(() => ScreeningQuestionDto)
  screeningQuestions?: ScreeningQuestionDto[];
}

export class UpdateJobDto extends PartialType(CreateJobDto) implements UpdateJobRequest {}
