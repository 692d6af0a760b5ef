// docs/explain-at-scale.md, rewritten by every run of tools/bench/explain-at-scale.mjs (ADR 0043).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { LARGE_COST, LARGE_TABLE_ROWS, SLOW_MS, formatRows, shortSql } = require('./plan-flags.cjs');

const TRIAGE_FILE = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, 'triage.json');

/** Hand-written verdicts by shape id (a changed query gets a new id, and shows as not triaged). */
function triageNotes() {
  return existsSync(TRIAGE_FILE) ? JSON.parse(readFileSync(TRIAGE_FILE, 'utf8')) : {};
}

/** @param {number | null | undefined} ms */
const time = (ms) => (ms === null || ms === undefined ? '' : `${ms < 10 ? ms.toFixed(2) : ms.toFixed(0)} ms`);

/** @param {string[]} sources */
const from = (sources) =>
  sources
    .slice(0, 2)
    .map((source) => shortSql(source, 70))
    .join('<br>') + (sources.length > 2 ? ' …' : '');

/**
 * @param {string} file
 * @param {{ command: string, captured: any, database: string, dataset: any, tableRows: Record<string, number>,
 *   explained: any[], options: { analyze: boolean, timeoutMs: number } }} run
 */
export function writeExplainReport(file, run) {
  const triage = triageNotes();
  const { captured, explained } = run;
  const flagsOf = (/** @type {any} */ shape) => [
    ...(shape.generic?.flags ?? []).map((/** @type {string} */ flag) => `generic: ${flag}`),
    ...(shape.custom?.flags ?? []).map((/** @type {string} */ flag) => `run: ${flag}`),
  ];
  const flagged = explained.filter((shape) => flagsOf(shape).length > 0);
  const failed = explained.filter((shape) => shape.error);
  const large = Object.entries(run.tableRows)
    .filter(([, rows]) => rows > LARGE_TABLE_ROWS)
    .sort((a, b) => b[1] - a[1])
    .map(([table, rows]) => `${table} ${formatRows(rows)}`);
  const verdict = (/** @type {any} */ shape) =>
    triage[shape.id] ? `**${triage[shape.id].path}**: ${triage[shape.id].note}` : '_not triaged_';

  const text = `# Every query of the API, EXPLAINed at scale

\`\`\`sh
${run.command}
\`\`\`

Rewritten by every run of \`tools/bench/explain-at-scale.mjs\`
([ADR 0043](adr/0043-every-query-explained-at-scale.md)). The API's own test suite runs with
\`E2E_LOG_STATEMENTS=1\`; every statement the API sent is read back from PostgreSQL's log, folded into
one shape per query, and EXPLAINed on the bench database below: the **generic plan** (what the API
gets for any ids; writes are planned, never run, inside \`BEGIN … ROLLBACK\`) and, for reads, one
**run** (\`EXPLAIN ANALYZE\`, custom plan with the test's parameters, read-only, ${run.options.timeoutMs} ms timeout${run.options.analyze ? '' : ': off for this run'}).
Flagged: a sequential scan of a table over ${formatRows(LARGE_TABLE_ROWS)} rows (\`pg_class.reltuples\`),
an estimated cost over ${formatRows(LARGE_COST)}, a run over ${SLOW_MS} ms. The test ids rarely exist in
the bench data, so a run mostly shows the cost of finding nothing; the generic plan is the check.
Triggers' own queries are not shown by EXPLAIN.

- Captured: ${captured.date.slice(0, 16).replace('T', ' ')} UTC, specs \`${captured.specs}\`: ${captured.statements} statements,
  ${explained.length} shapes (skipped: ${
    Object.entries(captured.skipped)
      .map(([reason, n]) => `${reason} ${n}`)
      .join(', ') || 'none'
  }).
- Explained on \`${run.database}\` (${run.dataset.jobs} jobs, dataset v${run.dataset.version}): ${flagged.length} shapes flagged, ${failed.length} could not be explained.
- Large tables: ${large.join(', ')}.

## Flagged

| id | statement | from (spec › test) | flags | generic cost | run | triage |
| --- | --- | --- | --- | --- | --- | --- |
${flagged
  .map(
    (shape) =>
      `| ${shape.id} | \`${shortSql(shape.sql, 140)}\` | ${from(shape.sources)} | ${flagsOf(shape).join('<br>')} | ` +
      `${Math.round(shape.generic?.cost ?? 0)} | ${time(shape.custom?.ms)} | ${verdict(shape)} |`,
  )
  .join('\n')}

## Could not be explained

${failed.length ? failed.map((shape) => `- ${shape.id} \`${shortSql(shape.sql, 100)}\`: ${shape.error}`).join('\n') : 'None.'}

## Every shape

| id | runs | kind | tables | generic cost | run | flags | from |
| --- | --- | --- | --- | --- | --- | --- | --- |
${explained
  .map(
    (shape) =>
      `| ${shape.id} | ${shape.count} | ${shape.read ? 'read' : 'write'} | ${(shape.generic?.tables ?? []).join(', ')} | ` +
      `${shape.generic ? Math.round(shape.generic.cost) : ''} | ${time(shape.custom?.ms)} | ${flagsOf(shape).length ? 'yes' : ''} | ${from(shape.sources)} |`,
  )
  .join('\n')}

## Statements

${explained.map((shape) => `- **${shape.id}** \`${shortSql(shape.sql, 300)}\``).join('\n')}
`;
  writeFileSync(file, text);
}
