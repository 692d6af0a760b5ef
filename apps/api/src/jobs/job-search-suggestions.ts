import type { TimedStatements } from '../database/statement-timeout';
import { BoardFilter, boardConditions } from './job-board-query';
import { correctableWords, toPrefixTsQuery, withCorrections } from './job-search-terms';

/**
 * "Did you mean": for a search that found nothing, each typed word that begins no word of an open
 * job's title, location or client (job_search_words) is replaced by the most similar one (pg_trgm,
 * at its default similarity of 0.3). The corrected search is offered only if it finds a job with
 * the same filters, so a suggestion never leads to another empty page. Prefix matching already
 * covers unfinished words ("Lond"); this covers typos ("Londn"), which a prefix cannot.
 */
export async function didYouMean(manager: TimedStatements, typed: string, filter: BoardFilter): Promise<string | null> {
  const words = correctableWords(typed);
  if (words.length === 0) return null;
  const rows: { word: string; known: boolean; nearest: string | null }[] = await manager.query(
    `SELECT typed.word,
            EXISTS (SELECT 1 FROM job_search_words w WHERE w.word LIKE typed.word || '%') AS known,
            (SELECT w.shown FROM job_search_words w
              WHERE w.word % typed.word
              ORDER BY similarity(w.word, typed.word) DESC, w.word
              LIMIT 1) AS nearest
       FROM unnest($1::text[]) AS typed(word)`,
    [words],
  );
  const corrections = new Map(
    rows
      .filter((row) => !row.known && row.nearest !== null && row.nearest.toLowerCase() !== row.word)
      .map((row) => [row.word, row.nearest as string]),
  );
  if (corrections.size === 0) return null;
  const suggestion = withCorrections(typed, corrections);
  const { where, params } = boardConditions({ ...filter, tsQuery: toPrefixTsQuery(suggestion) });
  // Materialised, as the board's count is, so a rare word is looked up in the index rather than
  // sought by reading jobs until one matches.
  const [{ found }]: { found: boolean }[] = await manager.query(
    `WITH matches AS MATERIALIZED (SELECT 1 FROM jobs j WHERE ${where}) SELECT EXISTS (SELECT 1 FROM matches) AS found`,
    params,
  );
  return found ? suggestion : null;
}
