import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_PREFIX, RetentionSettingsView, UpdateRetentionSettings } from '@heardback/contracts';
import { Observable } from 'rxjs';

const RETENTION = `/${API_PREFIX}/agency/data-retention`;

/** How long the agency keeps closed applications (ADR 0019). */
@Injectable({ providedIn: 'root' })
export class RetentionApi {
  private readonly http = inject(HttpClient);

  settings(): Observable<RetentionSettingsView> {
    return this.http.get<RetentionSettingsView>(RETENTION);
  }

  update(request: UpdateRetentionSettings): Observable<RetentionSettingsView> {
    return this.http.put<RetentionSettingsView>(RETENTION, request);
  }
}
