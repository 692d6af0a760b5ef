import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_PREFIX,
  ConsentsView,
  GiveTalentPoolConsentRequest,
  PrivacyNoticeView,
  PublishPrivacyNoticeRequest,
} from '@heardback/contracts';
import { Observable } from 'rxjs';

const API = `/${API_PREFIX}`;

/** The privacy notice (anyone reads it, staff publish it) and the candidate's own consents. */
@Injectable({ providedIn: 'root' })
export class PrivacyApi {
  private readonly http = inject(HttpClient);

  currentNotice(): Observable<PrivacyNoticeView> {
    return this.http.get<PrivacyNoticeView>(`${API}/privacy-notice`);
  }

  /** Staff: a new version; 409 PRIVACY_NOTICE_CHANGED when another was published since `basedOnVersion`. */
  publish(request: PublishPrivacyNoticeRequest): Observable<PrivacyNoticeView> {
    return this.http.post<PrivacyNoticeView>(`${API}/privacy-notices`, request);
  }

  myConsents(): Observable<ConsentsView> {
    return this.http.get<ConsentsView>(`${API}/me/consents`);
  }

  giveTalentPool(request: GiveTalentPoolConsentRequest): Observable<ConsentsView> {
    return this.http.post<ConsentsView>(`${API}/me/consents/talent-pool`, request);
  }

  withdrawTalentPool(): Observable<ConsentsView> {
    return this.http.delete<ConsentsView>(`${API}/me/consents/talent-pool`);
  }
}
