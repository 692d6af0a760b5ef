import { ClientReviewLinkState, ErrorCode } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';
import { REVIEW_LINK_CLOSED } from '../notifications/client-review-messages';

type ClosedState = Exclude<ClientReviewLinkState, ClientReviewLinkState.Open>;

/** 410 with `{code: REVIEW_LINK_CLOSED, state}`: the link is real but no longer opens the form, and says why. */
export class ReviewLinkClosedError extends DomainError {
  constructor(readonly state: ClosedState) {
    super(ErrorCode.ReviewLinkClosed, REVIEW_LINK_CLOSED[state]);
  }
}
