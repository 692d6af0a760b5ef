// @ts-check
'use strict';

/**
 * Reads what a database's migrations built from pg_catalog: every schema but PostgreSQL's own, without the
 * objects extensions bring and without any data. Sorting and layout are format-schema.cjs's job.
 */

/**
 * @typedef {{
 *   name: string, type: string, collation: string | null, notNull: boolean,
 *   default: string | null, identity: string, generated: string,
 * }} Column
 * @typedef {{ name: string, definition: string }} Named
 * @typedef {{ name: string, kind: string, columns: Column[], constraints: Named[], indexes: Named[], triggers: Named[], options: string[] }} Table
 * @typedef {{
 *   extensions: string[],
 *   schemas: string[],
 *   tables: Table[],
 *   views: Named[],
 *   sequences: Named[],
 *   types: Named[],
 *   functions: Named[],
 * }} SchemaFacts
 */

/** Schemas that are PostgreSQL's, not ours. */
const SYSTEM_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`;
/** Objects an extension created (CREATE EXTENSION "uuid-ossp" brings a dozen functions). */
const NOT_FROM_EXTENSION = (/** @type {string} */ catalog, /** @type {string} */ oid) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;

/**
 * Qualified as `schema.name` unless in public.
 * @param {string} schema
 * @param {string} name
 */
function qualified(schema, name) {
  return schema === 'public' ? name : `${schema}.${name}`;
}

/**
 * @param {import('pg').ClientBase} client
 * @returns {Promise<SchemaFacts>}
 */
async function readSchema(client) {
  // Definitions name objects relative to the search path and print constants in the session's time zone and
  // styles: the same settings every time, so the same text on every machine.
  await client.query(
    `SET search_path = public; SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'`,
  );
  /** @param {string} sql */
  const rows = async (sql) => (await client.query(sql)).rows;

  const extensions = (await rows(`SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'`)).map((r) => r.extname);
  const schemas = (await rows(`SELECT n.nspname FROM pg_namespace n WHERE ${SYSTEM_SCHEMAS}`)).map((r) => r.nspname);

  const relations = await rows(`
    SELECT c.oid, n.nspname AS schema, c.relname AS name, c.relkind AS kind, c.reloptions AS options
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE ${SYSTEM_SCHEMAS} AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND ${NOT_FROM_EXTENSION('pg_class', 'c.oid')}`);

  const columns = await rows(`
    SELECT a.attrelid AS oid, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
           a.attnotnull AS "notNull", pg_get_expr(ad.adbin, ad.adrelid) AS default,
           a.attidentity AS identity, a.attgenerated AS generated,
           (SELECT co.collname FROM pg_collation co JOIN pg_type ty ON ty.oid = a.atttypid
             WHERE co.oid = a.attcollation AND a.attcollation <> ty.typcollation) AS collation
    FROM pg_attribute a LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
    WHERE a.attnum > 0 AND NOT a.attisdropped
    ORDER BY a.attrelid, a.attnum`);
  // contype 'n': PostgreSQL 18 records NOT NULL as constraints too; the columns already say it.
  const constraints = await rows(`
    SELECT conrelid AS oid, conname AS name, pg_get_constraintdef(oid) AS definition
    FROM pg_constraint WHERE conrelid <> 0 AND contype <> 'n'`);
  const indexes = await rows(`
    SELECT i.indrelid AS oid, c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid`);
  const triggers = await rows(`
    SELECT tgrelid AS oid, tgname AS name, pg_get_triggerdef(oid) AS definition
    FROM pg_trigger WHERE NOT tgisinternal`);
  const sequences = await rows(`
    SELECT s.seqrelid AS oid, format_type(s.seqtypid, NULL) AS type, s.seqstart AS start, s.seqincrement AS increment,
           (SELECT a.attrelid::regclass || '.' || quote_ident(a.attname)
              FROM pg_depend d JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
             WHERE d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid AND d.deptype IN ('a', 'i')) AS "ownedBy"
    FROM pg_sequence s`);
  const views = await rows(
    `SELECT c.oid, pg_get_viewdef(c.oid) AS definition FROM pg_class c WHERE c.relkind IN ('v', 'm')`,
  );

  const types = await rows(`
    SELECT n.nspname AS schema, t.typname AS name, t.typtype AS kind,
           (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid) AS labels,
           format_type(t.typbasetype, t.typtypmod) AS base
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE ${SYSTEM_SCHEMAS} AND t.typtype IN ('e', 'd') AND ${NOT_FROM_EXTENSION('pg_type', 't.oid')}`);
  const functions = await rows(`
    SELECT n.nspname AS schema, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name,
           pg_get_functiondef(p.oid) AS definition
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE ${SYSTEM_SCHEMAS} AND p.prokind IN ('f', 'p', 'w') AND ${NOT_FROM_EXTENSION('pg_proc', 'p.oid')}`);

  /** @param {any[]} list @param {number} oid @returns {any[]} */
  const of = (list, oid) => list.filter((row) => row.oid === oid);
  /** @param {any[]} list @returns {Named[]} */
  const named = (list) => list.map((row) => ({ name: row.name, definition: row.definition }));

  const tableKinds = { r: 'table', p: 'partitioned table' };
  return {
    extensions,
    schemas,
    tables: relations
      .filter((r) => r.kind in tableKinds)
      .map((r) => ({
        name: qualified(r.schema, r.name),
        kind: tableKinds[/** @type {'r'|'p'} */ (r.kind)],
        // Storage settings such as fillfactor (ADR 0065): part of how the table behaves under updates.
        options: r.options ?? [],
        columns: of(columns, r.oid).map((c) => ({
          name: c.name,
          type: c.type,
          collation: c.collation,
          notNull: c.notNull,
          default: c.default,
          identity: c.identity,
          generated: c.generated,
        })),
        constraints: named(of(constraints, r.oid)),
        indexes: named(of(indexes, r.oid)),
        triggers: named(of(triggers, r.oid)),
      })),
    views: relations
      .filter((r) => r.kind === 'v' || r.kind === 'm')
      .map((r) => ({
        name: `${r.kind === 'm' ? 'materialized view' : 'view'} ${qualified(r.schema, r.name)}`,
        definition: of(views, r.oid)[0]?.definition ?? '',
      })),
    sequences: relations
      .filter((r) => r.kind === 'S')
      .map((r) => {
        const s = of(sequences, r.oid)[0];
        const owned = s?.ownedBy ? `, owned by ${s.ownedBy}` : '';
        return {
          name: qualified(r.schema, r.name),
          definition: `${s?.type} start ${s?.start} increment ${s?.increment}${owned}`,
        };
      }),
    types: types.map((t) => ({
      name: qualified(t.schema, t.name),
      definition: t.kind === 'e' ? `enum (${t.labels ?? ''})` : `domain over ${t.base}`,
    })),
    functions: functions.map((f) => ({ name: qualified(f.schema, f.name), definition: f.definition })),
  };
}

module.exports = { readSchema };
