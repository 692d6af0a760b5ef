import { isRealDateTime } from '@heardback/domain';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** RFC 3339's date-time, with its parts captured: date, time, optional fraction, then Z or an offset. */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/**
 * Whether `text` is an RFC 3339 date and time that names a real instant. RFC 3339's grammar (and
 * class-validator's IsRFC3339) takes "2026-02-30T10:00:00Z", which JavaScript reads as 2 March, and
 * the leap second "…T23:59:60Z", which it cannot read at all: both would be a wrong date or a
 * misleading refusal further on, so both are refused here, with the field's own words.
 */
export function isInstant(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  const parts = RFC3339.exec(text);
  if (!parts) return false;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number);
  const offsetHours = parts[8] === undefined ? 0 : Number(parts[8]);
  const offsetMinutes = parts[9] === undefined ? 0 : Number(parts[9]);
  return (
    isRealDateTime(year, month, day, hour, minute, second) &&
    offsetHours <= 23 &&
    offsetMinutes <= 59 &&
    !Number.isNaN(Date.parse(text))
  );
}

/** A date and time such as 2026-12-01T17:00:00Z that names a real instant; `message` says what to send. */
export function IsInstant(message: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isInstant', validator: { validate: (value: unknown) => isInstant(value), defaultMessage: () => message } },
    options,
  );
}
