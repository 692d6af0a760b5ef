import {
  RECOMMEND_SCORE_MAX,
  RECOMMEND_SCORE_MIN,
  SATISFACTION_WORDS_MAX_LENGTH,
  SATISFACTION_WORDS_PAGE_MAX,
  SatisfactionAnswerRequest,
  SatisfactionTokenAnswerRequest,
  SatisfactionWordsQuery,
} from '@heardback/contracts';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsISO8601,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { trim } from '../../auth/dto/credentials.dto';
import { PageCursor, PageLimit } from '../../database/page-query-fields';

const SCORE_RANGE = `must be a whole number from ${RECOMMEND_SCORE_MIN} to ${RECOMMEND_SCORE_MAX}`;
/** Far longer than any token we make (43 characters): a longer one is refused before it is hashed. */
const TOKEN_MAX_LENGTH = 200;

export class SatisfactionAnswerDto implements SatisfactionAnswerRequest {
  @IsOptional()
  @IsInt({ message: SCORE_RANGE })
  @Min(RECOMMEND_SCORE_MIN, { message: SCORE_RANGE })
  @Max(RECOMMEND_SCORE_MAX, { message: SCORE_RANGE })
  recommendScore?: number;

  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  keptInformed?: boolean;

  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(SATISFACTION_WORDS_MAX_LENGTH, {
    message: `must be at most ${SATISFACTION_WORDS_MAX_LENGTH} characters`,
  })
  words?: string;
}

export class SatisfactionTokenAnswerDto extends SatisfactionAnswerDto implements SatisfactionTokenAnswerRequest {
  @IsString({ message: 'must be the link from your email' })
  @IsNotEmpty({ message: 'must be the link from your email' })
  @MaxLength(TOKEN_MAX_LENGTH, { message: 'must be the link from your email' })
  token!: string;
}

export class SatisfactionWordsQueryDto implements SatisfactionWordsQuery {
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date and time such as 2026-11-01T00:00:00Z' })
  from?: string;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date and time such as 2026-12-01T00:00:00Z' })
  to?: string;

  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a recruiter' })
  recruiterId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a client' })
  clientId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a job' })
  jobId?: string;

  @PageCursor()
  cursor?: string;

  @PageLimit(SATISFACTION_WORDS_PAGE_MAX)
  limit?: number;
}
