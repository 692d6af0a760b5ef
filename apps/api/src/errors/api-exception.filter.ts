import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ApiError, ErrorCode, FieldError } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';
import type { FastifyReply } from 'fastify';
import { frameworkClientError } from '../app/request-bodies';
import { translatePostgresError } from '../database/postgres-errors';
import { DatabaseOutage } from '../resilience/database-outage';
import { databaseUnavailableReason } from '../resilience/database-unavailable';
import { UNAVAILABLE } from '../resilience/unavailable-words';
import { RateLimitedError } from '../throttling/rate-limited.error';
import { ReviewLinkClosedError } from '../client-review/review-link-closed.error';
import { httpStatusFor } from './error-status';
import { inPersonWords } from './validation-errors';

const codeByHttpStatus: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: ErrorCode.ValidationFailed,
  [HttpStatus.UNAUTHORIZED]: ErrorCode.Unauthenticated,
  [HttpStatus.FORBIDDEN]: ErrorCode.Forbidden,
  [HttpStatus.NOT_FOUND]: ErrorCode.NotFound,
  [HttpStatus.CONFLICT]: ErrorCode.Conflict,
  [HttpStatus.TOO_MANY_REQUESTS]: ErrorCode.TooManyRequests,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ErrorCode.PayloadTooLarge,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: ErrorCode.UnsupportedMediaType,
};

/** The one place errors become HTTP responses: `{statusCode, code, message, details?}`, never a stack trace. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  /** `outage`: where an unreachable database is reported, so it is logged once per outage. */
  constructor(private readonly outage?: DatabaseOutage) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    // The request deadline may have answered already; the handler's late failure has no one to tell.
    if (reply.sent || reply.raw.headersSent) return;
    const unavailable = databaseUnavailableReason(exception);
    if (unavailable) {
      this.outage?.report(unavailable);
      const { message, retryAfterSeconds } = UNAVAILABLE[ErrorCode.DatabaseUnavailable];
      void reply
        .header('Retry-After', String(retryAfterSeconds))
        .code(HttpStatus.SERVICE_UNAVAILABLE)
        .send({ statusCode: HttpStatus.SERVICE_UNAVAILABLE, code: ErrorCode.DatabaseUnavailable, message });
      return;
    }
    const body = this.toApiError(exception);
    if (exception instanceof RateLimitedError) void reply.header('Retry-After', String(exception.retryAfterSeconds));
    void reply.code(body.statusCode).send(body);
  }

  toApiError(exception: unknown): ApiError {
    const domainError =
      exception instanceof DomainError
        ? exception
        : (frameworkClientError(exception) ?? translatePostgresError(exception));
    if (domainError) {
      const { message, details } = domainError.details
        ? inPersonWords(domainError.message, domainError.details)
        : { message: domainError.message, details: undefined };
      const error = withDetails(
        { statusCode: httpStatusFor(domainError.code), code: domainError.code, message },
        details,
      );
      return domainError instanceof ReviewLinkClosedError ? { ...error, state: domainError.state } : error;
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse() as { message?: unknown; details?: FieldError[] } | string;
      const message =
        typeof response === 'string'
          ? response
          : typeof response.message === 'string'
            ? response.message
            : exception.message;
      const details = typeof response === 'object' ? response.details : undefined;
      return withDetails({ statusCode, code: codeByHttpStatus[statusCode] ?? ErrorCode.Internal, message }, details);
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: ErrorCode.Internal,
      message: 'Something went wrong on our side. Please try again; if it keeps happening, contact the agency.',
    };
  }
}

function withDetails(error: ApiError, details: FieldError[] | undefined): ApiError {
  return details && details.length > 0 ? { ...error, details } : error;
}
