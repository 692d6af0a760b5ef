import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_PREFIX,
  ClientContactRequest,
  ClientContactView,
  ClientDetailView,
  UpdateClientContactRequest,
  UpdateClientSettingsRequest,
} from '@heardback/contracts';
import { Observable } from 'rxjs';

const API = `/${API_PREFIX}`;
const clientUrl = (id: string) => `${API}/clients/${encodeURIComponent(id)}`;
const contactUrl = (clientId: string, contactId: string) =>
  `${clientUrl(clientId)}/contacts/${encodeURIComponent(contactId)}`;

/**
 * One client and the people at it: staff keep the contacts and settings; recruiters read the
 * contacts to pick a stage's interviewers from them.
 */
@Injectable({ providedIn: 'root' })
export class ClientApi {
  private readonly http = inject(HttpClient);

  client(id: string): Observable<ClientDetailView> {
    return this.http.get<ClientDetailView>(clientUrl(id));
  }

  /** The account owner and auto-publish: only the fields sent change. */
  updateSettings(id: string, request: UpdateClientSettingsRequest): Observable<ClientDetailView> {
    return this.http.patch<ClientDetailView>(clientUrl(id), request);
  }

  addContact(clientId: string, request: ClientContactRequest): Observable<ClientContactView> {
    return this.http.post<ClientContactView>(`${clientUrl(clientId)}/contacts`, request);
  }

  updateContact(
    clientId: string,
    contactId: string,
    request: UpdateClientContactRequest,
  ): Observable<ClientContactView> {
    return this.http.patch<ClientContactView>(contactUrl(clientId, contactId), request);
  }

  /** The contact left the client: kept for the history, no longer offered as an interviewer. */
  archiveContact(clientId: string, contactId: string): Observable<ClientContactView> {
    return this.http.post<ClientContactView>(`${contactUrl(clientId, contactId)}/archive`, {});
  }
}
