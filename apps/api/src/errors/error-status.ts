import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@heardback/contracts';

const statusByCode: Partial<Record<ErrorCode, HttpStatus>> = {
  [ErrorCode.ValidationFailed]: HttpStatus.BAD_REQUEST,
  [ErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.InvalidCredentials]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorCode.SecurityCheckFailed]: HttpStatus.FORBIDDEN,
  [ErrorCode.AccountDisabled]: HttpStatus.FORBIDDEN,
  [ErrorCode.RedatingNeedsStaff]: HttpStatus.FORBIDDEN,
  [ErrorCode.TokenInvalid]: HttpStatus.BAD_REQUEST,
  [ErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.IdempotencyKeyReused]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.TooManyRequests]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.PayloadTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.UnsupportedMediaType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ErrorCode.Internal]: HttpStatus.INTERNAL_SERVER_ERROR,
  [ErrorCode.SearchTooBroad]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.ScoreTooBroad]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.ReviewLinkClosed]: HttpStatus.GONE,
  [ErrorCode.SatisfactionClosed]: HttpStatus.GONE,
};

/** Every domain error code maps to one HTTP status; anything not listed is a conflict with the current state. */
export function httpStatusFor(code: ErrorCode): HttpStatus {
  return statusByCode[code] ?? HttpStatus.CONFLICT;
}
