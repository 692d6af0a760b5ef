import { ApplicationStatus } from './enums';
import { ScreeningAnswerInput } from './screening';

/** GET /api/privacy-notice (public): the notice in force, which every application is consented under. */
export interface PrivacyNoticeView {
  version: number;
  text: string;
  publishedAt: string;
}

/** POST /api/privacy-notices (staff): a new version that supersedes the current one; versions are never edited. */
export interface PublishPrivacyNoticeRequest {
  text: string;
  /** The version the author was looking at: refused with PRIVACY_NOTICE_CHANGED if another was published since. */
  basedOnVersion: number;
}

/** POST /api/jobs/:id/applications: what the candidate sends, after reviewing it. */
export interface ApplyRequest {
  /** The notice version the candidate read and consented under; it must be the current one. */
  privacyNoticeVersion: number;
  /** Answers to the job's screening questions (see `ScreeningQuestion`). */
  answers: ScreeningAnswerInput[];
  /** "Consider me for other jobs": gives the separate talent-pool consent, under the same notice. */
  talentPool?: boolean;
  /** The CV that goes with this application: one of the candidate's own (`GET /api/me/documents`). */
  cvDocumentId?: string | null;
  /** A cover letter uploaded as a file, or … */
  coverLetterDocumentId?: string | null;
  /** … typed in (not both). */
  coverLetterText?: string | null;
}

/** POST /api/me/consents/talent-pool: the notice version the candidate read. */
export interface GiveTalentPoolConsentRequest {
  privacyNoticeVersion: number;
}

/** A consent the candidate gave: under which notice version, and when. */
export interface ConsentRecord {
  noticeVersion: number;
  givenAt: string;
}

/** GET /api/me/consents: the candidate's standing consents. */
export interface ConsentsView {
  /** The optional consent to be considered for other jobs; null when not given or withdrawn. */
  talentPool: ConsentRecord | null;
  /** How many applications the candidate's application consent still covers (open ones). */
  openApplications: number;
}

/**
 * On `JobDetail` for a signed-in candidate: their latest application to this job, so the page says
 * "You applied on …" (open) or "You withdrew on … You can apply again." (withdrawn) instead of "Apply".
 */
export interface MyApplicationOnJob {
  id: string;
  appliedAt: string;
  status: ApplicationStatus;
  /** When the candidate withdrew it; null unless `status` is withdrawn. */
  withdrawnAt: string | null;
}
