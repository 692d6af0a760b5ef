import { ApplicationStatus, JobStatus, StageState, UserRole, WaitingFor } from './enums';
import { JobSummary, Page } from './jobs';

/** An application as the agency sees it in lists (a per-job board, the "who is waiting" list). */
export interface AgencyApplicationSummary {
  id: string;
  version: number;
  status: ApplicationStatus;
  candidate: { id: string; fullName: string; email: string };
  job: { id: string; title: string; clientName: string };
  currentStage: { id: string; name: string; position: number; state: StageState; feedbackDueAt: string | null } | null;
  waitingFor: WaitingFor;
  appliedAt: string;
  /** When the candidate last heard from the agency (stored: `applications.last_heard_at`, ADR 0025). */
  lastHeardAt: string;
}

/** The agency's work lists (who is waiting, attention, a job's applications) come 50 a page unless asked. */
export const AGENCY_LIST_DEFAULT_LIMIT = 50;
export const AGENCY_LIST_MAX_LIMIT = 100;

/** `?cursor=` from the previous page and `?limit=` (1 to AGENCY_LIST_MAX_LIMIT) of a paged agency list. */
export interface AgencyListQuery {
  cursor?: string;
  limit?: number;
}

/** A page of a list, and how many the whole list holds (every page), counted, never capped. */
export interface CountedPage<T> extends Page<T> {
  total: number;
}

/**
 * Where an application stands on a job's board: `stage-N` for the pipeline's stage N (from 0),
 * then offers, then closed ones. The rule is `boardColumnOf` in libs/domain.
 */
export type BoardColumnKey = `stage-${number}` | 'offer' | 'closed';

/**
 * GET /api/jobs/:id/applications: a page of one job's applications, oldest first, for the
 * recruiter's board by stage, with how many each column holds in all.
 */
export interface JobApplicationsBoard extends CountedPage<AgencyApplicationSummary> {
  job: JobSummary & { pipeline: string[] };
  /** Every column's true count (every page); a column nobody is in is absent. */
  columnTotals: Partial<Record<BoardColumnKey, number>>;
}

/** GET /api/agency/waiting: a page of open applications, longest silence first. */
export type WaitingPage = CountedPage<WaitingApplication>;

/** One open application on the "who is waiting" list. */
export interface WaitingApplication extends AgencyApplicationSummary {
  /** Whole days since lastHeardAt. */
  daysSilent: number;
  /** Silent long enough to mark (the rule is `isLongSilence` in libs/domain): the portal shows it as sent. */
  longSilence: boolean;
}

/** One row of GET /api/agency/jobs (staff and recruiters), and GET /api/agency/jobs/:id. */
export interface AgencyJobSummary extends JobSummary {
  openApplications: number;
}

/**
 * GET /api/agency/jobs filters: newest job first, a page at a time. `status` is one or more
 * statuses (in the query string: `status=open,draft`); left out, the jobs people work on
 * (AGENCY_JOBS_DEFAULT_STATUSES).
 */
export interface AgencyJobQuery {
  status?: JobStatus[];
  cursor?: string;
  limit?: number;
}

/** What the job lists show unless asked otherwise: the jobs still being worked on. */
export const AGENCY_JOBS_DEFAULT_STATUSES: readonly JobStatus[] = [JobStatus.Open, JobStatus.Draft];
export const AGENCY_JOBS_DEFAULT_LIMIT = 50;
export const AGENCY_JOBS_MAX_LIMIT = 100;

/** A page of the agency's jobs, with how many match the filters in all. */
export interface AgencyJobPage extends Page<AgencyJobSummary> {
  total: number;
}

/**
 * GET /api/users (staff): the agency's own accounts (recruiters and staff, never candidates), by
 * name in any case, then id, a page at a time. `q` keeps those whose name or email contains it (any
 * case); `role` one role; `active=true` only accounts that can sign in (whom work can be given to);
 * `ids` (comma-separated, at most AGENCY_LIST_MAX_LIMIT) only those, to name people known by id;
 * `except` leaves one account out (who has the work now, when choosing whom to give it to). A page is AGENCY_LIST_DEFAULT_LIMIT unless asked, at most AGENCY_LIST_MAX_LIMIT.
 */
export interface AgencyUserListQuery {
  q?: string;
  role?: UserRole.Recruiter | UserRole.Staff;
  active?: boolean;
  ids?: string[];
  except?: string;
  cursor?: string;
  limit?: number;
}

/** A page of agency accounts, with how many match in all. */
export interface AgencyUserPage extends Page<AgencyUserView> {
  total: number;
}

/** One agency account, as staff see it in the list of accounts and in every people picker. */
export interface AgencyUserView {
  id: string;
  email: string;
  fullName: string;
  role: UserRole;
  createdAt: string;
  /** Set when staff disabled the account: it cannot sign in and has no sessions. */
  disabledAt: string | null;
  /** Staff only: told when an escalation is itself left (the ladder's second level). */
  isAgencyLead: boolean;
  /**
   * When their invitation was last sent, while they have not yet accepted it (chosen a password): until then
   * they cannot sign in, and staff may send it again. Null once accepted, and for accounts made before invitations.
   */
  invitationSentAt: string | null;
}

/** PUT /api/users/:id/agency-lead (staff): make a staff member an agency lead, or not. */
export interface SetAgencyLeadRequest {
  isAgencyLead: boolean;
}

/** One stage (on an application the agency works on) given to someone else. */
export interface ReassignStageRequest {
  scope: 'stage';
  applicationId: string;
  stageId: string;
  /** The application version the caller last saw; a stale one is refused with STALE_VERSION. */
  version: number;
  toUserId: string;
}

/** An application, and every stage of it not given to someone else, to another recruiter. */
export interface ReassignApplicationRequest {
  scope: 'application';
  applicationId: string;
  version: number;
  toUserId: string;
}

/** All of one person's open work: every open application they own and every open stage given to them. */
export interface ReassignRecruiterRequest {
  scope: 'recruiter';
  fromUserId: string;
  toUserId: string;
}

/** POST /api/agency/reassignments (staff): one step, one transaction. */
export type ReassignmentRequest = ReassignStageRequest | ReassignApplicationRequest | ReassignRecruiterRequest;
export type ReassignmentScope = ReassignmentRequest['scope'];

/** One application whose work moved, with the stages now the new owner's. */
export interface ReassignedWork {
  applicationId: string;
  /** The application's new version: every reassignment is a change to it. */
  applicationVersion: number;
  candidateName: string;
  jobTitle: string;
  /** The stages that moved (for an application: its open stages not given to someone else). */
  stages: { id: string; name: string; feedbackDueAt: string | null }[];
}

export interface ReassignmentResult {
  to: { id: string; fullName: string };
  work: ReassignedWork[];
}

/** Work a disabled user still owns, to hand to someone else. */
export interface OpenWorkItem {
  kind: 'job' | 'application';
  id: string;
  /** The job's title, or "candidate name – job title". */
  label: string;
  /** The job the item belongs to (the item itself for a job). */
  jobId: string;
  status: string;
}

/** POST /api/users/:id/disable and /enable, GET /api/users/:id/open-work */
export interface UserAccessResult {
  user: AgencyUserView;
  openWork: OpenWorkItem[];
}

/** PATCH /api/me/profile */
export interface UpdateProfileRequest {
  fullName: string;
  /** An IANA zone such as "Europe/London"; null forgets it (times then follow the browser, or the agency in emails). */
  timeZone?: string | null;
  /**
   * Candidates' contact details; each left out: unchanged; null or empty: removed. The phone is
   * international (+ and the country code; spaces and dashes are fine), the link an https URL.
   */
  phone?: string | null;
  location?: string | null;
  profileLink?: string | null;
}
