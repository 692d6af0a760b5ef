/**
 * Words a candidate wrote, set apart in a plain-text email to the agency as a quotation: every line begins
 * with "> ", as mail readers quote. Nothing in them (a line that looks like our sign-off, a link, a
 * "security notice") can pass as what Heardback itself says, however many lines they run to.
 */
export function quotedWords(text: string): string {
  return text
    .trim()
    .split(/\r\n?|\n/)
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');
}
