import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { toFieldErrors, validationSummary } from './validation-errors';

/** Whitelisted, strict validation: unknown fields are refused, nested objects validated, each bad field named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = toFieldErrors(errors);
      return new BadRequestException({ message: validationSummary(details), details });
    },
  });
}
