import { ValidateBy, ValidationOptions } from 'class-validator';

/** Any control character: line breaks, tabs, NUL and the rest of Unicode's Cc category. */
const CONTROL_CHARACTER = /\p{Cc}/u;

/**
 * A name or title is one line of text. Names go into email greetings and subjects, CSV cells, page
 * headings and the candidate's timeline; a line break or another control character in one only ever
 * breaks those (it cannot reach a mail header: they are encoded), so it is refused where it is typed.
 */
export function isOneLine(value: unknown): boolean {
  return typeof value === 'string' && !CONTROL_CHARACTER.test(value);
}

export const ONE_LINE_MESSAGE = 'must be one line, without line breaks, tabs or other control characters';

export function OneLine(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isOneLine',
      validator: { validate: (value: unknown) => isOneLine(value), defaultMessage: () => ONE_LINE_MESSAGE },
    },
    options,
  );
}
