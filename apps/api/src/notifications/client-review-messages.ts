import { ClientReviewLinkState, FeedbackDecision, RATING_MAX } from '@heardback/contracts';
import { Email } from './agency-messages';
import { greeting } from './greeting';

/**
 * Every sentence of the client review loop (issue 13, ADR 0031): the email that carries a client
 * interviewer's review link, what the link says once it no longer opens, the recruiter's email when
 * a draft arrives, and the internal timeline entries. The client reads the first two, so they
 * name no other candidate and no agency jargon.
 */

export interface ClientReviewRequestFacts {
  interviewerName: string;
  candidateName: string;
  jobTitle: string;
  clientName: string;
  stageName: string;
  /** When the candidate was promised an answer, written out; null when no date was promised. */
  promisedBy: string | null;
  /** When the link stops working, written out. */
  expires: string;
  /** The page with the token in its fragment: never sent to a server, so never in a log. */
  link: string;
}

export function clientReviewRequestEmail(facts: ClientReviewRequestFacts): Email {
  const promise = facts.promisedBy
    ? `${facts.candidateName} has been promised an answer by ${facts.promisedBy}, so your view now keeps that promise.`
    : `${facts.candidateName} is waiting to hear how it went.`;
  return {
    subject: `Your feedback on ${facts.candidateName} (${facts.stageName}, ${facts.jobTitle})`,
    body: `${greeting(facts.interviewerName)}\n\nThank you for interviewing ${facts.candidateName} for ${facts.jobTitle} at ${facts.clientName} (${facts.stageName}). ${promise}\n\nIt takes about 2 minutes and needs no account: open your personal link, say whether they move forward, and write a few words for them. The recruiter reads them before the candidate does.\n\n${facts.link}\n\nThe link is yours alone: please do not forward it. It works until ${facts.expires}, or until your feedback is in.\n\nHeardback`,
  };
}

/** For `ClientReviewLinks.replace`'s callers (reminders): the same facts, a reminder's words. */
export function clientReviewReminderEmail(facts: ClientReviewRequestFacts): Email {
  const promise = facts.promisedBy ? ` ${facts.candidateName} was promised an answer by ${facts.promisedBy}.` : '';
  return {
    subject: `Reminder: your feedback on ${facts.candidateName} (${facts.stageName}, ${facts.jobTitle})`,
    body: `${greeting(facts.interviewerName)}\n\nWe are still waiting for your feedback on ${facts.candidateName}'s ${facts.stageName} for ${facts.jobTitle} at ${facts.clientName}.${promise}\n\nIt takes about 2 minutes and needs no account. Here is a fresh link (the one we sent before no longer works):\n\n${facts.link}\n\nIt works until ${facts.expires}, or until your feedback is in.\n\nHeardback`,
  };
}

/** The same page, unknown link or a link of another application: it never says which. */
export const REVIEW_LINK_UNKNOWN =
  'This review link is not valid. Please use the link in the most recent email we sent you, or ask the recruiter for a new one.';

/** Why a link no longer opens, in the words the 410 carries (the portal may word each state its own way). */
export const REVIEW_LINK_CLOSED: Record<Exclude<ClientReviewLinkState, ClientReviewLinkState.Open>, string> = {
  [ClientReviewLinkState.Used]: 'Your feedback through this link is already in. Thank you: the recruiter has it.',
  [ClientReviewLinkState.Expired]: 'This review link has expired. Please ask the recruiter for a new one.',
  [ClientReviewLinkState.Revoked]:
    'This review link was withdrawn by the agency. Please ask the recruiter if you still need one.',
  [ClientReviewLinkState.Replaced]: 'A newer link was sent to you for this review: please use the most recent email.',
  [ClientReviewLinkState.FeedbackRecorded]:
    'The agency has already recorded the feedback for this interview, so nothing more is needed from you. Thank you.',
};

/** "Jane Doe (client)": who gave the feedback, as the feedback record and the timeline show it. */
export function clientGivenBy(contactName: string): string {
  return `${contactName} (client)`;
}

// Internal timeline entries (never shown to the candidate).

export function reviewLinkSentText(contactName: string, stageName: string): string {
  return `Review link sent to ${contactName} (client) for ${stageName}.`;
}

export function reviewLinkRevokedText(actorName: string, contactName: string, resent: boolean): string {
  return resent
    ? `${actorName} revoked ${contactName}'s review link and sent a new one.`
    : `${actorName} revoked ${contactName}'s review link.`;
}

export function clientFeedbackReceivedText(
  contactName: string,
  draft: { decision: FeedbackDecision; rating: number; stageName: string },
  published: boolean,
): string {
  const what = `"${draft.decision}" with rating ${draft.rating}/${RATING_MAX} on ${draft.stageName}`;
  return published
    ? `${contactName} (client) sent ${what}; published at once (the client's auto-publish is on).`
    : `${contactName} (client) sent ${what}: a draft waiting for review before the candidate sees it.`;
}

export function clientFeedbackReceivedEmail(facts: {
  recipientName: string;
  contactName: string;
  candidateName: string;
  stageName: string;
  jobTitle: string;
  clientName: string;
  link: string;
}): Email {
  return {
    subject: `Client feedback to review: ${facts.candidateName} (${facts.stageName}, ${facts.jobTitle})`,
    body: `${greeting(facts.recipientName)}\n\n${facts.contactName} at ${facts.clientName} sent their feedback on ${facts.candidateName}'s ${facts.stageName} for ${facts.jobTitle}. The candidate sees nothing until you publish it: check the words meant for them, edit them if needed, and publish.\n\n${facts.link}\n\nHeardback`,
  };
}
