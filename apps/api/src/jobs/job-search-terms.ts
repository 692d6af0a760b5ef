/** A run of letters or digits: what the search document (job_search_document in the migrations) keeps as a word. */
const WORD = /[\p{L}\p{N}]+/gu;
/** More words than anyone types into a job search; the rest are ignored. */
const MAX_WORDS = 12;

/**
 * Turns what a person types into a PostgreSQL tsquery in which every word must match: "engineer
 * london" → "engineer & london:*". Words are split exactly as the search document splits them (at
 * anything that is not a letter or a digit), so "Node.js" → "node & js". The last word is matched
 * as a prefix, since it may still be being typed ("engin" finds "engineer"); the others whole, as
 * stemmed words, which the GIN index looks up directly and the planner can estimate (a prefix costs
 * a scan of every matching word, and is always guessed at 0.5 % of jobs). A single letter is never
 * a prefix: it would match almost every job. Only letters and digits survive, so the result is
 * always a valid tsquery. Null when nothing searchable is left.
 */
export function toPrefixTsQuery(text: string): string | null {
  const words = (text.normalize('NFKC').match(WORD) ?? []).slice(0, MAX_WORDS).map((word) => word.toLowerCase());
  if (words.length === 0) return null;
  return words.map((word, index) => (index === words.length - 1 && word.length > 1 ? `${word}:*` : word)).join(' & ');
}

/** The words of a search a "did you mean" may correct: lower case, once each, long enough to have near misses. */
export function correctableWords(text: string): string[] {
  const words = (text.normalize('NFKC').match(WORD) ?? []).map((word) => word.toLowerCase());
  return [...new Set(words)].filter((word) => word.length >= 3 && word.length <= 40).slice(0, MAX_WORDS);
}

/** The search as typed, with each corrected word replaced ("Senior Londn" → "Senior London"). */
export function withCorrections(text: string, corrections: ReadonlyMap<string, string>): string {
  return text
    .normalize('NFKC')
    .trim()
    .replace(WORD, (word) => corrections.get(word.toLowerCase()) ?? word);
}

/** Escapes LIKE wildcards so a location filter matches the text as typed. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`);
}
