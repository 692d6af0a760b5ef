import { HttpErrorResponse } from '@angular/common/http';
import { ClientReviewLinkState } from '@heardback/contracts';

/**
 * Why the review form cannot be shown: the link's own state as the API says it (410), a link the
 * API does not know (404), too many attempts (429), or a page opened without a link at all.
 */
export type DeadLink = Exclude<ClientReviewLinkState, ClientReviewLinkState.Open> | 'unknown' | 'too-many' | 'no-link';

/** Every sentence a client interviewer reads about their link, in one place. */
export const DEAD_LINK_WORDS: Record<DeadLink, { title: string; sentence: string }> = {
  [ClientReviewLinkState.Used]: {
    title: 'Feedback sent',
    sentence:
      'You already sent your feedback on this interview, thank you. The agency has it; there is nothing more to do.',
  },
  [ClientReviewLinkState.Expired]: {
    title: 'This link has expired',
    sentence:
      'This link was valid for a limited time and has expired. If you still have feedback to give, contact the agency that sent it and they will send you a new link.',
  },
  [ClientReviewLinkState.Revoked]: {
    title: 'This link was withdrawn',
    sentence:
      'The agency withdrew this link, so it no longer opens the form. If you still have feedback to give, contact the agency that sent it.',
  },
  [ClientReviewLinkState.Replaced]: {
    title: 'There is a newer link',
    sentence: 'We sent you a newer link for this interview; please use the one in the latest email.',
  },
  [ClientReviewLinkState.FeedbackRecorded]: {
    title: 'Feedback already recorded',
    sentence:
      'The agency already recorded feedback for this interview, so this link is closed. Thank you all the same.',
  },
  unknown: {
    title: 'We do not recognise this link',
    sentence:
      'This link is not one we sent, or it was cut short. Open it again from the email, making sure the whole link is used, or use the latest email we sent you.',
  },
  'too-many': {
    title: 'Too many attempts',
    sentence:
      'There were too many attempts to open review links from your connection. Wait a few minutes, then open the link again.',
  },
  'no-link': {
    title: 'Open the link from your email',
    sentence:
      'This page opens from the personal link in the email we sent you, and it forgets the link once opened. Open the link from that email again.',
  },
};

/**
 * What the page says once the feedback is sent: what happens next. `published`: the client's
 * setting sent the words to the candidate at once; otherwise the agency reviews them first.
 */
export function thankYouWords(
  interviewerName: string,
  candidateName: string,
  published: boolean,
): { title: string; sentence: string } {
  return {
    title: `Thank you, ${interviewerName}`,
    sentence: published
      ? `Your feedback is with the agency, and ${candidateName} can already read what you wrote for them. There is nothing more to do; you can close this page.`
      : `Your feedback is with the agency. They review it, may adjust the wording of what ${candidateName} should hear, and then ${candidateName} hears from them. There is nothing more to do; you can close this page.`,
  };
}

export const CANDIDATE_MESSAGE_HINT =
  'Write it as you would say it to the candidate. The agency may adjust the wording before it is sent.';
export const AGENCY_NOTES_HINT = 'Only the agency reads these; the candidate never sees them.';

const LINK_STATES = new Set<string>(Object.values(ClientReviewLinkState));

/** Why the API refused the link, when that is what it said; null for any other failure. */
export function deadLinkOf(error: unknown): DeadLink | null {
  if (!(error instanceof HttpErrorResponse)) {
    return null;
  }
  if (error.status === 404) {
    return 'unknown';
  }
  if (error.status === 429) {
    return 'too-many';
  }
  if (error.status === 410) {
    const state: unknown = (error.error as { state?: unknown } | null)?.state;
    return typeof state === 'string' && LINK_STATES.has(state) && state !== ClientReviewLinkState.Open
      ? (state as DeadLink)
      : ClientReviewLinkState.Expired;
  }
  return null;
}
