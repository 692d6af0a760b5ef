import { CountedPage } from './agency';
import { VersionedRequest } from './applications';
import { CandidateUpdateKind, JobStatus } from './enums';

/** POST /api/applications/:id/updates (candidate). */
export interface CandidateUpdateRequest extends VersionedRequest {
  kind: CandidateUpdateKind;
  text: string;
  /** For another offer: when the candidate must answer it. */
  deadline?: string;
}

/** PUT /api/applications/:id/decision-date (candidate): "I will move on after …"; null clears it. */
export interface DecisionDateRequest extends VersionedRequest {
  decisionDate: string | null;
}

/** POST /api/applications/:id/messages (agency): a message to the candidate, answering any request for an update. */
export interface RecruiterMessageRequest extends VersionedRequest {
  text: string;
}

export type AttentionReason = 'update_requested' | 'other_offer' | 'decision_date' | 'silent';

/**
 * One card of GET /api/agency/attention: an application that needs a word to the candidate,
 * placed by its most urgent reason (overdue first, then another offer, a decision date, a request
 * for an update, a long silence), its other reasons added to `detail`.
 */
export interface AttentionItem {
  applicationId: string;
  applicationVersion: number;
  candidateName: string;
  jobTitle: string;
  clientName: string;
  reason: AttentionReason;
  /** In words, for the recruiter: what the candidate said or how long they have waited. */
  detail: string;
  dueAt: string | null;
  overdue: boolean;
}

/** GET /api/agency/attention: a page of the cards, most urgent first, and how many need words in all. */
export type AttentionPage = CountedPage<AttentionItem>;

/** POST /api/jobs/:id/close (staff). */
export interface CloseJobRequest {
  outcome: JobStatus.Closed | JobStatus.Filled;
  candidateMessage: string;
}

/** The progress of closing a job and every open application on it. */
export interface JobClosureView {
  id: string;
  jobId: string;
  outcome: JobStatus.Closed | JobStatus.Filled;
  status: 'queued' | 'running' | 'done';
  total: number;
  done: number;
  createdAt: string;
  finishedAt: string | null;
}

export const UPDATE_REQUEST_INTERVAL_DAYS = 3;
