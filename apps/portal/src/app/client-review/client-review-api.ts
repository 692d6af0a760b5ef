import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CLIENT_REVIEW_ROUTES,
  ClientFeedbackReceipt,
  ClientFeedbackRequest,
  ClientReviewPageView,
} from '@heardback/contracts';
import { Observable, catchError, from, switchMap, throwError } from 'rxjs';

/**
 * What a client interviewer's review link opens, with no account. The token always travels in the
 * request body, never in a URL, so no server log, proxy or Referer header ever holds it.
 */
@Injectable({ providedIn: 'root' })
export class ClientReviewApi {
  private readonly http = inject(HttpClient);

  open(token: string): Observable<ClientReviewPageView> {
    return this.http.post<ClientReviewPageView>(CLIENT_REVIEW_ROUTES.open, { token });
  }

  /** The candidate's CV for this application, as a file. */
  cv(token: string): Observable<Blob> {
    return this.http
      .post(CLIENT_REVIEW_ROUTES.cv, { token }, { responseType: 'blob' })
      .pipe(
        catchError((error: unknown) => from(withJsonBody(error)).pipe(switchMap((read) => throwError(() => read)))),
      );
  }

  /** → whether the client's auto-publish setting already sent the words to the candidate. */
  sendFeedback(token: string, feedback: ClientFeedbackRequest): Observable<ClientFeedbackReceipt> {
    return this.http.post<ClientFeedbackReceipt>(CLIENT_REVIEW_ROUTES.feedback, { token, ...feedback });
  }
}

/**
 * A file request's error arrives as a Blob; the API's error body inside it is JSON. Read it, so the
 * refusal (a dead link, too many attempts) is understood like any other.
 */
export async function withJsonBody(error: unknown): Promise<unknown> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) {
    return error;
  }
  try {
    const body: unknown = JSON.parse(await error.error.text());
    return new HttpErrorResponse({
      error: body,
      headers: error.headers,
      status: error.status,
      statusText: error.statusText,
      url: error.url ?? undefined,
    });
  } catch {
    return error;
  }
}
