// @ts-check
'use strict';

/**
 * The pure part of tools/bench/explain-at-scale.mjs (ADR 0043): which logged statements are the API's
 * queries, one shape per query whatever its ids or list lengths, and whether a statement may be run
 * under EXPLAIN ANALYZE. CommonJS so the tools' jest config can test it without a transform.
 */

const crypto = require('node:crypto');

/** The statement the e2e support writes to the log before each spec and test (statement-log.ts). */
const MARKER = /^SELECT \$1::text AS e2e_marker$/;

// Not queries of the API: transaction control, session settings, schema changes, and what TypeORM's
// migration runner asks of the catalog before it migrates.
const SKIPPED = [
  { reason: 'transaction', pattern: /^(BEGIN|START TRANSACTION|COMMIT|END|ABORT|ROLLBACK|SAVEPOINT|RELEASE)\b/i },
  {
    reason: 'session',
    pattern: /^(SET|RESET|SHOW|DISCARD|DEALLOCATE|LISTEN|UNLISTEN)\b|^SELECT current_database\(\)/i,
  },
  { reason: 'ddl', pattern: /^(CREATE|ALTER|DROP|COMMENT|TRUNCATE|GRANT|REVOKE|DO|LOCK|VACUUM|ANALYZE)\b/i },
  { reason: 'migrations', pattern: /\b(information_schema|pg_catalog|pg_namespace|pg_class|typeorm_metadata)\b/i },
  {
    reason: 'migrations',
    pattern: /\b(FROM|INTO) "?migrations"?(\s|$)|heardback:migrations|\bcurrent_schema\(\)|\bversion\(\)/i,
  },
];

/** The statement without the comments before it (a migration's SQL often starts with one). @param {string} sql */
function withoutLeadingComments(sql) {
  return sql.replace(/^(\s*(--[^\n]*(\n|$)|\/\*[\s\S]*?\*\/))*/, '').trim();
}

/** @param {string} sql @returns {string | null} why it is not one of the API's queries, or null */
function skipReason(sql) {
  const text = withoutLeadingComments(sql);
  if (MARKER.test(text)) return 'marker';
  for (const { reason, pattern } of SKIPPED) if (pattern.test(text)) return reason;
  return null;
}

/**
 * One key per query shape: whitespace collapsed, every parameter `$?`, and parameter lists of any
 * length (`IN ($3, $4, $5)`, multi-row `VALUES`) one entry, so the same query with another number of
 * ids, and so other parameter numbers after the list, is one shape.
 * @param {string} sql
 */
function normaliseSql(sql) {
  return sql
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\$\d+/g, '$?')
    .replace(/\(\$\?(?:, \$\?)+\)/g, '($?…)')
    .replace(/(\([^()]*\$\?[^()]*\))(?:, \1)+/g, '$1');
}

/** A short stable name for a shape, for the report and the triage notes. @param {string} key */
function shapeId(key) {
  return crypto.createHash('sha1').update(key).digest('hex').slice(0, 8);
}

// Statement starts and functions that change data or session state: such a statement gets plain
// EXPLAIN only (it is planned, never run), inside BEGIN … ROLLBACK.
const WRITES =
  /\b(INSERT|UPDATE|DELETE|MERGE|nextval|setval|pg_advisory\w*|pg_try_advisory\w*|pg_notify|set_config|FOR (NO KEY )?UPDATE|FOR (KEY )?SHARE)\b/i;

/** @param {string} sql */
function isRead(sql) {
  const text = withoutLeadingComments(sql);
  return /^(SELECT|WITH|VALUES|TABLE)\b/i.test(text) && !WRITES.test(text);
}

// Settings the API changes for one transaction that change the plan or its run time, so the explain
// sets them as the API had: the score turns JIT off (compiling a large statement can take seconds),
// and a report run with JIT on would time the compiler, not the query. The statement timeout is not
// mirrored: the explain sets its own.
const MIRRORED_SETTINGS = new Set(['jit']);
const SET_LOCAL = /^SET LOCAL (\w+)\s*(?:=|TO)\s*(?:'([\w.]+)'|"([\w.]+)"|([\w.]+))$/i;
const TRANSACTION_START = /^(BEGIN|START TRANSACTION)\b/i;
// Not `ROLLBACK [WORK | TRANSACTION] TO SAVEPOINT`, nor two-phase commit's `… PREPARED`.
const TRANSACTION_END = /^(COMMIT|END|ABORT|ROLLBACK)\b(?!(\s+(WORK|TRANSACTION))?\s+(TO|PREPARED)\b)/i;

/**
 * What one skipped statement does to its connection's mirrored settings: a transaction's start or end
 * clears them (a `SET LOCAL` lasts until then); a `SET LOCAL` of a mirrored setting records it, and
 * `DEFAULT` forgets it. A message may hold several statements (`START TRANSACTION; SET LOCAL …`).
 * Savepoints are not followed: a `SET LOCAL` undone by `ROLLBACK TO SAVEPOINT` is kept, and the API
 * does not do that.
 * @param {Record<string, string>} settings @param {string} text @returns {Record<string, string>}
 */
function followSettings(settings, text) {
  let next = settings;
  const parts = text
    .replace(/--[^\n]*/g, '')
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
  for (const part of parts) {
    if (TRANSACTION_START.test(part) || TRANSACTION_END.test(part)) next = {};
    const set = SET_LOCAL.exec(part);
    if (!set || !MIRRORED_SETTINGS.has(set[1].toLowerCase())) continue;
    const name = set[1].toLowerCase();
    const value = set[2] ?? set[3] ?? set[4];
    const { [name]: _forgotten, ...others } = next;
    next = value.toUpperCase() === 'DEFAULT' ? others : { ...others, [name]: value };
  }
  return next;
}

/**
 * @typedef {{ pid: string, sql: string, params: (string | null)[] | null }} LoggedStatement
 * @typedef {{ id: string, key: string, sql: string, params: (string | null)[] | null, read: boolean,
 *   count: number, sources: string[], settings: Record<string, string> }} Shape
 */

/**
 * The API's queries in `statements`, one entry per shape in order of first appearance, with the first
 * sample's SQL, parameters and mirrored `SET LOCAL` settings, how often it ran, and the markers
 * (spec › test) it ran under.
 * @param {LoggedStatement[]} statements
 * @param {{ maxSources?: number }} [options]
 * @returns {{ shapes: Shape[], skipped: Record<string, number> }}
 */
function collectShapes(statements, options = {}) {
  const maxSources = options.maxSources ?? 5;
  /** @type {Map<string, Shape & { allSources: Set<string> }>} */
  const byKey = new Map();
  /** @type {Record<string, number>} */
  const skipped = {};
  let source = '(before any test)';
  /** @type {Map<string, Record<string, string>>} per connection, what its open transaction set */
  const transactionSettings = new Map();
  for (const statement of statements) {
    const reason = skipReason(statement.sql);
    if (reason === 'marker') {
      source = String(statement.params?.[0] ?? source);
      continue;
    }
    if (reason) {
      skipped[reason] = (skipped[reason] ?? 0) + 1;
      if (reason === 'session' || reason === 'transaction') {
        const settings = followSettings(transactionSettings.get(statement.pid) ?? {}, statement.sql);
        transactionSettings.set(statement.pid, settings);
      }
      continue;
    }
    const key = normaliseSql(statement.sql);
    let shape = byKey.get(key);
    if (!shape) {
      shape = {
        id: shapeId(key),
        key,
        sql: statement.sql,
        params: statement.params,
        read: isRead(statement.sql),
        count: 0,
        sources: [],
        settings: transactionSettings.get(statement.pid) ?? {},
        allSources: new Set(),
      };
      byKey.set(key, shape);
    }
    shape.count += 1;
    shape.allSources.add(source);
  }
  const shapes = [...byKey.values()].map(({ allSources, ...shape }) => ({
    ...shape,
    sources: [...allSources]
      .slice(0, maxSources)
      .concat(allSources.size > maxSources ? [`… ${allSources.size - maxSources} more`] : []),
  }));
  return { shapes, skipped };
}

module.exports = { MIRRORED_SETTINGS, collectShapes, isRead, normaliseSql, shapeId, skipReason };
