import { isTimeZone } from '@heardback/domain';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** An IANA time zone name this runtime knows, such as "Europe/London". */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimeZone',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isTimeZone(value),
        defaultMessage: () => 'must be a time zone name such as Europe/London or America/New_York',
      },
    },
    options,
  );
}
