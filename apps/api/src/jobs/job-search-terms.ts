/**
 * Turns what a person types into a PostgreSQL prefix tsquery ("type eng" → "type:* & eng:*"),
 * so a search box finds "engineer" from "engin". Only letters and digits survive, so the
 * result is always a valid tsquery. Returns null when nothing searchable is left.
 */
export function toPrefixTsQuery(text: string): string | null {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, 12)
    .map((word) => `${word.toLowerCase()}:*`)
    .join(' & ');
}

/** Escapes LIKE wildcards so a location filter matches the text as typed. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`);
}
