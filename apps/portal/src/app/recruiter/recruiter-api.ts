import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_PREFIX,
  AgencyJobQuery,
  AgencyJobSummary,
  ApplicationView,
  AttentionPage,
  FeedbackQueueItem,
  JobApplicationsBoard,
  OfferRequest,
  RecordFeedbackRequest,
  RedatePromiseRequest,
  RecruiterMessageRequest,
  RejectApplicationRequest,
  ScheduleStageRequest,
} from '@heardback/contracts';
import { Observable } from 'rxjs';
import { idempotent } from '../core/idempotency-key';

const API = `/${API_PREFIX}`;

/** The recruiter's work: the feedback queue, one application at a time, and the jobs' boards. */
@Injectable({ providedIn: 'root' })
export class RecruiterApi {
  private readonly http = inject(HttpClient);

  /** Every stage waiting for feedback, each marked `assignedToYou`; with `mine`, only the caller's own. */
  feedbackQueue(mine = false): Observable<FeedbackQueueItem[]> {
    const params = mine ? new HttpParams().set('mine', 'true') : undefined;
    return this.http.get<FeedbackQueueItem[]>(`${API}/feedback/queue`, { params });
  }

  application(id: string): Observable<ApplicationView> {
    return this.http.get<ApplicationView>(`${API}/applications/${encodeURIComponent(id)}`);
  }

  scheduleStage(applicationId: string, stageId: string, request: ScheduleStageRequest): Observable<ApplicationView> {
    return this.http.post<ApplicationView>(`${stageUrl(applicationId, stageId)}/schedule`, request);
  }

  recordFeedback(applicationId: string, stageId: string, request: RecordFeedbackRequest): Observable<ApplicationView> {
    return this.http.post<ApplicationView>(`${stageUrl(applicationId, stageId)}/feedback`, request);
  }

  reject(applicationId: string, request: RejectApplicationRequest): Observable<ApplicationView> {
    return this.http.post<ApplicationView>(`${applicationUrl(applicationId)}/reject`, request);
  }

  /** Makes an offer; `replyBy` asks the candidate to reply by then, else by the agency's default. */
  makeOffer(applicationId: string, request: OfferRequest): Observable<ApplicationView> {
    return this.http.post<ApplicationView>(`${applicationUrl(applicationId)}/offer`, request);
  }

  /** Moves the current promise to a new date, with the sentence the candidate is sent. */
  redatePromise(applicationId: string, request: RedatePromiseRequest): Observable<ApplicationView> {
    return this.http.post<ApplicationView>(`${applicationUrl(applicationId)}/promise`, request);
  }

  markHired(applicationId: string, version: number): Observable<ApplicationView> {
    return this.http.post<ApplicationView>(`${applicationUrl(applicationId)}/hire`, { version });
  }

  agencyJobs(query: AgencyJobQuery = {}): Observable<AgencyJobSummary[]> {
    const params = query.status ? new HttpParams().set('status', query.status) : undefined;
    return this.http.get<AgencyJobSummary[]>(`${API}/agency/jobs`, { params });
  }

  /** Applications whose candidate needs words from us, most urgent first (the API's order). */
  /** A page of candidates waiting for words, most urgent first; `cursor`: the previous page's nextCursor. */
  attention(cursor: string | null = null): Observable<AttentionPage> {
    const params = cursor ? new HttpParams().set('cursor', cursor) : undefined;
    return this.http.get<AttentionPage>(`${API}/agency/attention`, { params });
  }

  /** A message the candidate reads (and is emailed); it answers any open request for an update. */
  sendMessage(applicationId: string, request: RecruiterMessageRequest): Observable<ApplicationView> {
    return this.http.post<ApplicationView>(`${applicationUrl(applicationId)}/messages`, request, idempotent());
  }

  /** A page of a job's applications, oldest first, with every column's count; `cursor`: the previous page's nextCursor. */
  jobBoard(jobId: string, cursor: string | null = null): Observable<JobApplicationsBoard> {
    const params = cursor ? new HttpParams().set('cursor', cursor) : undefined;
    return this.http.get<JobApplicationsBoard>(`${API}/jobs/${encodeURIComponent(jobId)}/applications`, { params });
  }
}

function applicationUrl(applicationId: string): string {
  return `${API}/applications/${encodeURIComponent(applicationId)}`;
}

function stageUrl(applicationId: string, stageId: string): string {
  return `${applicationUrl(applicationId)}/stages/${encodeURIComponent(stageId)}`;
}
