import {
  ApplyRequest,
  COVER_LETTER_TEXT_MAX_LENGTH,
  SCREENING_QUESTIONS_MAX,
  ScreeningAnswerInput,
} from '@heardback/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const NOTICE_VERSION = 'read the privacy notice on this page and agree to it, then send again';

/** Shapes only: what an answer may say depends on the job's questions (checkScreeningAnswers, `answers[i]`). */
export class ScreeningAnswerDto implements ScreeningAnswerInput {
  @IsString({ message: 'must be the id of one of the job’s questions' })
  questionId!: string;

  @IsString({ message: 'must be the answer, as text' })
  answer!: string;
}

export class ApplyDto implements ApplyRequest {
  @IsInt({ message: NOTICE_VERSION })
  @Min(1, { message: NOTICE_VERSION })
  privacyNoticeVersion!: number;

  @IsArray({ message: 'must be the list of your answers (empty when the job asks no questions)' })
  @ArrayMaxSize(SCREENING_QUESTIONS_MAX, { message: `must have at most ${SCREENING_QUESTIONS_MAX} answers` })
  @ValidateNested({ each: true })
  @Type(() => ScreeningAnswerDto)
  answers!: ScreeningAnswerDto[];

  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  talentPool?: boolean;

  @IsOptional()
  @IsUUID('all', { message: 'must be the id of one of your CVs' })
  cvDocumentId?: string | null;

  @IsOptional()
  @IsUUID('all', { message: 'must be the id of one of your cover letters' })
  coverLetterDocumentId?: string | null;

  @IsOptional()
  @IsString({ message: 'must be your cover letter, as text' })
  @MaxLength(COVER_LETTER_TEXT_MAX_LENGTH, { message: `must be at most ${COVER_LETTER_TEXT_MAX_LENGTH} characters` })
  coverLetterText?: string | null;
}
