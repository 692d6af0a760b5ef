import {
  AUDIT_TEXT_CHANGED,
  AuditAction,
  AuditEntityType,
  AuditEventView,
  AuditFieldChange,
  AuditValue,
  RATING_MAX,
  SalaryRangeRequest,
} from '@heardback/contracts';
import { EMPLOYMENT_TYPE_LABELS, WORK_MODE_LABELS, workingDaysText } from '../display-labels';
import {
  APPLICATION_STATUS_LABELS,
  DECISION_LABELS,
  PROMISE_KIND_LABELS,
  JOB_STATUS_LABELS,
  RATING_LABELS,
  ROLE_LABELS,
  STAGE_STATE_LABELS,
} from '../core/agency-labels';
import { DOCUMENT_KIND_LABELS } from '../core/document-words';
import { formatDateTime } from '../core/date-time';
import { formatSalary } from '../jobs/salary';

/** The words of the audit trail page: what each change was, its fields and their values. */

/** "Sam Staff edited a job": each action, after the name of the person who took it. */
export const AUDIT_ACTION_PHRASES: Record<AuditAction, string> = {
  [AuditAction.ClientCreated]: 'added a client',
  [AuditAction.ClientContactAdded]: 'added a client contact',
  [AuditAction.ClientContactUpdated]: 'edited a client contact',
  [AuditAction.ClientContactArchived]: 'archived a client contact',
  [AuditAction.ClientSettingsChanged]: "changed a client's settings",
  [AuditAction.JobCreated]: 'created a job',
  [AuditAction.JobUpdated]: 'edited a job',
  [AuditAction.JobClosed]: 'closed a job',
  [AuditAction.UserCreated]: 'invited someone to an account',
  [AuditAction.UserInvitationResent]: 'sent an invitation again',
  [AuditAction.UserInvitationAccepted]: 'accepted their invitation and chose a password',
  [AuditAction.UserRenamed]: 'changed their name',
  [AuditAction.UserAgencyMailChanged]: 'changed how they are emailed about their work',
  [AuditAction.UserDisabled]: 'disabled an account',
  [AuditAction.UserEnabled]: 'enabled an account again',
  [AuditAction.UserAgencyLeadChanged]: 'changed who is an agency lead',
  [AuditAction.UserDocumentDownloaded]: "downloaded a candidate's document",
  [AuditAction.StageScheduled]: 'scheduled an interview',
  [AuditAction.FeedbackRecorded]: 'recorded feedback',
  [AuditAction.FeedbackCorrected]: 'corrected feedback',
  [AuditAction.MessageSent]: 'wrote to a candidate',
  [AuditAction.Rejected]: 'rejected an application',
  [AuditAction.Offered]: 'made an offer',
  [AuditAction.Hired]: 'marked a candidate hired',
  [AuditAction.PromiseRedated]: 'moved the date promised to a candidate',
  [AuditAction.Reassigned]: 'reassigned work',
  [AuditAction.ClientReviewLinkRevoked]: 'revoked a client’s review link',
};

export const AUDIT_ENTITY_LABELS: Record<AuditEntityType, string> = {
  [AuditEntityType.Client]: 'Client',
  [AuditEntityType.Job]: 'Job',
  [AuditEntityType.User]: 'Account',
  [AuditEntityType.Application]: 'Application',
};

/** The filter's choices: "Edited a job", … in the order of the API's list. */
export const AUDIT_ACTION_OPTIONS = (Object.keys(AUDIT_ACTION_PHRASES) as AuditAction[]).map((value) => ({
  value,
  label: AUDIT_ACTION_PHRASES[value].charAt(0).toUpperCase() + AUDIT_ACTION_PHRASES[value].slice(1),
}));

export const AUDIT_ENTITY_OPTIONS = (Object.keys(AUDIT_ENTITY_LABELS) as AuditEntityType[]).map((value) => ({
  value,
  label: AUDIT_ENTITY_LABELS[value],
}));

/** Field names in words, in the order a change is read: what it is, then the outcome. */
const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  title: 'Title',
  clientId: 'Client',
  description: 'Description',
  location: 'Location',
  workMode: 'Work mode',
  employmentType: 'Employment type',
  salary: 'Salary',
  ownerId: 'Owner',
  recruiterId: 'Recruiter',
  isAgencyLead: 'Agency lead',
  pipeline: 'Interview stages',
  screeningWithinWorkingDays: 'Tell applicants whether they move forward within',
  answerWithinWorkingDays: 'Answer candidates within',
  /** Changes recorded before jobs promised answers in working days (ADR 0012). */
  feedbackDeadlineHours: 'Feedback due within',
  contact: 'Contact',
  email: 'Email',
  fullName: 'Name',
  role: 'Role',
  contactRole: 'Role at the client',
  archivedAt: 'Archived',
  accountOwnerId: 'Account owner',
  autoPublishClientFeedback: 'Client feedback published without review',
  disabledAt: 'Disabled since',
  agencyMail: 'Emails about their work',
  stage: 'Stage',
  startsAt: 'Starts',
  endsAt: 'Ends',
  interviewers: 'Interviewers',
  clientInterviewers: 'Client interviewers',
  decision: 'Decision',
  rating: 'Rating',
  givenBy: 'Given by',
  candidateMessage: 'Message to the candidate',
  internalNotes: 'Internal notes',
  rejectionMessage: 'Message to the candidate',
  message: 'Message to the candidate',
  skippedStages: 'Stages skipped',
  state: 'Stage state',
  feedbackDueAt: 'Feedback due',
  promise: 'Promise',
  dueAt: 'Promised by',
  holdUntil: 'Candidate hears again by',
  replyBy: 'Reply to the offer by',
  currentStage: 'Current stage',
  status: 'Status',
  openApplications: 'Open applications to close',
  documentId: 'Document',
  kind: 'Kind of document',
};

/** A field's name in words; an unknown one is spelled out from its code ("someField" → "Some field"). */
export function fieldLabel(field: string): string {
  const spelled = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return FIELD_LABELS[field] ?? spelled.charAt(0).toUpperCase() + spelled.slice(1);
}

/** What the page knows beyond the event: names for the ids it records, and the zone to show times in. */
export interface AuditContext {
  userNames: ReadonlyMap<string, string>;
  clientNames: ReadonlyMap<string, string>;
  timeZone: string;
}

/** Longer values (a job's description) are shown behind a disclosure. */
export const LONG_VALUE_LENGTH = 160;

export interface ShownChange {
  label: string;
  /**
   * `changed`: before → after; `set`: a value where there was none recorded (a creation);
   * `context`: unchanged, says what the change concerns; `text`: words not copied to the trail.
   */
  kind: 'changed' | 'set' | 'context' | 'text';
  before: string;
  after: string;
  long: boolean;
}

/** Fields in reading order: the order of the labels above, then any others. */
const FIELD_ORDER = Object.keys(FIELD_LABELS);
const readingOrder = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);

/**
 * The event's fields in words: first what the change concerns, then the fields in reading order
 * (the database keeps them in an order of its own).
 */
export function shownChanges(event: AuditEventView, context: AuditContext): ShownChange[] {
  const fields = Object.entries(event.changes).sort(
    ([a, first], [b, second]) =>
      Number(changeKind(second) === 'context') - Number(changeKind(first) === 'context') ||
      readingOrder(a) - readingOrder(b),
  );
  return fields.map(([field, change]) => {
    const words = (value: AuditValue | undefined) => valueText(event.entity.type, field, value ?? null, context);
    const kind = changeKind(change);
    const before = kind === 'changed' ? words(change.before) : '';
    const after = kind === 'text' ? textChangeWords(change) : words(change.after);
    return {
      label: fieldLabel(field),
      kind,
      before,
      after,
      long: Math.max(before.length, after.length) > LONG_VALUE_LENGTH,
    };
  });
}

function changeKind(change: AuditFieldChange): ShownChange['kind'] {
  if (change.before === AUDIT_TEXT_CHANGED || change.after === AUDIT_TEXT_CHANGED) return 'text';
  if (!('before' in change)) return 'set';
  return JSON.stringify(change.before) === JSON.stringify(change.after) ? 'context' : 'changed';
}

function textChangeWords(change: AuditFieldChange): string {
  return change.after === null
    ? 'Removed (the words are not copied to the audit trail)'
    : 'Written or changed (the words are not copied to the audit trail)';
}

const ENUM_LABELS: Record<string, Record<string, string>> = {
  workMode: WORK_MODE_LABELS,
  employmentType: EMPLOYMENT_TYPE_LABELS,
  role: ROLE_LABELS,
  state: STAGE_STATE_LABELS,
  decision: DECISION_LABELS,
  promise: PROMISE_KIND_LABELS,
  kind: DOCUMENT_KIND_LABELS,
};

const STATUS_LABELS: Partial<Record<AuditEntityType, Record<string, string>>> = {
  [AuditEntityType.Job]: JOB_STATUS_LABELS,
  [AuditEntityType.Application]: APPLICATION_STATUS_LABELS,
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** One recorded value in words: labels for codes, names for ids, times in the agency's zone. */
export function valueText(
  entityType: AuditEntityType,
  field: string,
  value: AuditValue,
  context: AuditContext,
): string {
  if (value === null || (Array.isArray(value) && value.length === 0)) return 'none';
  if (field === 'status' && typeof value === 'string') return STATUS_LABELS[entityType]?.[value] ?? value;
  if (typeof value === 'string' && ENUM_LABELS[field]?.[value]) return ENUM_LABELS[field][value];
  if ((field === 'ownerId' || field === 'recruiterId' || field === 'accountOwnerId') && typeof value === 'string')
    return context.userNames.get(value) ?? `an account (${value})`;
  if (field === 'clientId' && typeof value === 'string') return context.clientNames.get(value) ?? `a client (${value})`;
  if (field === 'rating' && typeof value === 'number')
    return `${value} of ${RATING_MAX} (${RATING_LABELS[value] ?? ''})`;
  if ((field === 'answerWithinWorkingDays' || field === 'screeningWithinWorkingDays') && typeof value === 'number')
    return workingDaysText(value);
  if (field === 'feedbackDeadlineHours' && typeof value === 'number') return `${value} working hours`;
  if (field === 'salary' && typeof value === 'object' && !Array.isArray(value)) {
    return formatSalary(value as unknown as SalaryRangeRequest);
  }
  if (typeof value === 'string' && ISO_INSTANT.test(value))
    return formatDateTime(value, { timeZone: context.timeZone });
  if (Array.isArray(value)) return value.map((item) => valueText(entityType, field, item, context)).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, nested]) => `${fieldLabel(key)}: ${valueText(entityType, key, nested, context)}`)
      .join(', ');
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** Where the record has a page an agency person can open; null where it has none. */
export function recordLink(entity: AuditEventView['entity']): string[] | null {
  switch (entity.type) {
    case AuditEntityType.Job:
      return ['/recruiter/jobs', entity.id];
    case AuditEntityType.Application:
      return ['/recruiter/applications', entity.id];
    case AuditEntityType.Client:
      return ['/staff/clients', entity.id];
    default:
      return null;
  }
}
