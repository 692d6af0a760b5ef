import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_PREFIX,
  AgencyJobSummary,
  AgencyUserListQuery,
  AgencyUserPage,
  AgencyUserView,
  AuditEventPage,
  AuditEventQuery,
  ClientListQuery,
  ClientPage,
  ClientView,
  CloseJobRequest,
  CreateClientRequest,
  CreateJobRequest,
  CreateUserRequest,
  EscalationPage,
  JobClosureView,
  AgencyJobDetail,
  NotificationPage,
  NotificationQuery,
  ReassignmentRequest,
  ReassignmentResult,
  UpdateJobRequest,
  WaitingPage,
} from '@heardback/contracts';
import { Observable } from 'rxjs';
import { httpQueryParams } from '../core/url-query';

const API = `/${API_PREFIX}`;

/** Agency staff's administration: clients, jobs and their pipelines, accounts, and who is waiting. */
@Injectable({ providedIn: 'root' })
export class StaffApi {
  private readonly http = inject(HttpClient);

  /** Clients by name, a page at a time; `q` searches the names, `ids` names clients known by id. */
  clients(query: ClientListQuery = {}): Observable<ClientPage> {
    const { ids, ...rest } = query;
    return this.http.get<ClientPage>(`${API}/clients`, {
      params: httpQueryParams({ ...rest, ids: ids?.join(',') }),
    });
  }

  createClient(request: CreateClientRequest): Observable<ClientView> {
    return this.http.post<ClientView>(`${API}/clients`, request);
  }

  /** One job as the agency's job list shows it, with its open applications. */
  agencyJob(id: string): Observable<AgencyJobSummary> {
    return this.http.get<AgencyJobSummary>(`${API}/agency/jobs/${encodeURIComponent(id)}`);
  }

  job(id: string): Observable<AgencyJobDetail> {
    return this.http.get<AgencyJobDetail>(`${API}/jobs/${encodeURIComponent(id)}`);
  }

  createJob(request: CreateJobRequest): Observable<AgencyJobDetail> {
    return this.http.post<AgencyJobDetail>(`${API}/jobs`, request);
  }

  updateJob(id: string, request: UpdateJobRequest): Observable<AgencyJobDetail> {
    return this.http.patch<AgencyJobDetail>(`${API}/jobs/${encodeURIComponent(id)}`, request);
  }

  /** The agency's accounts by name, a page at a time; `q` searches names and emails, `ids` names people known by id. */
  users(query: AgencyUserListQuery = {}): Observable<AgencyUserPage> {
    const { ids, active, ...rest } = query;
    return this.http.get<AgencyUserPage>(`${API}/users`, {
      params: httpQueryParams({
        ...rest,
        active: active === undefined ? undefined : String(active),
        ids: ids?.join(','),
      }),
    });
  }

  /** Staff invite a recruiter or staff member, who chooses their own password from the emailed link. */
  inviteUser(request: CreateUserRequest): Observable<AgencyUserView> {
    return this.http.post<AgencyUserView>(`${API}/users`, request);
  }

  /** Staff make a staff member an agency lead (told when an escalation is left), or not. */
  setAgencyLead(id: string, isAgencyLead: boolean): Observable<AgencyUserView> {
    return this.http.put<AgencyUserView>(`${API}/users/${encodeURIComponent(id)}/agency-lead`, { isAgencyLead });
  }

  /** Gives a stage, an application, or all of one person's open work to someone else, in one step. */
  reassign(request: ReassignmentRequest): Observable<ReassignmentResult> {
    return this.http.post<ReassignmentResult>(`${API}/agency/reassignments`, request);
  }

  /** A page of who is waiting, longest silence first; `cursor`: the previous page's nextCursor. */
  waiting(cursor: string | null = null): Observable<WaitingPage> {
    const params = cursor ? new HttpParams().set('cursor', cursor) : undefined;
    return this.http.get<WaitingPage>(`${API}/agency/waiting`, { params });
  }

  /** Overdue feedback escalated to staff and still missing, longest overdue first, a page at a time with the total. */
  escalations(cursor?: string): Observable<EscalationPage> {
    const params = cursor ? new HttpParams().set('cursor', cursor) : undefined;
    return this.http.get<EscalationPage>(`${API}/agency/escalations`, { params });
  }

  /** The outbox, newest first: exactly what candidates, recruiters and staff are sent. */
  notifications(query: NotificationQuery = {}): Observable<NotificationPage> {
    return this.http.get<NotificationPage>(`${API}/agency/notifications`, { params: httpQueryParams(query) });
  }

  /** Closes the job and every open application on it, as a queued job; 409 if already closed. */
  closeJob(id: string, request: CloseJobRequest): Observable<JobClosureView> {
    return this.http.post<JobClosureView>(`${API}/jobs/${encodeURIComponent(id)}/close`, request);
  }

  /** When and how a job was closed; 404 if it never was. */
  jobClosureFor(jobId: string): Observable<JobClosureView> {
    return this.http.get<JobClosureView>(`${API}/jobs/${encodeURIComponent(jobId)}/closure`);
  }

  jobClosure(id: string): Observable<JobClosureView> {
    return this.http.get<JobClosureView>(`${API}/job-closures/${encodeURIComponent(id)}`);
  }

  /** The audit trail, newest first, a page at a time; empty filters are left out. */
  auditEvents(query: AuditEventQuery): Observable<AuditEventPage> {
    return this.http.get<AuditEventPage>(`${API}/audit-events`, { params: httpQueryParams(query) });
  }
}
