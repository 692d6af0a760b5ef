import { ApplicationStatus, JobStatus, StageState, UserRole, WaitingFor } from './enums';
import { JobSummary } from './jobs';

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
  /** When the candidate last heard from the agency (SQL: `application_last_heard`). */
  lastHeardAt: string;
}

/** GET /api/jobs/:id/applications: every application on one job, for the recruiter's board by stage. */
export interface JobApplicationsBoard {
  job: JobSummary & { pipeline: string[] };
  applications: AgencyApplicationSummary[];
}

/** GET /api/agency/waiting: open applications, longest silence first. */
export interface WaitingApplication extends AgencyApplicationSummary {
  /** Whole days since lastHeardAt. */
  daysSilent: number;
  /** Silent long enough to mark (the rule is `isLongSilence` in libs/domain): the portal shows it as sent. */
  longSilence: boolean;
}

/** GET /api/agency/jobs: every job in any status, for staff and recruiters. */
export interface AgencyJobSummary extends JobSummary {
  openApplications: number;
}

export interface AgencyJobQuery {
  status?: JobStatus;
}

/** GET /api/users (staff): agency accounts. */
export interface AgencyUserView {
  id: string;
  email: string;
  fullName: string;
  role: UserRole;
  createdAt: string;
  /** Set when staff disabled the account: it cannot sign in and has no sessions. */
  disabledAt: string | null;
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
}
