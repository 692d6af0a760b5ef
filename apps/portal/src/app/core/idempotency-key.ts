import {
  HttpContext,
  HttpContextToken,
  HttpErrorResponse,
  HttpInterceptorFn,
  HttpResponse,
} from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { IDEMPOTENCY_KEY_HEADER } from '@heardback/contracts';
import { tap } from 'rxjs';

const IDEMPOTENT = new HttpContextToken<boolean>(() => false);

/**
 * Marks a command the API carries out once per Idempotency-Key (ADR 0022):
 * `this.http.post(url, body, idempotent())`. The interceptor below adds the key.
 */
export function idempotent(): { context: HttpContext } {
  return { context: new HttpContext().set(IDEMPOTENT, true) };
}

/**
 * The keys of submissions whose outcome is not known yet, by what was sent. Sending the same thing
 * again (the person presses Send once more after a lost answer) is a retry and reuses the key; an
 * answer settles the submission, so the next one gets a new key.
 */
@Injectable({ providedIn: 'root' })
export class UnsettledSubmissions {
  private readonly keys = new Map<string, string>();

  keyFor(submission: string): string {
    let key = this.keys.get(submission);
    if (!key) {
      key = newKey();
      this.keys.set(submission, key);
    }
    return key;
  }

  settle(submission: string): void {
    this.keys.delete(submission);
  }
}

/** Adds the Idempotency-Key header to every request marked `idempotent()`, the same one for its retries. */
export const idempotencyKeyInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.context.get(IDEMPOTENT)) {
    return next(request);
  }
  const submissions = inject(UnsettledSubmissions);
  const submission = `${request.method} ${request.urlWithParams} ${JSON.stringify(request.body)}`;
  const keyed = request.clone({ setHeaders: { [IDEMPOTENCY_KEY_HEADER]: submissions.keyFor(submission) } });
  return next(keyed).pipe(
    tap({
      next: (event) => {
        if (event instanceof HttpResponse) {
          submissions.settle(submission);
        }
      },
      error: (error: unknown) => {
        if (!outcomeUnknown(error)) {
          submissions.settle(submission);
        }
      },
    }),
  );
};

/** No answer at all, or a server error: the command may have been carried out, so its retry keeps the key. */
function outcomeUnknown(error: unknown): boolean {
  return !(error instanceof HttpErrorResponse) || error.status === 0 || error.status >= 500;
}

function newKey(): string {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  // randomUUID needs a secure context (HTTPS or localhost); getRandomValues does not.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
