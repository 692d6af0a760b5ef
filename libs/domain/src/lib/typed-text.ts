/**
 * Characters that show nothing: spaces of every kind (`\s`), the soft hyphen, the Mongolian vowel
 * separator, zero-width space, non-joiner and joiner, the direction marks and embeddings, the word
 * joiner and invisible operators, the isolates, and the byte-order mark. All in the BMP, so a text is
 * walked by UTF-16 unit. Not all of Unicode's format category: that holds the tags that draw the flags of
 * Scotland, England and Wales, and marks that show.
 */
const INVISIBLE = /[\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;

/**
 * Rule: typed text is kept without invisible characters at its ends. So a message of nothing but a
 * zero-width space is empty, and refused as empty, instead of reaching a candidate as a rejection
 * "with words" that shows none. Invisible characters inside the text stay: an emoji's joiners are there.
 * Walked from both ends, so its cost is what it trims, whatever the text's length.
 */
export function trimTyped(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && INVISIBLE.test(text[start])) start += 1;
  while (end > start && INVISIBLE.test(text[end - 1])) end -= 1;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
