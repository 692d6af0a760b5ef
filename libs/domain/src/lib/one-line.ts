/** Any control character: line breaks, tabs, NUL and the rest of Unicode's Cc category. */
const CONTROL_CHARACTER = /\p{Cc}/u;

/**
 * Rule: a name or title is one line of text. Names go into email greetings and subjects, CSV cells,
 * page headings and the candidate's timeline; a line break or another control character in one only
 * ever breaks those (it cannot reach a mail header: they are encoded), so it is refused where typed.
 */
export function isOneLine(value: unknown): boolean {
  return typeof value === 'string' && !CONTROL_CHARACTER.test(value);
}
