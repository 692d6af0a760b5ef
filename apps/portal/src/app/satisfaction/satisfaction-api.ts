import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_PREFIX,
  SatisfactionAnswerRequest,
  SatisfactionTokenAnswerRequest,
  SatisfactionView,
} from '@heardback/contracts';
import { Observable } from 'rxjs';

const API = `/${API_PREFIX}`;

/** "How did we do": by the emailed token (no account), or signed in on the candidate's own closed application. */
@Injectable({ providedIn: 'root' })
export class SatisfactionApi {
  private readonly http = inject(HttpClient);

  /** 404 for a token we never sent, 410 once the time to answer has passed; the token goes in the body. */
  answerWithToken(request: SatisfactionTokenAnswerRequest): Observable<SatisfactionView> {
    return this.http.post<SatisfactionView>(`${API}/satisfaction/answer`, request);
  }

  /** 404 unless it is the candidate's own application, closed in a way that asks. */
  mine(applicationId: string): Observable<SatisfactionView> {
    return this.http.get<SatisfactionView>(`${API}/me/applications/${encodeURIComponent(applicationId)}/satisfaction`);
  }

  answerMine(applicationId: string, request: SatisfactionAnswerRequest): Observable<SatisfactionView> {
    return this.http.put<SatisfactionView>(
      `${API}/me/applications/${encodeURIComponent(applicationId)}/satisfaction`,
      request,
    );
  }
}
