import { HttpErrorResponse } from '@angular/common/http';
import { AbstractControl } from '@angular/forms';
import { ApiError, ErrorCode } from '@heardback/contracts';

/** The API's error body, when the response carries one. */
export function apiError(error: unknown): ApiError | null {
  if (!(error instanceof HttpErrorResponse)) {
    return null;
  }
  const body: unknown = error.error;
  if (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Partial<ApiError>).code === 'string' &&
    typeof (body as Partial<ApiError>).message === 'string'
  ) {
    return body as ApiError;
  }
  return null;
}

export function errorCodeOf(error: unknown): ErrorCode | null {
  return apiError(error)?.code ?? null;
}

/**
 * The API's reasons for one field (400 `details`), to show at that field: the API writes each as a
 * sentence for the person ("Write at most 2,000 characters."). A reason still worded as a rule
 * ("must not be empty") is said with the form's own name for the field: "Your note must not be empty."
 * Null when the API said nothing about that field.
 */
export function fieldProblem(error: unknown, field: string, label: string): string | null {
  const reasons = apiError(error)?.details?.find((detail) => detail.field === field)?.reasons;
  if (!reasons?.length) {
    return null;
  }
  return reasons
    .map((reason) => (reason.startsWith(`${field} `) ? reason.slice(field.length + 1) : reason))
    .map((reason) => (/^[a-z]/.test(reason) ? `${label} ${reason.replace(/\.$/, '')}.` : reason))
    .join(' ');
}

/**
 * The API no longer reads a list's cursor (a 400 naming `cursor`), as when a deploy changed their form
 * after the page was loaded: the list starts again from its first page.
 */
export function isStaleCursor(error: unknown): boolean {
  return (
    error instanceof HttpErrorResponse &&
    error.status === 400 &&
    (apiError(error)?.details ?? []).some((detail) => detail.field === 'cursor')
  );
}

/**
 * 503s that say in the API's words what to do: the pause is brief (a database restart, a deploy, a
 * burst), or a public search or a score was too broad to answer in time (ask for less).
 */
const BRIEFLY_UNAVAILABLE = new Set<ErrorCode>([
  ErrorCode.DatabaseUnavailable,
  ErrorCode.Overloaded,
  ErrorCode.RequestTimeout,
  ErrorCode.ShuttingDown,
  ErrorCode.SearchTooBroad,
  ErrorCode.ScoreTooBroad,
]);

/** What went wrong with a request, in words a visitor can act on. */
export function httpErrorMessage(error: unknown): string {
  if (!(error instanceof HttpErrorResponse)) {
    return 'Something unexpected went wrong in the page.';
  }
  if (error.status === 0) {
    return 'We could not reach Heardback. Check your internet connection.';
  }
  // A 503 says in the API's words that it is brief (a database restart, a deploy) and when to try again.
  const unavailable = apiError(error);
  if (error.status === 503 && unavailable && BRIEFLY_UNAVAILABLE.has(unavailable.code)) {
    return unavailable.message;
  }
  if (error.status >= 500) {
    return `Our server had a problem (error ${error.status}). It is not something you did.`;
  }
  // The API says in its own words when a limit lets the person try again, e.g. "You can ask again from …".
  const body = apiError(error);
  if (body) {
    return body.message;
  }
  if (error.status === 429) {
    return 'There were too many requests in a short time. Wait a few seconds, then try again.';
  }
  return `The server refused the request (error ${error.status}).`;
}

/** What went wrong with an agency request, in words that say what to do next. */
export function agencyErrorMessage(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    if (error.status === 401) {
      return 'Your session has ended. Sign in again, then try once more.';
    }
    // An expired page's security check is also a 403, but reloading fixes it: the API says so.
    if (error.status === 403 && errorCodeOf(error) !== ErrorCode.SecurityCheckFailed) {
      return 'Your account is not allowed to do this. Ask agency staff if you need it.';
    }
  }
  return httpErrorMessage(error);
}

/** ["Fill this in."] → "Fill this in."; a reason worded as a rule, "must not be empty" → "Must not be empty." */
export function sentence(reasons: readonly string[]): string {
  const text = reasons.map((reason) => reason.replace(/\.$/, '')).join('. ');
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/**
 * Puts the API's field errors (400 `details`) on the matching form controls as a `server` error,
 * so each shows next to its field. Returns the message for the whole form: what failed, and
 * any reason that belongs to no control on this form.
 */
export function showServerErrors(
  form: AbstractControl,
  error: unknown,
  /** API field name → control path where the form names it differently, or null where the page shows it itself. */
  controlFor: Record<string, string | null> = {},
): string {
  const details = apiError(error)?.details ?? [];
  if (details.length === 0) {
    return agencyErrorMessage(error);
  }
  const unmatched: string[] = [];
  for (const { field, reasons } of details) {
    const path = field in controlFor ? controlFor[field] : field;
    if (path === null) {
      continue;
    }
    const control = form.get(path);
    if (control) {
      control.setErrors({ ...control.errors, server: sentence(reasons) });
      control.markAsTouched();
    } else {
      unmatched.push(sentence(reasons));
    }
  }
  const summary = 'Some answers need changing: see the messages next to the fields.';
  return unmatched.length === 0 ? summary : `${summary} Also: ${unmatched.join(' ')}`;
}

/** Moves focus to the first field marked invalid inside `host`, so keyboard users land on the problem. */
export function focusFirstInvalid(host: HTMLElement): void {
  host.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
