import { HttpErrorResponse } from '@angular/common/http';
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

export function hasErrorCode(error: unknown, code: ErrorCode): boolean {
  return apiError(error)?.code === code;
}

/**
 * The API's per-field reasons (400 VALIDATION_FAILED), as one sentence per field:
 * `{ password: 'must be at least 10 characters' }`. Fields the form does not know are dropped
 * by the caller, which shows the general message instead.
 */
export function apiFieldErrors(error: unknown): Record<string, string> {
  const details = apiError(error)?.details ?? [];
  const byField: Record<string, string> = {};
  for (const { field, reasons } of details) {
    byField[field] = reasons.join('; ');
  }
  return byField;
}
