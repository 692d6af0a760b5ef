import { ErrorCode, FieldError } from '@heardback/contracts';

/**
 * A broken rule, named by its code. The API maps codes to HTTP statuses in one place;
 * the message is written for the person who will read it.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldError[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function fieldError(field: string, reason: string): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, `${field}: ${reason}`, [{ field, reasons: [reason] }]);
}
