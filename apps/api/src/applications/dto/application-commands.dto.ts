import {
  CANDIDATE_MESSAGE_MAX_LENGTH,
  PROMISE_SENTENCE_MAX_LENGTH,
  FeedbackDecision,
  GIVEN_BY_MAX_LENGTH,
  INTERVIEWERS_MAX,
  INTERVIEWER_NAME_MAX_LENGTH,
  INTERVIEW_LOCATION_MAX_LENGTH,
  JOB_TITLE_MAX_LENGTH,
  RecordFeedbackRequest,
  OfferRequest,
  RedatePromiseRequest,
  RejectApplicationRequest,
  ScheduleStageRequest,
  VersionedRequest,
  WITHDRAW_REASON_MAX_LENGTH,
  WithdrawApplicationRequest,
} from '@heardback/contracts';
import { Transform, Type } from 'class-transformer';
import {
  CandidateWordsField,
  FeedbackDecisionField,
  FeedbackRatingField,
  HoldUntilField,
  InternalNotesField,
} from './feedback-fields';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsISO8601,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { OneLine } from '../../validation/one-line';
import { IsInstant } from '../../validation/is-instant';
import { trim } from '../../auth/dto/credentials.dto';
import { OfferPayDto } from '../../offers/dto/offer-pay.dto';

export class VersionedDto implements VersionedRequest {
  @IsInt({ message: 'must be the application version you last loaded' })
  @Min(1)
  version!: number;
}

export class ScheduleStageDto extends VersionedDto implements ScheduleStageRequest {
  @IsInstant('must be a date and time such as 2026-12-01T14:00:00Z')
  startsAt!: string;

  @IsInstant('must be a date and time such as 2026-12-01T15:00:00Z')
  endsAt!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must say where, or give the video link' })
  @MaxLength(INTERVIEW_LOCATION_MAX_LENGTH)
  @OneLine()
  location!: string;

  @IsArray()
  @ArrayMaxSize(INTERVIEWERS_MAX)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'each interviewer needs a name' })
  @MaxLength(INTERVIEWER_NAME_MAX_LENGTH, { each: true })
  @OneLine({
    each: true,
    message: 'each interviewer’s name must be one line, without line breaks, tabs or other control characters',
  })
  interviewers!: string[];

  /** Contacts of the job's client; the service checks that each is one, and the total with `interviewers`. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(INTERVIEWERS_MAX)
  @ArrayUnique({ message: 'must not pick the same contact twice' })
  @IsUUID('all', { each: true, message: 'each must be the id of one of the client’s contacts' })
  clientInterviewerIds?: string[];
}

export class RecordFeedbackDto extends VersionedDto implements RecordFeedbackRequest {
  @FeedbackDecisionField()
  decision!: FeedbackDecision;

  @FeedbackRatingField()
  rating!: number;

  @CandidateWordsField()
  candidateMessage!: string;

  @InternalNotesField()
  internalNotes?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(GIVEN_BY_MAX_LENGTH)
  givenBy?: string;

  @HoldUntilField()
  holdUntil?: string;
}

export class RedatePromiseDto extends VersionedDto implements RedatePromiseRequest {
  @IsInstant('must be a date and time such as 2026-12-01T17:00:00Z')
  dueAt!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty: tell the candidate why the date moves' })
  @MaxLength(PROMISE_SENTENCE_MAX_LENGTH)
  candidateMessage!: string;
}

/** Every term is optional: the title defaults to the job's; the rest is said only if given (ADR 0020). */
export class OfferDto extends VersionedDto implements OfferRequest {
  @IsOptional()
  @IsInstant('must be a date and time such as 2026-12-01T17:00:00Z')
  replyBy?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty: leave it out to offer the job’s own title' })
  @MaxLength(JOB_TITLE_MAX_LENGTH)
  @OneLine()
  title?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => OfferPayDto)
  pay?: OfferPayDto;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a calendar date such as 2027-01-04' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a calendar date such as 2027-01-04' })
  startDate?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty: leave it out if you have nothing to add' })
  @MaxLength(CANDIDATE_MESSAGE_MAX_LENGTH)
  message?: string;
}

export class RejectApplicationDto extends VersionedDto implements RejectApplicationRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty: a rejection always carries words for the candidate' })
  @MaxLength(CANDIDATE_MESSAGE_MAX_LENGTH)
  candidateMessage!: string;
}

export class WithdrawApplicationDto extends VersionedDto implements WithdrawApplicationRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty: tell the agency why, in a few words' })
  @MaxLength(WITHDRAW_REASON_MAX_LENGTH)
  reason!: string;
}
