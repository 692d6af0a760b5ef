import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_PREFIX, EraseAccountRequest } from '@heardback/contracts';
import { Observable } from 'rxjs';

/** The archive of everything held about the signed-in candidate: a plain link downloads it, streamed. */
export const EXPORT_URL = `/${API_PREFIX}/me/export`;

/** The candidate's rights over their data (ADR 0019). */
@Injectable({ providedIn: 'root' })
export class DataRightsApi {
  private readonly http = inject(HttpClient);

  /** Erases the account for good; the API signs this browser out with it. */
  eraseAccount(request: EraseAccountRequest): Observable<void> {
    return this.http.delete<void>(`/${API_PREFIX}/me`, { body: request });
  }
}
