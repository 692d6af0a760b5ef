import { ArgumentMetadata, BadRequestException, PipeTransform } from '@nestjs/common';
import { FieldError } from '@heardback/contracts';
import { validationSummary } from './validation-errors';

/** What a person reads at a field whose text holds a NUL character. */
export const NUL_REASON = 'Remove the invisible NUL character (\\0) from this text: it cannot be kept.';

/** The paths (`salary.min`, `stages.0.name`, as the validation pipe names them) of strings holding a NUL. */
export function fieldsWithNul(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, part]) => fieldsWithNul(part, path ? `${path}.${key}` : key));
}

/**
 * PostgreSQL refuses a NUL in text, so a body or query holding one would reach the database and
 * come back as a 400 naming nothing. This pipe runs first and names each field, as the validation
 * pipe does for every other bad value.
 */
export class NulBytePipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    // `@Body('name')` passes one field's value: its path starts at that name.
    const fields = fieldsWithNul(value, metadata.data ?? '').filter((field) => field !== '');
    if (fields.length === 0) return value;
    const details: FieldError[] = fields.map((field) => ({ field, reasons: [NUL_REASON] }));
    throw new BadRequestException({ message: validationSummary(details), details });
  }
}
