import { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { FieldError } from '@heardback/contracts';
import { fieldRefusal } from './validation-errors';

/** What a person reads at a field whose text holds a NUL character. */
export const NUL_REASON = 'Remove the invisible NUL character (\\0) from this text: it cannot be kept.';
/** What a person reads at a field whose text holds half of a character (a lone UTF-16 surrogate, \uD800–\uDFFF). */
export const BROKEN_CHARACTER_REASON =
  'This text holds a broken character (half of an emoji or other symbol). Type it again without it.';

/** A lone surrogate: with the `u` flag a well-formed pair is one code point, so only half of one matches. */
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * The fields (`salary.min`, `stages.0.name`, as the validation pipe names them) whose text cannot be
 * kept as it was sent, each with the reason.
 */
export function unstorableTextIn(value: unknown, path = ''): FieldError[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return [{ field: path, reasons: [NUL_REASON] }];
    return LONE_SURROGATE.test(value) ? [{ field: path, reasons: [BROKEN_CHARACTER_REASON] }] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, part]) => unstorableTextIn(part, path ? `${path}.${key}` : key));
}

/**
 * Text that cannot be kept as sent: PostgreSQL refuses a NUL, and half of a UTF-16 pair (JSON's
 * `"\ud800"`) has no UTF-8 form, so it would be changed on the way in, and the validators' own
 * checks (`isEmail` encodes the address) throw on it. This pipe runs before validation and names
 * each such field, as the validation pipe does for every other bad value.
 */
export class UnstorableTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    // `@Body('name')` passes one field's value: its path starts at that name.
    const details = unstorableTextIn(value, metadata.data ?? '').filter(({ field }) => field !== '');
    if (details.length === 0) return value;
    throw fieldRefusal(details);
  }
}
