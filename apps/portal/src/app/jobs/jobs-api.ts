import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { httpQueryParams } from '../core/url-query';
import {
  API_PREFIX,
  ApplyRequest,
  CandidateApplicationView,
  JobBoardPage,
  JobDetail,
  JobSearchQuery,
} from '@heardback/contracts';
import { Observable } from 'rxjs';
import { EarlyReads } from '../core/early-reads';

export const JOBS_URL = `/${API_PREFIX}/jobs`;

/** Where one job is read from. */
const jobUrl = (id: string) => `${JOBS_URL}/${encodeURIComponent(id)}`;

/**
 * The read a visitor arriving at `path` will need first, started before the page's code has loaded
 * (see EarlyReads): a job's page needs its job. Null for every other page.
 */
export function firstReadFor(path: string): string | null {
  const job = /^\/jobs\/([^/]+)\/?$/.exec(path);
  if (!job) {
    return null;
  }
  try {
    return jobUrl(decodeURIComponent(job[1]));
  } catch {
    return null; // a malformed escape: the page will say the job was not found
  }
}

/** Turns a search into query parameters, leaving out anything empty so the API applies its defaults. */
export const jobSearchParams: (query: JobSearchQuery) => HttpParams = httpQueryParams;

/** The public jobs area: the open-jobs board, one job, and applying to it. */
@Injectable({ providedIn: 'root' })
export class JobsApi {
  private readonly http = inject(HttpClient);
  private readonly earlyReads = inject(EarlyReads);

  /** A page of open jobs, with how many match in all. */
  search(query: JobSearchQuery): Observable<JobBoardPage> {
    return this.http.get<JobBoardPage>(JOBS_URL, {
      params: jobSearchParams(query),
    });
  }

  /** One open job with its description and interview pipeline; 404 once it is no longer open, unless the candidate applied to it. */
  get(id: string): Observable<JobDetail> {
    const url = jobUrl(id);
    return this.earlyReads.take<JobDetail>(url) ?? this.http.get<JobDetail>(url);
  }

  /**
   * Applies as the signed-in candidate, with their answers and their consent under the notice version
   * they read; 409 ALREADY_APPLIED when an application is open, PRIVACY_NOTICE_CHANGED when the notice moved on.
   */
  apply(jobId: string, request: ApplyRequest): Observable<CandidateApplicationView> {
    return this.http.post<CandidateApplicationView>(`${JOBS_URL}/${encodeURIComponent(jobId)}/applications`, request);
  }
}
