import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_PREFIX,
  ApplicationView,
  ClientFeedbackDraftView,
  ClientReviewLinkView,
  PublishClientFeedbackRequest,
} from '@heardback/contracts';
import { Observable } from 'rxjs';

const AGENCY = `/${API_PREFIX}/agency`;

function applicationUrl(applicationId: string): string {
  return `${AGENCY}/applications/${encodeURIComponent(applicationId)}`;
}

/** The client in the loop, as the recruiter works it: client interviewers' drafts and their review links. */
@Injectable({ providedIn: 'root' })
export class ClientFeedbackApi {
  private readonly http = inject(HttpClient);

  drafts(applicationId: string): Observable<ClientFeedbackDraftView[]> {
    return this.http.get<ClientFeedbackDraftView[]>(`${applicationUrl(applicationId)}/client-feedback`);
  }

  /** Records the draft as the stage's feedback, with the candidate-facing words as the recruiter leaves them. */
  publish(applicationId: string, draftId: string, request: PublishClientFeedbackRequest): Observable<ApplicationView> {
    return this.http.post<ApplicationView>(
      `${applicationUrl(applicationId)}/client-feedback/${encodeURIComponent(draftId)}/publish`,
      request,
    );
  }

  links(applicationId: string): Observable<ClientReviewLinkView[]> {
    return this.http.get<ClientReviewLinkView[]>(`${applicationUrl(applicationId)}/client-review-links`);
  }

  revokeLink(linkId: string): Observable<ClientReviewLinkView> {
    return this.http.post<ClientReviewLinkView>(
      `${AGENCY}/client-review-links/${encodeURIComponent(linkId)}/revoke`,
      {},
    );
  }

  /** Revokes the link (if still open) and emails the interviewer a fresh one. */
  resendLink(linkId: string): Observable<ClientReviewLinkView> {
    return this.http.post<ClientReviewLinkView>(
      `${AGENCY}/client-review-links/${encodeURIComponent(linkId)}/resend`,
      {},
    );
  }
}
