import { FeedbackDecision } from './enums';

/**
 * The client in the loop (issue 13): the people at a client, the review link each client
 * interviewer is emailed when an interview ends, and the draft feedback they send through it.
 */

/** A person at a client: interviewers are picked from them. */
export interface ClientContactView {
  id: string;
  clientId: string;
  fullName: string;
  email: string;
  role: string;
  /** Set once the contact has left the client: kept for the history, no longer offered. */
  archivedAt: string | null;
}

export interface ClientContactRequest {
  fullName: string;
  email: string;
  role?: string;
}

/** Change a live contact: only the fields sent. */
export type UpdateClientContactRequest = Partial<ClientContactRequest>;

/** A client with what staff set for its part in the loop. */
export interface ClientDetailView {
  id: string;
  name: string;
  /**
   * The agency person the client's escalations end with; null: the agency leads. `active` is false
   * once their account is disabled: the agency leads are told instead until staff choose someone else.
   */
  accountOwner: { id: string; fullName: string; active: boolean } | null;
  /** When true, a client interviewer's feedback reaches the candidate without a recruiter's review. */
  autoPublishClientFeedback: boolean;
  /**
   * Live contacts first (all of them, at most CLIENT_CONTACTS_MAX), then the most recently archived
   * (at most CLIENT_ARCHIVED_CONTACTS_SHOWN); each group by name.
   */
  contacts: ClientContactView[];
  /** Every archived contact, including those not in `contacts`. */
  archivedContactsTotal: number;
}

export interface UpdateClientSettingsRequest {
  accountOwnerId?: string | null;
  autoPublishClientFeedback?: boolean;
}

/** What a client interviewer sees behind their link, and nothing more. */
export interface ClientReviewPageView {
  interviewerName: string;
  candidateName: string;
  jobTitle: string;
  clientName: string;
  stageName: string;
  interview: { startsAt: string; endsAt: string } | null;
  /** The candidate's CV for this application, fetched with the same token; null when none was sent. */
  cv: { fileName: string; sizeBytes: number } | null;
  /** When the candidate was promised an answer. */
  feedbackDueAt: string | null;
  expiresAt: string;
}

/** Why a link no longer opens the form; each has its own plain sentence in the portal. */
export enum ClientReviewLinkState {
  Open = 'open',
  Used = 'used',
  Expired = 'expired',
  Revoked = 'revoked',
  /** A reminder carried a newer link. */
  Replaced = 'replaced',
  /** The stage's feedback was recorded by the agency meanwhile. */
  FeedbackRecorded = 'feedback_recorded',
}

export interface ClientFeedbackRequest {
  decision: FeedbackDecision;
  rating: number;
  /** What the candidate should hear, in the interviewer's words (the recruiter may edit before publishing). */
  candidateMessage: string;
  /** For the agency only. */
  internalNotes?: string;
  /** Required for `hold`: when the candidate hears again (RFC 3339). */
  holdUntil?: string;
}

/** A client interviewer's draft as the agency sees it on the application. */
export interface ClientFeedbackDraftView {
  id: string;
  stageId: string;
  stageName: string;
  contact: { id: string; fullName: string; role: string };
  decision: FeedbackDecision;
  rating: number;
  candidateMessage: string;
  internalNotes: string | null;
  holdUntil: string | null;
  submittedAt: string;
  publishedAt: string | null;
  /** Null when published automatically (the client's auto-publish setting). */
  publishedBy: { id: string; fullName: string } | null;
}

/** Publish a draft as the stage's feedback, with the candidate-facing words as the recruiter leaves them. */
export interface PublishClientFeedbackRequest {
  /** The application version the recruiter last saw. */
  version: number;
  candidateMessage: string;
  /**
   * For a `hold` only: a new date by which the candidate hears again (RFC 3339), when the client's
   * has passed or the recruiter moves it; by default the client's.
   */
  holdUntil?: string;
}

/** A review link as staff see it (never its token). */
export interface ClientReviewLinkView {
  id: string;
  stageId: string;
  stageName: string;
  contact: { id: string; fullName: string; email: string };
  state: ClientReviewLinkState;
  createdAt: string;
  expiresAt: string;
  submittedAt: string | null;
  revokedAt: string | null;
  /** When the interviewer left the client (their contact was archived): the link no longer opens, and none is sent again. */
  contactLeftAt: string | null;
}

/** The portal page a review link opens; the token follows in the URL fragment (`#token`), never sent to a server. */
export const CLIENT_REVIEW_PAGE_PATH = '/client-review';

/** The link's public endpoints: each takes `{ token }` (and the feedback) in a POST body. */
export const CLIENT_REVIEW_ROUTES = {
  /** → ClientReviewPageView, or 410 `{ code: 'REVIEW_LINK_CLOSED', state }`, or 404 for an unknown link. */
  open: '/api/client-review/open',
  /** → the candidate's CV as an attachment, while the link is open. */
  cv: '/api/client-review/cv',
  /** `{ token, ...ClientFeedbackRequest }` → 201 ClientFeedbackReceipt. */
  feedback: '/api/client-review/feedback',
} as const;

/** What the client is told after sending: whether the candidate already has the words. */
export interface ClientFeedbackReceipt {
  /** True when the client's auto-publish setting published it at once; false: the recruiter reviews it first. */
  published: boolean;
}
