/**
 * The candidate's rights over their data (issue 10, item 6; ADR 0019): export, erasure and the
 * agency's retention period.
 */

/** The archive `GET /api/me/export` sends: this JSON file plus every document under `documents/`. */
export const EXPORT_ARCHIVE_NAME = 'heardback-export.zip';
export const EXPORT_JSON_NAME = 'heardback-export.json';
export const EXPORT_DOCUMENTS_FOLDER = 'documents/';

/** DELETE /api/me: the password, typed again, confirms that the owner is at the keyboard. */
export interface EraseAccountRequest {
  password: string;
}

/** GET and PUT /api/agency/data-retention (staff). */
export interface RetentionSettingsView {
  /** Closed applications are erased this many months after they closed. */
  retentionMonths: number;
  /** Days before erasure that the candidate is emailed a notice. */
  noticeDays: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface UpdateRetentionSettings {
  retentionMonths: number;
}

/** POST /api/agency/data-retention/sweep (staff): what one run of the retention sweep did. */
export interface RetentionSweepResult {
  noticesSent: number;
  applicationsErased: number;
  accountsErased: number;
}

/** The JSON file of the export: everything held about the candidate, in their own words and the agency's words to them. */
export interface DataExport {
  exportedAt: string;
  profile: {
    id: string;
    email: string;
    fullName: string;
    timeZone: string | null;
    createdAt: string;
    emailVerifiedAt: string | null;
    lastSignedInAt: string | null;
    phone: string | null;
    location: string | null;
    profileLink: string | null;
  };
  applications: ExportedApplication[];
  messagesSent: ExportedMessage[];
  sessions: { device: string; createdAt: string; lastUsedAt: string; expiresAt: string }[];
  /** Each consent given: to an application, or to be considered for other jobs (talent pool). */
  consents: {
    kind: string;
    noticeVersion: number;
    applicationId: string | null;
    givenAt: string;
    withdrawnAt: string | null;
  }[];
  /** The files under `documents/` in the archive. */
  documents: { path: string; name: string; contentType: string; uploadedAt: string; sizeBytes: number }[];
}

export interface ExportedApplication {
  id: string;
  job: { title: string; client: string; location: string };
  status: string;
  appliedAt: string;
  closedAt: string | null;
  withdrawalReason: string | null;
  closingMessage: string | null;
  yourDecisionDate: string | null;
  /** The screening questions as they were asked, and the answers given. */
  yourAnswers: { prompt: string; answer: string }[];
  /** The name of the CV sent with the application, when one was. */
  cv: string | null;
  /** The cover letter as typed, or the name of its file. */
  coverLetter: string | null;
  offers: {
    title: string;
    pay: { amount: number; currency: string | null; period: string | null } | null;
    startDate: string | null;
    message: string | null;
    madeAt: string;
    replyBy: string;
    answer: string | null;
    answeredAt: string | null;
    yourReason: string | null;
  }[];
  stages: { name: string; position: number; state: string; startsAt: string | null; endsAt: string | null }[];
  /** The words meant for the candidate, one per feedback version. */
  feedback: { stage: string; message: string; recordedAt: string }[];
  timeline: { at: string; type: string; text: string }[];
  /** What the candidate told the agency: other offers, availability, notes, requests for an update. */
  yourMessages: { at: string; kind: string; text: string; deadline: string | null }[];
  /** The candidate's answer to "how did we do" on the closed application, if they gave one. */
  yourSatisfactionAnswer: {
    recommendScore: number | null;
    keptInformed: boolean | null;
    words: string | null;
    answeredAt: string;
  } | null;
}

export interface ExportedMessage {
  sentAt: string | null;
  createdAt: string;
  to: string;
  subject: string;
  body: string;
  status: string;
}
