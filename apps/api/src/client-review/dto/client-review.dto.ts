import { ClientFeedbackRequest, FeedbackDecision, PublishClientFeedbackRequest } from '@heardback/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { VersionedDto } from '../../applications/dto/application-commands.dto';
import {
  CandidateWordsField,
  FeedbackDecisionField,
  FeedbackRatingField,
  HoldUntilField,
  InternalNotesField,
} from '../../applications/dto/feedback-fields';

/** Long enough for any token we issue (43 characters); anything longer cannot be one, and is never looked up. */
const TOKEN_MAX_LENGTH = 128;

/** The review link's token, always in the body: never in a URL, where logs and proxies would keep it. */
export class ReviewTokenDto {
  @IsString({ message: 'must be the code from your review link' })
  @IsNotEmpty({ message: 'must be the code from your review link' })
  @MaxLength(TOKEN_MAX_LENGTH, { message: 'is not a review link code' })
  token!: string;
}

export class ClientFeedbackDto extends ReviewTokenDto implements ClientFeedbackRequest {
  @FeedbackDecisionField()
  decision!: FeedbackDecision;

  @FeedbackRatingField()
  rating!: number;

  @CandidateWordsField()
  candidateMessage!: string;

  @InternalNotesField()
  internalNotes?: string;

  @HoldUntilField()
  holdUntil?: string;
}

export class PublishClientFeedbackDto extends VersionedDto implements PublishClientFeedbackRequest {
  @CandidateWordsField()
  candidateMessage!: string;

  @HoldUntilField()
  holdUntil?: string;
}
