import { isOneLine } from '@heardback/domain';
import { ValidateBy, ValidationOptions } from 'class-validator';

export const ONE_LINE_MESSAGE = 'must be one line, without line breaks, tabs or other control characters';

/** A name or title of one line (the rule: isOneLine in libs/domain). */
export function OneLine(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isOneLine',
      validator: { validate: (value: unknown) => isOneLine(value), defaultMessage: () => ONE_LINE_MESSAGE },
    },
    options,
  );
}
