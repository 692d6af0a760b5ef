import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_PREFIX,
  AgencyJobQuery,
  AgencyJobPage,
  ApplicationView,
  AttentionPage,
  FeedbackQueuePage,
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

  /**
   * Stages waiting for feedback, oldest due first, a page at a time with the total, each marked
   * `assignedToYou`; with `mine`, only the caller's own; `cursor` asks for the page after one shown.
   */
  feedbackQueue(mine = false, cursor?: string): Observable<FeedbackQueuePage> {
    let params = new HttpParams();
    if (mine) params = params.set('mine', 'true');
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<FeedbackQueuePage>(`${API}/feedback/queue`, { params });
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

  /** The agency's jobs, newest first, a page at a time with the total; open and draft ones unless `status` says. */
  agencyJobs(query: AgencyJobQuery = {}): Observable<AgencyJobPage> {
    return this.http.get<AgencyJobPage>(`${API}/agency/jobs`, { params: agencyJobParams(query) });
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

/** `status` goes as one comma-separated value (`status=open,draft`), as the API reads it. */
export function agencyJobParams(query: AgencyJobQuery): HttpParams {
  let params = new HttpParams();
  if (query.status?.length) params = params.set('status', query.status.join(','));
  if (query.cursor) params = params.set('cursor', query.cursor);
  if (query.limit) params = params.set('limit', String(query.limit));
  return params;
}
