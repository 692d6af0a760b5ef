import { ValidationError } from 'class-validator';
import { FieldError } from '@heardback/contracts';

/**
 * Flattens class-validator's tree into one entry per field, with nested paths like `salary.min`.
 * A reason several checks share ("must be a whole number from 1 to 20" for the type and both bounds) is said once.
 */
export function toFieldErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints
      ? [{ field, reasons: [...new Set(Object.values(error.constraints))] }]
      : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}
