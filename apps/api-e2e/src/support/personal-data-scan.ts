import { database } from './database';

/** One column of one table that still holds one of the words searched for. */
export interface PersonalDataHit {
  column: string;
  word: string;
  rows: number;
}

/** Column types that can hold words: text and its kin, JSON, bytes (a CV), and arrays of text. */
const WORD_TYPES = `(c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
   OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar', '_bpchar')))`;

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Searches every word-holding column of every table in the database, whatever its schema, for any
 * of `words` (case-insensitive). The columns are read from information_schema at the time of the
 * call, so a table added later is searched without changing this.
 */
export async function findPersonalData(words: readonly string[]): Promise<PersonalDataHit[]> {
  const { rows: columns } = await database().query<{
    table_schema: string;
    table_name: string;
    column_name: string;
    data_type: string;
  }>(
    `SELECT c.table_schema, c.table_name, c.column_name, c.data_type
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE t.table_type = 'BASE TABLE'
        AND c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.table_schema NOT LIKE 'pg_toast%'
        AND ${WORD_TYPES}
      ORDER BY c.table_schema, c.table_name, c.column_name`,
  );
  if (columns.length < 20) throw new Error(`Only ${columns.length} text columns found: the scan is not looking`);
  const hits: PersonalDataHit[] = [];
  for (const column of columns) {
    const name = `${column.table_schema}.${column.table_name}.${column.column_name}`;
    // Bytes are searched as they are stored, and as text (escape encoding keeps ASCII readable).
    const asText =
      column.data_type === 'bytea'
        ? `encode(scanned.${quoted(column.column_name)}, 'escape')`
        : `scanned.${quoted(column.column_name)}::text`;
    const { rows } = await database().query<{ word: string; n: number }>(
      `SELECT pattern.word, count(*)::int AS n
         FROM ${quoted(column.table_schema)}.${quoted(column.table_name)} AS scanned,
              unnest($1::text[], $2::text[]) AS pattern(word, like_pattern)
        WHERE ${asText} ILIKE pattern.like_pattern
        GROUP BY pattern.word`,
      [words, words.map((word) => `%${word.replace(/[\\%_]/g, '\\$&')}%`)],
    );
    for (const row of rows) hits.push({ column: name, word: row.word, rows: row.n });
  }
  return hits;
}
