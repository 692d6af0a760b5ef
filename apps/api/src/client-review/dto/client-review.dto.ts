import {
  CANDIDATE_MESSAGE_MAX_LENGTH,
  ClientFeedbackRequest,
  FeedbackDecision,
  INTERNAL_NOTES_MAX_LENGTH,
  PublishClientFeedbackRequest,
  RATING_MAX,
  RATING_MIN,
} from '@heardback/contracts';
import { Transform } from 'class-transformer';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsRFC3339, IsString, Max, MaxLength, Min } from 'class-validator';
import { trim } from '../../auth/dto/credentials.dto';
import { VersionedDto } from '../../applications/dto/application-commands.dto';

/** Long enough for any token we issue (43 characters); anything longer cannot be one, and is never looked up. */
const TOKEN_MAX_LENGTH = 128;

/** The review link's token, always in the body: never in a URL, where logs and proxies would keep it. */
export class ReviewTokenDto {
  @IsString({ message: 'must be the code from your review link' })
  @IsNotEmpty({ message: 'must be the code from your review link' })
  @MaxLength(TOKEN_MAX_LENGTH, { message: 'is not a review link code' })
  token!: string;
}

const RATING_WORDS = `must be a whole number from ${RATING_MIN} to ${RATING_MAX}`;

export class ClientFeedbackDto extends ReviewTokenDto implements ClientFeedbackRequest {
  @IsEnum(FeedbackDecision, { message: `must be one of ${Object.values(FeedbackDecision).join(', ')}` })
  decision!: FeedbackDecision;

  @IsInt({ message: RATING_WORDS })
  @Min(RATING_MIN, { message: RATING_WORDS })
  @Max(RATING_MAX, { message: RATING_WORDS })
  rating!: number;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty: these are the words the candidate will read' })
  @MaxLength(CANDIDATE_MESSAGE_MAX_LENGTH)
  candidateMessage!: string;

  @IsOptional()
  @IsString()
  @MaxLength(INTERNAL_NOTES_MAX_LENGTH)
  internalNotes?: string;

  /** Checked against the decision by the rules: a hold must say when the candidate hears again. */
  @IsOptional()
  @IsRFC3339({ message: 'must be a date and time such as 2026-12-01T17:00:00Z' })
  holdUntil?: string;
}

export class PublishClientFeedbackDto extends VersionedDto implements PublishClientFeedbackRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty: these are the words the candidate will read' })
  @MaxLength(CANDIDATE_MESSAGE_MAX_LENGTH)
  candidateMessage!: string;

  @IsOptional()
  @IsRFC3339({ message: 'must be a date and time such as 2026-12-01T17:00:00Z' })
  holdUntil?: string;
}
