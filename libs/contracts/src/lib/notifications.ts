/**
 * `email_verification` is the only kind sent to an unverified address; `account_security`
 * (password reset, password changed, someone registering with a taken address) goes to verified owners.
 * `agency_digest` gathers the reminders an agency person chose to get hourly or daily.
 */
export type NotificationKind =
  | 'candidate_update'
  | 'feedback_reminder'
  | 'escalation'
  | 'email_verification'
  | 'account_security'
  | 'agency_digest'
  /** Work given to an agency person by a reassignment. */
  | 'work_assigned'
  /** To the recruiter: a candidate ended their open application by erasing their account. */
  | 'candidate_left'
  /** To the candidate: their data is erased in 30 days under the agency's retention period. */
  | 'retention_notice'
  /** A new application on a job whose work is the recipient's (issue 10, item 4). */
  | 'application_arrived'
  /** The candidate answered an offer: their recruiter is told at once (never held for a digest). */
  | 'offer_answered'
  /** To a client interviewer when their interview ends: their review link (issue 13). */
  | 'client_review_request'
  /** To a client interviewer whose feedback is not in yet: a fresh review link. */
  | 'client_review_reminder'
  /** To the stage's owner: a client interviewer's feedback arrived for review. */
  | 'client_feedback_received';
/**
 * `held`: waiting for its recipient's digest; `digested`: carried by a digest (whose own row says
 * whether it was sent).
 */
export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'held' | 'digested';

// Records, so the compiler refuses a kind or status added to the type but not to the filters.
const KIND_SET: Record<NotificationKind, true> = {
  candidate_update: true,
  feedback_reminder: true,
  escalation: true,
  email_verification: true,
  account_security: true,
  agency_digest: true,
  work_assigned: true,
  candidate_left: true,
  retention_notice: true,
  application_arrived: true,
  offer_answered: true,
  client_review_request: true,
  client_review_reminder: true,
  client_feedback_received: true,
};
const STATUS_SET: Record<NotificationStatus, true> = {
  pending: true,
  sending: true,
  sent: true,
  failed: true,
  held: true,
  digested: true,
};
/** Every kind and status, for the outgoing-mail filters and their validation. */
export const NOTIFICATION_KINDS = Object.keys(KIND_SET) as NotificationKind[];
export const NOTIFICATION_STATUSES = Object.keys(STATUS_SET) as NotificationStatus[];

/** GET /api/agency/notifications filters: each optional, all of those given must match. */
export interface NotificationQuery {
  /** A fragment of the recipient's email address or name, matched anywhere, any case. */
  recipient?: string;
  applicationId?: string;
  status?: NotificationStatus;
  kind?: NotificationKind;
  cursor?: string;
  limit?: number;
}

export const NOTIFICATIONS_DEFAULT_LIMIT = 50;
export const NOTIFICATIONS_MAX_LIMIT = 100;
/** Long enough for any email address; a fragment longer than this cannot be a search. */
export const NOTIFICATION_RECIPIENT_FILTER_MAX_LENGTH = 200;

/** GET /api/agency/notifications (staff): the outbox, newest first, so staff see exactly what was sent. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  recipientEmail: string;
  /** The recipient's name when they have an account; null for an address without one. */
  recipientName: string | null;
  /** The application the email is about, if any: the filter that shows all its mail. */
  applicationId: string | null;
  subject: string;
  body: string;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  givenUpReason: string | null;
  /** Waiting because its recipient has not confirmed their address: it goes once they do. */
  heldUntilVerified: boolean;
  createdAt: string;
  sentAt: string | null;
}

/** A page of outgoing mail, newest first; nextCursor fetches the next (older) page. */
export interface NotificationPage {
  items: NotificationView[];
  nextCursor: string | null;
}

/** GET /api/agency/escalations (staff): overdue feedback escalated to staff and still missing. */
export interface EscalationView {
  applicationId: string;
  stageId: string;
  stageName: string;
  candidateName: string;
  jobTitle: string;
  clientName: string;
  /** The application's version, which a reassignment from this row must carry. */
  applicationVersion: number;
  /** Whom to chase: the stage's owner now (SQL `stage_owner`), or null when nobody owns it (every recruiter was reminded). */
  ownerId: string | null;
  ownerName: string | null;
  feedbackDueAt: string;
  escalatedAt: string;
  /** When the escalation, left, went up to the agency leads; null until then. */
  secondEscalatedAt: string | null;
}

/** GET /api/agency/escalations?cursor=&limit= */
export interface EscalationQuery {
  cursor?: string;
  limit?: number;
}

/** A page of escalations, longest overdue first, with how many are open in all. */
export interface EscalationPage {
  items: EscalationView[];
  nextCursor: string | null;
  total: number;
}

/** POST /api/agency/deadlines/sweep (staff): what one pass of the deadline sweep did. */
export interface DeadlineSweepResult {
  interviewsEnded: number;
  remindersSent: number;
  escalations: number;
}
