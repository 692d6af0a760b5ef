/**
 * Words a candidate wrote, set apart in a plain-text email to the agency as a quotation: every line begins
 * with "> ", as mail readers quote. Nothing in them (a line that looks like our sign-off, a link, a
 * "security notice") can pass as what Heardback itself says, however many lines they run to.
 */
export function quotedWords(text: string): string {
  return (
    text
      .trim()
      // Every line break a mail reader may show as one, not only CR and LF.
      .split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/)
      .map((line) => `> ${line}`.trimEnd())
      .join('\n')
  );
}
