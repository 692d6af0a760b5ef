import { ValidationPipe } from '@nestjs/common';
import { fieldRefusal, toFieldErrors } from './validation-errors';

/** Whitelisted, strict validation: unknown fields are refused, nested objects validated, each bad field named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // The value stays with each error only so that toFieldErrors can tell a missing field from a wrong one;
    // the refusal names fields and reasons, never what was sent.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => fieldRefusal(toFieldErrors(errors)),
  });
}
