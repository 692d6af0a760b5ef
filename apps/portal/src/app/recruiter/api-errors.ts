import { HttpErrorResponse } from '@angular/common/http';
import { AbstractControl } from '@angular/forms';
import { ApiError, ErrorCode } from '@heardback/contracts';
import { httpErrorMessage } from '../http-error-message';

/** The API's error body, when the failure came from the API and carries one. */
export function apiErrorOf(error: unknown): ApiError | null {
  if (!(error instanceof HttpErrorResponse)) {
    return null;
  }
  const body = error.error as Partial<ApiError> | null;
  return body && typeof body.code === 'string' && typeof body.message === 'string'
    ? (body as ApiError)
    : null;
}

export function errorCodeOf(error: unknown): ErrorCode | null {
  return apiErrorOf(error)?.code ?? null;
}

/** What went wrong with an agency request, in words that say what to do next. */
export function agencyErrorMessage(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    if (error.status === 401) {
      return 'Your session has ended. Sign in again, then try once more.';
    }
    if (error.status === 403) {
      return 'Your account is not allowed to do this. Ask agency staff if you need it.';
    }
    if (error.status === 429) {
      return 'There were too many requests in a short time. Wait a few seconds, then try again.';
    }
  }
  return httpErrorMessage(error);
}

/** "must not be empty" → "Must not be empty." */
export function sentence(reasons: readonly string[]): string {
  const text = reasons.join('; ');
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
  const details = apiErrorOf(error)?.details ?? [];
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
      unmatched.push(`${field}: ${reasons.join('; ')}`);
    }
  }
  const summary = 'Some answers need changing: see the messages next to the fields.';
  return unmatched.length === 0
    ? summary
    : `${summary} Also: ${unmatched.join('. ')}.`;
}

/** Moves focus to the first field marked invalid inside `host`, so keyboard users land on the problem. */
export function focusFirstInvalid(host: HTMLElement): void {
  host.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
