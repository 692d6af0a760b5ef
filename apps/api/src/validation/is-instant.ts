import { isRealDateTime, isWithinNamedDateYears, OUTSIDE_NAMED_DATE_YEARS } from '@heardback/domain';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** RFC 3339's date-time, with its parts captured: date, time, optional fraction, then Z or an offset. */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/** Why a request's date and time cannot be taken: not one at all, or outside the years we keep. */
export type InstantProblem = 'not-an-instant' | 'outside-the-years';

/**
 * What is wrong with `text` as a date and time a request names, or null when it is an RFC 3339 date
 * and time that names a real instant within NAMED_DATE_YEARS. RFC 3339's grammar (and
 * class-validator's IsRFC3339) takes "2026-02-30T10:00:00Z", which JavaScript reads as 2 March, and
 * the leap second "…T23:59:60Z", which it cannot read at all: both would be a wrong date or a
 * misleading refusal further on, so both are refused here, with the field's own words.
 * "9999-12-31T23:59:59-23:59" is a real instant in the year 10000: refused as outside the years.
 */
export function instantProblem(text: unknown): InstantProblem | null {
  if (typeof text !== 'string') return 'not-an-instant';
  const parts = RFC3339.exec(text);
  if (!parts) return 'not-an-instant';
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number);
  const offsetHours = parts[8] === undefined ? 0 : Number(parts[8]);
  const offsetMinutes = parts[9] === undefined ? 0 : Number(parts[9]);
  const at = Date.parse(text);
  const real =
    isRealDateTime(year, month, day, hour, minute, second) &&
    offsetHours <= 23 &&
    offsetMinutes <= 59 &&
    !Number.isNaN(at);
  if (!real) return 'not-an-instant';
  return isWithinNamedDateYears(at) ? null : 'outside-the-years';
}

export function isInstant(text: unknown): boolean {
  return instantProblem(text) === null;
}

/**
 * A date and time such as 2026-12-01T17:00:00Z that names a real instant within the years we keep;
 * `message` says what to send when it is not a date and time at all.
 */
export function IsInstant(message: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown) => isInstant(value),
        defaultMessage: (args) =>
          instantProblem(args?.value) === 'outside-the-years' ? OUTSIDE_NAMED_DATE_YEARS : message,
      },
    },
    options,
  );
}
