// @ts-check
'use strict';

/**
 * Reads one EXPLAIN (FORMAT JSON) plan for tools/bench/explain-at-scale.mjs (ADR 0043): the tables it
 * touches, every sequential scan of a large table, and whether its cost or its time is large.
 */

/** Defaults: a "large" table has more rows than this (pg_class.reltuples) … */
const LARGE_TABLE_ROWS = 10_000;
/** … a plan's estimated total cost above this is flagged (a seq scan of ~10k narrow rows costs ~200) … */
const LARGE_COST = 10_000;
/** … and so is a run above this many milliseconds (EXPLAIN ANALYZE of a read). */
const SLOW_MS = 100;

/**
 * @typedef {{ 'Node Type': string, 'Relation Name'?: string, 'Parallel Aware'?: boolean,
 *   'Total Cost'?: number, 'Plan Rows'?: number, 'Actual Rows'?: number, 'Actual Loops'?: number,
 *   Plans?: PlanNode[] }} PlanNode
 * @typedef {{ table: string, rows: number, parallel: boolean, actualRows: number | null }} SeqScan
 * @typedef {{ tables: string[], seqScans: SeqScan[], largeSeqScans: SeqScan[], cost: number,
 *   ms: number | null, flags: string[] }} PlanReading
 */

/**
 * Every node of a plan, depth first (subplans, init plans and CTEs are children in the JSON).
 * @param {PlanNode} node @returns {Generator<PlanNode>}
 */
function* nodes(node) {
  yield node;
  for (const child of node.Plans ?? []) yield* nodes(child);
}

/**
 * @param {{ Plan: PlanNode, 'Execution Time'?: number }} explained one element of EXPLAIN's JSON array
 * @param {Record<string, number>} tableRows reltuples by table name
 * @param {{ largeTableRows?: number, largeCost?: number, slowMs?: number }} [limits]
 * @returns {PlanReading}
 */
function readPlan(explained, tableRows, limits = {}) {
  const largeTableRows = limits.largeTableRows ?? LARGE_TABLE_ROWS;
  const largeCost = limits.largeCost ?? LARGE_COST;
  const slowMs = limits.slowMs ?? SLOW_MS;
  const tables = new Set();
  /** @type {SeqScan[]} */
  const seqScans = [];
  for (const node of nodes(explained.Plan)) {
    const table = node['Relation Name'];
    if (!table) continue;
    tables.add(table);
    if (node['Node Type'] === 'Seq Scan') {
      seqScans.push({
        table,
        rows: Math.round(tableRows[table] ?? 0),
        parallel: node['Parallel Aware'] === true,
        actualRows:
          node['Actual Rows'] === undefined ? null : node['Actual Rows'] * Math.max(1, node['Actual Loops'] ?? 1),
      });
    }
  }
  const largeSeqScans = seqScans.filter((scan) => scan.rows > largeTableRows);
  const cost = explained.Plan['Total Cost'] ?? 0;
  const ms = explained['Execution Time'] ?? null;
  const flags = [
    ...largeSeqScans.map(
      (scan) => `${scan.parallel ? 'Parallel Seq Scan' : 'Seq Scan'} on ${scan.table} (${formatRows(scan.rows)} rows)`,
    ),
    ...(cost > largeCost ? [`cost ${Math.round(cost).toLocaleString('en')}`] : []),
    ...(ms !== null && ms > slowMs ? [`${ms.toFixed(0)} ms`] : []),
  ];
  return { tables: [...tables].sort(), seqScans, largeSeqScans, cost, ms, flags };
}

/** 1234567 → "1.2M", 12345 → "12k". @param {number} rows */
function formatRows(rows) {
  if (rows >= 1e6) return `${(rows / 1e6).toFixed(1)}M`;
  if (rows >= 1e4) return `${Math.round(rows / 1e3)}k`;
  return String(rows);
}

/** The SQL cut to `max` characters on one line, for a Markdown table cell. @param {string} sql @param {number} [max] */
function shortSql(sql, max = 160) {
  const line = sql.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

module.exports = { LARGE_COST, LARGE_TABLE_ROWS, SLOW_MS, formatRows, readPlan, shortSql };
