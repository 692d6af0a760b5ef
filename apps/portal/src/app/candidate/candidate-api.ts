import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_PREFIX,
  AcceptOfferRequest,
  CandidateApplicationView,
  CandidateUpdateRequest,
  DOCUMENT_UPLOAD_FILE_FIELD,
  DOCUMENT_UPLOAD_KIND_FIELD,
  DecisionDateRequest,
  DocumentKind,
  DocumentList,
  DocumentView,
  DeclineOfferRequest,
  MyApplicationsPage,
  UpdateProfileRequest,
  UserView,
  WithdrawApplicationRequest,
} from '@heardback/contracts';
import { Observable } from 'rxjs';
import { idempotent } from '../core/idempotency-key';

const API = `/${API_PREFIX}`;

/** The candidate's own data: their applications and their profile. */
@Injectable({ providedIn: 'root' })
export class CandidateApi {
  private readonly http = inject(HttpClient);

  /** A page of the candidate's applications, open ones first; `cursor` is the previous page's nextCursor. */
  myApplications(cursor: string | null = null): Observable<MyApplicationsPage> {
    const params = cursor ? new HttpParams().set('cursor', cursor) : undefined;
    return this.http.get<MyApplicationsPage>(`${API}/me/applications`, { params });
  }

  /** 404 for an application that is not theirs, exactly as for one that does not exist. */
  application(id: string): Observable<CandidateApplicationView> {
    return this.http.get<CandidateApplicationView>(`${API}/applications/${encodeURIComponent(id)}`);
  }

  /** `version`: the application as the candidate last saw it (409 STALE_VERSION if it changed since). */
  withdraw(id: string, reason: string, version: number): Observable<CandidateApplicationView> {
    const body: WithdrawApplicationRequest = { reason, version };
    return this.http.post<CandidateApplicationView>(`${API}/applications/${encodeURIComponent(id)}/withdraw`, body);
  }

  /** Accepts the open offer: the application is then Hired (409 if it was answered already). */
  acceptOffer(id: string, version: number): Observable<CandidateApplicationView> {
    const body: AcceptOfferRequest = { version };
    return this.http.post<CandidateApplicationView>(`${API}/applications/${encodeURIComponent(id)}/offer/accept`, body);
  }

  /** Declines the open offer, with the candidate's reason if they give one; the application closes. */
  declineOffer(id: string, version: number, reason: string): Observable<CandidateApplicationView> {
    const body: DeclineOfferRequest = reason ? { version, reason } : { version };
    return this.http.post<CandidateApplicationView>(
      `${API}/applications/${encodeURIComponent(id)}/offer/decline`,
      body,
    );
  }

  /**
   * Tells the recruiter something: another offer (with its deadline), availability, a note, or a
   * request for an update (429 when one was sent in the last few days).
   */
  sendUpdate(id: string, request: CandidateUpdateRequest): Observable<CandidateApplicationView> {
    return this.http.post<CandidateApplicationView>(
      `${API}/applications/${encodeURIComponent(id)}/updates`,
      request,
      idempotent(),
    );
  }

  /** "I will move on after …"; null clears it. */
  setDecisionDate(id: string, decisionDate: string | null, version: number): Observable<CandidateApplicationView> {
    const body: DecisionDateRequest = { decisionDate, version };
    return this.http.put<CandidateApplicationView>(
      `${API}/applications/${encodeURIComponent(id)}/decision-date`,
      body,
      idempotent(),
    );
  }

  updateProfile(request: UpdateProfileRequest): Observable<UserView> {
    return this.http.patch<UserView>(`${API}/me/profile`, request);
  }

  /** Every CV and cover letter the candidate keeps, newest first (never more than `max`). */
  myDocuments(): Observable<DocumentList> {
    return this.http.get<DocumentList>(`${API}/me/documents`);
  }

  /** 415 for anything but a PDF or DOCX (by content), 413 past 10 MB, 409 past the cap: the API's words say which. */
  uploadDocument(kind: DocumentKind, file: File): Observable<DocumentView> {
    const form = new FormData();
    form.append(DOCUMENT_UPLOAD_KIND_FIELD, kind);
    form.append(DOCUMENT_UPLOAD_FILE_FIELD, file, file.name);
    return this.http.post<DocumentView>(`${API}/me/documents`, form);
  }

  /** 409 for a document that went with an application (the agency keeps it). */
  deleteDocument(id: string): Observable<void> {
    return this.http.delete<void>(`${API}/me/documents/${encodeURIComponent(id)}`);
  }
}
