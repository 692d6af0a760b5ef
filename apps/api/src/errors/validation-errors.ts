import { BadRequestException } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { FieldError } from '@heardback/contracts';
import { fieldLabel } from './field-labels';

/**
 * class-validator's default messages ("fullName must be longer than or equal to 2 characters"),
 * after their property name, said as a person would read them next to the field.
 */
const DEFAULT_SENTENCES: ReadonlyArray<[RegExp, (...values: string[]) => string]> = [
  [/^should not be empty$/, () => 'Fill this in.'],
  [/^should not be null or undefined$/, () => 'Fill this in.'],
  [/^must be shorter than or equal to (\d+) characters$/, (n) => `Write at most ${count(n)} characters.`],
  [/^must be longer than or equal to (\d+) characters$/, (n) => `Write at least ${count(n)} characters.`],
  [
    /^must be longer than or equal to (\d+) and shorter than or equal to (\d+) characters$/,
    (a, b) => `Write ${count(a)} to ${count(b)} characters.`,
  ],
  [/^must be an email$/, () => 'Enter an email address, such as name@example.com.'],
  [/^must be a string$/, () => 'Write this as text.'],
  [/^must be an integer number$/, () => 'Enter a whole number.'],
  [/^must be a number conforming to the specified constraints$/, () => 'Enter a number.'],
  [/^must not be less than (-?[\d.]+)$/, (n) => `Enter ${count(n)} or more.`],
  [/^must not be greater than (-?[\d.]+)$/, (n) => `Enter ${count(n)} or less.`],
  [/^must be one of the following values: (.+)$/, (values) => `Choose one of: ${values}.`],
  [/^must be a boolean value$/, () => 'Answer yes or no.'],
  [/^must be a UUID$/, () => 'This does not point to anything we know. Reload the page and choose again.'],
  [/^must be a valid ISO 8601 date string$/, () => 'Enter a date, such as 2027-01-31.'],
  [/^must be a URL address$/, () => 'Enter a web address starting with https://.'],
  [/^must be an array$/, () => 'Send a list here.'],
  [/^must contain no more than (\d+) elements$/, (n) => `Choose at most ${count(n)}.`],
  [/^must contain at least (\d+) elements$/, (n) => `Choose at least ${count(n)}.`],
  [/^must match .+ regular expression$/, () => 'This is not in the form we expect.'],
  // Our own DTOs' short reasons ("must not be empty: tell your recruiter in a few words"), said the same way.
  [/^must not be empty$/, () => 'Fill this in.'],
  [/^must not be empty: (.+)$/, (advice) => capitalise(advice)],
  [/^must be an email address$/, () => 'Enter an email address, such as name@example.com.'],
  [/^must be at least (\d+) characters$/, (n) => `Use at least ${count(n)} characters.`],
  [/^must be at most (\d+) characters$/, (n) => `Write at most ${count(n)} characters.`],
  [/^must be (\d+) to (\d+) characters$/, (a, b) => `Write ${count(a)} to ${count(b)} characters.`],
  [/^must be (true or false|yes or no)$/, () => 'Answer yes or no.'],
  [/^must be one of:? (.+)$/, (values) => `Choose one of: ${values}.`],
  [/^must answer (.+)$/, (question) => capitalise(`answer ${question}`)],
  [/^must have at most (\d+) (.+)$/, (n, things) => `Keep to ${count(n)} ${things} or fewer.`],
  [/^must be the id of (.+)$/, (thing) => `Choose ${thing}.`],
  [/^must be (an? .+)$/, (kind) => capitalise(`enter ${kind}`)],
  [/^((?:must|is|has|answers) .+)$/, (rule) => capitalise(`this ${rule}`)],
];

/**
 * Flattens class-validator's tree into one entry per field, with nested paths like `salary.min`,
 * each reason a sentence for a person, without the field's code name (the portal shows it at the field).
 * A reason several checks share ("Enter a whole number from 1 to 20." for the type and both bounds) is said once.
 */
export function toFieldErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints ? [{ field, reasons: reasonsOf(error, error.constraints) }] : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/**
 * The checks that say a field is missing. When the field is (absent, null or blank) and one of them failed,
 * it is all a person needs to read: "Write at most 120 characters." and "Write this as text." say nothing to
 * someone who wrote nothing. A list with a blank item fails `isNotEmpty` too (`each: true`) but is there,
 * so it gets every reason.
 */
const MISSING_CHECKS = ['isDefined', 'isNotEmpty'];

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function reasonsOf(error: ValidationError, constraints: Record<string, string>): string[] {
  const missing = isMissing(error.value) ? MISSING_CHECKS.filter((check) => check in constraints) : [];
  const failed = missing.length > 0 ? missing : Object.keys(constraints);
  return [...new Set(failed.map((check) => toSentence(constraints[check], error.property)))];
}

/**
 * The most fields one refusal names. A form has far fewer; a body or query built to have every item wrong
 * (request-bodies.ts bounds how many a body can hold) gets the first ones, not an answer as large as it.
 */
export const MAX_FIELD_ERRORS = 50;

/** The 400 for fields that are wrong: at most MAX_FIELD_ERRORS of them, each named, and one message. */
export function fieldRefusal(details: readonly FieldError[]): BadRequestException {
  const named = details.slice(0, MAX_FIELD_ERRORS);
  return new BadRequestException({ message: validationSummary(named), details: named });
}

/** The one message for a refused body: each field's reasons, named by its label when there are several. */
export function validationSummary(details: readonly FieldError[]): string {
  if (details.length === 1) {
    return details[0].reasons.join(' ');
  }
  const parts = details.map(({ field, reasons }) => `${fieldLabel(field)}: ${reasons.join(' ')}`);
  return `Some answers need changing. ${parts.join(' ')}`;
}

/**
 * A refusal raised by a rule (`fieldError('to', 'must not be before from')`), said the same way as
 * the validation pipe's: each reason a sentence, and the message without the field's code name.
 */
export function inPersonWords(
  message: string,
  details: readonly FieldError[],
): { message: string; details: FieldError[] } {
  const said = details.map(({ field, reasons }) => ({
    field,
    reasons: reasons.map((reason) => toSentence(reason, field.split('.').at(-1) ?? field)),
  }));
  const codeWorded = details.some(({ field }) => message.startsWith(`${field}: `));
  return { message: codeWorded ? validationSummary(said) : message, details: said };
}

/** "text must be shorter than or equal to 2000 characters" → "Write at most 2,000 characters." */
export function toSentence(message: string, property: string): string {
  if (message === `property ${property} should not exist`) {
    return 'This is not something we ask for. Remove it and send again.';
  }
  const rest = withoutProperty(message, property);
  for (const [pattern, say] of DEFAULT_SENTENCES) {
    const match = pattern.exec(rest);
    if (match) {
      return say(...match.slice(1));
    }
  }
  return capitalise(rest);
}

/** "type your password to confirm" → "Type your password to confirm." */
function capitalise(words: string): string {
  const capitalised = words.charAt(0).toUpperCase() + words.slice(1);
  return /[.!?][”"]?$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

function withoutProperty(message: string, property: string): string {
  for (const prefix of [`each value in ${property} `, `${property} `, `nested property ${property} `]) {
    if (message.startsWith(prefix)) {
      return message.slice(prefix.length);
    }
  }
  return message;
}

function count(value: string): string {
  return Number(value).toLocaleString('en-GB');
}
