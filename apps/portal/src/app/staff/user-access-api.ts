import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_PREFIX, AgencyUserView, UserAccessResult } from '@heardback/contracts';
import { Observable } from 'rxjs';

/** Staff turn accounts off and on, send invitations again, and see what a user leaves behind. */
@Injectable({ providedIn: 'root' })
export class UserAccessApi {
  private readonly http = inject(HttpClient);

  disable(userId: string): Observable<UserAccessResult> {
    return this.http.post<UserAccessResult>(`/${API_PREFIX}/users/${encodeURIComponent(userId)}/disable`, {});
  }

  enable(userId: string): Observable<UserAccessResult> {
    return this.http.post<UserAccessResult>(`/${API_PREFIX}/users/${encodeURIComponent(userId)}/enable`, {});
  }

  /** A new invitation for someone who has not accepted theirs yet; the earlier link stops working. */
  resendInvitation(userId: string): Observable<AgencyUserView> {
    return this.http.post<AgencyUserView>(`/${API_PREFIX}/users/${encodeURIComponent(userId)}/invitation`, {});
  }

  openWork(userId: string): Observable<UserAccessResult> {
    return this.http.get<UserAccessResult>(`/${API_PREFIX}/users/${encodeURIComponent(userId)}/open-work`);
  }
}
