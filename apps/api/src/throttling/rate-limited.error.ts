import { ErrorCode } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';

/** A 429 that says when to try again: in its message, and in seconds in the `Retry-After` header. */
export class RateLimitedError extends DomainError {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super(ErrorCode.TooManyRequests, message);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}
