import { UserRole } from './enums';
import { Page } from './jobs';

/** The kinds of record the audit trail names. An action's code starts with its record's kind. */
export enum AuditEntityType {
  Client = 'client',
  Job = 'job',
  User = 'user',
  Application = 'application',
}

/** Every change an agency person can make, as recorded in the audit trail. */
export enum AuditAction {
  ClientCreated = 'client.created',
  ClientContactAdded = 'client.contact_added',
  ClientContactUpdated = 'client.contact_updated',
  /** The contact left the client: kept for the history, no longer offered as an interviewer. */
  ClientContactArchived = 'client.contact_archived',
  /** Its account owner or its auto-publish setting. */
  ClientSettingsChanged = 'client.settings_changed',
  JobCreated = 'job.created',
  JobUpdated = 'job.updated',
  /** Closed or filled: the job's new status says which. */
  JobClosed = 'job.closed',
  /** Invited by staff (ADR 0082): the person chooses their own password from the emailed link. */
  UserCreated = 'user.created',
  /** Staff sent a pending invitation again (a new link; the earlier ones stop working). */
  UserInvitationResent = 'user.invitation_resent',
  /** The invited person chose their password from the link: the account is in use from then on. */
  UserInvitationAccepted = 'user.invitation_accepted',
  UserRenamed = 'user.renamed',
  UserDisabled = 'user.disabled',
  UserEnabled = 'user.enabled',
  /** How they are emailed about their work: immediate, hourly or daily digest. */
  UserAgencyMailChanged = 'user.agency_mail_changed',
  /** Made an agency lead, or no longer one. */
  UserAgencyLeadChanged = 'user.agency_lead_changed',
  /** Opened a candidate's CV or cover letter: the record is the candidate; never the file's name or words. */
  UserDocumentDownloaded = 'user.document_downloaded',
  StageScheduled = 'application.stage_scheduled',
  FeedbackRecorded = 'application.feedback_recorded',
  FeedbackCorrected = 'application.feedback_corrected',
  MessageSent = 'application.message_sent',
  Rejected = 'application.rejected',
  Offered = 'application.offered',
  Hired = 'application.hired',
  /** A person moved the agency's promised date, with a sentence for the candidate. */
  PromiseRedated = 'application.promise_redated',
  /** The application's or a stage's work given to someone else. */
  Reassigned = 'application.reassigned',
  /** A client interviewer's review link revoked, or revoked and sent again (`resent`). */
  ClientReviewLinkRevoked = 'application.client_review_link_revoked',
}

/** A recorded value: what JSON can hold. Times are ISO 8601 strings. */
export type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };

/**
 * One field of a change. A creation has `after` only. When `before` and `after` are equal the
 * field did not change: it says which part of the record the change concerns (e.g. the stage).
 */
export interface AuditFieldChange {
  before?: AuditValue;
  after?: AuditValue;
}

/** Changed fields by name. Words written to or about a candidate are replaced by this marker. */
export type AuditChanges = Record<string, AuditFieldChange>;

/** Stands in for the words of a message or note: the trail says they changed, never what they say. */
export const AUDIT_TEXT_CHANGED = '(text changed)';

export interface AuditEventView {
  id: string;
  occurredAt: string;
  /** Who made the change, with the role they had then; their name as it is now. */
  actor: { id: string; fullName: string; role: UserRole };
  action: AuditAction;
  /** The record changed, and its name as it is now (null once it no longer exists). */
  entity: { type: AuditEntityType; id: string; label: string | null };
  changes: AuditChanges;
  /** The request that made the change, as in the API's logs. */
  requestId: string | null;
}

/** GET /api/audit-events: every filter optional; `from` and `to` are days in the agency's time zone. */
export interface AuditEventQuery {
  actorId?: string;
  entityType?: AuditEntityType;
  entityId?: string;
  action?: AuditAction;
  /** First day included, yyyy-mm-dd. */
  from?: string;
  /** Last day included, yyyy-mm-dd. */
  to?: string;
  cursor?: string;
  limit?: number;
}

/** Newest first, with the agency's time zone: the one `from` and `to` are read in, and times are shown in. */
export interface AuditEventPage extends Page<AuditEventView> {
  timeZone: string;
}

export const AUDIT_EVENTS_DEFAULT_LIMIT = 50;
export const AUDIT_EVENTS_MAX_LIMIT = 100;
