import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { toFieldErrors } from './validation-errors';

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
      const summary = details.map((detail) => `${detail.field}: ${detail.reasons.join(', ')}`).join('; ');
      return new BadRequestException({ message: `Please correct: ${summary}`, details });
    },
  });
}
