import { applyDecorators } from '@nestjs/common';
import {
  CANDIDATE_MESSAGE_MAX_LENGTH,
  FeedbackDecision,
  INTERNAL_NOTES_MAX_LENGTH,
  RATING_MAX,
  RATING_MIN,
} from '@heardback/contracts';
import { Transform } from 'class-transformer';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsInstant } from '../../validation/is-instant';
import { trim } from '../../auth/dto/credentials.dto';

/**
 * The fields of stage feedback, checked alike wherever feedback is written: by a recruiter, by a client
 * interviewer through their link, or as the words a recruiter publishes from a client's draft.
 */
const RATING_WORDS = `must be a whole number from ${RATING_MIN} to ${RATING_MAX}`;

export const FeedbackDecisionField = () =>
  applyDecorators(
    IsEnum(FeedbackDecision, { message: `must be one of ${Object.values(FeedbackDecision).join(', ')}` }),
  );

export const FeedbackRatingField = () =>
  applyDecorators(
    IsInt({ message: RATING_WORDS }),
    Min(RATING_MIN, { message: RATING_WORDS }),
    Max(RATING_MAX, { message: RATING_WORDS }),
  );

/** The words the candidate reads. */
export const CandidateWordsField = () =>
  applyDecorators(
    Transform(trim),
    IsString(),
    IsNotEmpty({ message: 'must not be empty: these are the words the candidate will read' }),
    MaxLength(CANDIDATE_MESSAGE_MAX_LENGTH),
  );

export const InternalNotesField = () => applyDecorators(IsOptional(), IsString(), MaxLength(INTERNAL_NOTES_MAX_LENGTH));

/** Checked against the decision by the rules: a hold must say when the candidate hears again. */
export const HoldUntilField = () =>
  applyDecorators(IsOptional(), IsInstant('must be a date and time such as 2026-12-01T17:00:00Z'));
