import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_PREFIX, ApplicationSearchPage, NewApplicationsPage } from '@heardback/contracts';
import { Observable } from 'rxjs';

const API = `/${API_PREFIX}/agency/applications`;

/** Finding applications: the search, and the ones nobody has screened yet. */
@Injectable({ providedIn: 'root' })
export class FindingApi {
  private readonly http = inject(HttpClient);

  /** Newest first; `cursor` from the previous page asks for the next. */
  search(q: string, cursor: string | null = null): Observable<ApplicationSearchPage> {
    let params = new HttpParams().set('q', q);
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<ApplicationSearchPage>(`${API}/search`, { params });
  }

  /** Oldest first; `mine` null lets the API choose (a recruiter's own, everyone's for staff). */
  newApplications(mine: boolean | null, cursor: string | null = null): Observable<NewApplicationsPage> {
    let params = new HttpParams();
    if (mine !== null) params = params.set('mine', String(mine));
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<NewApplicationsPage>(`${API}/new`, { params });
  }
}
