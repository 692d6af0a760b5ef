import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { toFieldErrors, validationSummary } from './validation-errors';

/**
 * The most fields one refusal names. A form has far fewer; a body built to have every item wrong
 * (request-bodies.ts bounds how many it can hold) gets the first ones, not an answer as large as it.
 */
export const MAX_FIELD_ERRORS = 50;

/** Whitelisted, strict validation: unknown fields are refused, nested objects validated, each bad field named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = toFieldErrors(errors).slice(0, MAX_FIELD_ERRORS);
      return new BadRequestException({ message: validationSummary(details), details });
    },
  });
}
