import { HttpErrorResponse } from '@angular/common/http';
import { ApiError } from '@heardback/contracts';

function isApiError(body: unknown): body is ApiError {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Partial<ApiError>).message === 'string' &&
    typeof (body as Partial<ApiError>).code === 'string'
  );
}

/** What went wrong with a request, in words a visitor can act on. */
export function httpErrorMessage(error: unknown): string {
  if (!(error instanceof HttpErrorResponse)) {
    return 'Something unexpected went wrong in the page.';
  }
  if (error.status === 0) {
    return 'We could not reach Heardback. Check your internet connection.';
  }
  if (error.status === 429) {
    return 'There were too many searches in a short time. Wait a few seconds.';
  }
  if (error.status >= 500) {
    return `Our server had a problem (error ${error.status}). It is not something you did.`;
  }
  if (isApiError(error.error)) {
    return error.error.message;
  }
  return `The server refused the request (error ${error.status}).`;
}
