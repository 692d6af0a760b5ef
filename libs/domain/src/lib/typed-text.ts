/** A space of any kind, or an invisible format character: zero-width space and joiners, the BOM, bidi marks. */
const EDGE = /^[\s\p{Cf}]$/u;

/**
 * Rule: typed text is kept without spaces or invisible characters at its ends. So a message of nothing
 * but a zero-width space is empty, and refused as empty, instead of reaching a candidate as a rejection
 * "with words" that shows none. Invisible characters inside the text stay: an emoji's joiners are there.
 * Walked character by character, not by a regular expression, so its cost stays linear in any input.
 */
export function trimTyped(text: string): string {
  const characters = Array.from(text);
  let start = 0;
  let end = characters.length;
  while (start < end && EDGE.test(characters[start])) start += 1;
  while (end > start && EDGE.test(characters[end - 1])) end -= 1;
  return start === 0 && end === characters.length ? text : characters.slice(start, end).join('');
}
