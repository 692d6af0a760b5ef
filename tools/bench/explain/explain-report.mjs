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
  const flagsOf = (/** @type {any} */ shape, /** @type {string[]} */ plans = ['custom', 'run', 'generic']) =>
    plans.flatMap((plan) => (shape[plan]?.flags ?? []).map((/** @type {string} */ flag) => `${plan}: ${flag}`));
  // The API's statements are unnamed, so PostgreSQL plans each with its parameters (the custom plan):
  // what it really runs. A flag only the generic plan has is worth knowing, not a finding.
  const flagged = explained.filter((shape) => flagsOf(shape, ['custom', 'run']).length > 0);
  const genericOnly = explained.filter(
    (shape) => flagsOf(shape, ['custom', 'run']).length === 0 && flagsOf(shape, ['generic']).length > 0,
  );
  const failed = explained.filter((shape) => shape.error);
  const large = Object.entries(run.tableRows)
    .filter(([, rows]) => rows > LARGE_TABLE_ROWS)
    .sort((a, b) => b[1] - a[1])
    .map(([table, rows]) => `${table} ${formatRows(rows)}`);
  const verdict = (/** @type {any} */ shape) =>
    triage[shape.id] ? `**${triage[shape.id].path}**: ${triage[shape.id].note}` : '_not triaged_';
  const costs = (/** @type {any} */ shape) =>
    shape.custom ? `${Math.round(shape.custom.cost)} / ${Math.round(shape.generic.cost)}` : '';
  const flaggedRow = (/** @type {any} */ shape, /** @type {string[]} */ flags) =>
    `| ${shape.id} | \`${shortSql(shape.sql, 140)}\` | ${from(shape.sources)} | ${flags.join('<br>')} | ` +
    `${costs(shape)} | ${time(shape.run?.ms)} | ${verdict(shape)} |`;

  const text = `# Every query of the API, EXPLAINed at scale

\`\`\`sh
${run.command}
\`\`\`

Rewritten by every run of \`tools/bench/explain-at-scale.mjs\`
([ADR 0043](adr/0043-every-query-explained-at-scale.md)). The API's own test suite runs with
\`E2E_LOG_STATEMENTS=1\`; every statement the API sent is read back from PostgreSQL's log, folded into
one shape per query, and EXPLAINed on the bench database below, inside \`BEGIN … ROLLBACK\` (writes are
planned, never run): the **custom plan** (planned with the test's parameters, as PostgreSQL plans
the API's unnamed statements), the **generic plan** (\`plan_cache_mode = force_generic_plan\`: the
plan for any parameters) and, for reads, one **run** (\`EXPLAIN ANALYZE\`, custom plan, read-only,
${run.options.timeoutMs} ms timeout${run.options.analyze ? '' : ': off for this run'}).
Flagged: a sequential scan of a table over ${formatRows(LARGE_TABLE_ROWS)} rows (\`pg_class.reltuples\`),
an estimated cost over ${formatRows(LARGE_COST)}, a run over ${SLOW_MS} ms. The test ids rarely exist in
the bench data, so a run mostly shows the cost of finding nothing: the plans are the check.
Triggers' own queries are not shown by EXPLAIN.

- Captured: ${captured.date.slice(0, 16).replace('T', ' ')} UTC, specs \`${captured.specs}\`: ${captured.statements} statements,
  ${explained.length} shapes (skipped: ${
    Object.entries(captured.skipped)
      .map(([reason, n]) => `${reason} ${n}`)
      .join(', ') || 'none'
  }).
- Explained on \`${run.database}\` (${run.dataset.jobs} jobs, dataset v${run.dataset.version}): ${flagged.length} shapes flagged in the plan the API gets,
  ${genericOnly.length} more only in the generic plan, ${failed.length} could not be explained.
- Large tables: ${large.join(', ')}.

## Flagged

| id | statement | from (spec › test) | flags | cost (custom / generic) | run | triage |
| --- | --- | --- | --- | --- | --- | --- |
${flagged.map((shape) => flaggedRow(shape, flagsOf(shape))).join('\n')}

## Flagged only in the generic plan

| id | statement | from (spec › test) | flags | cost (custom / generic) | run | triage |
| --- | --- | --- | --- | --- | --- | --- |
${genericOnly.map((shape) => flaggedRow(shape, flagsOf(shape, ['generic']))).join('\n')}

## Could not be explained

${failed.length ? failed.map((shape) => `- ${shape.id} \`${shortSql(shape.sql, 100)}\`: ${shape.error}`).join('\n') : 'None.'}

## Every shape

| id | runs | kind | tables | cost (custom / generic) | run | flags | from |
| --- | --- | --- | --- | --- | --- | --- | --- |
${explained
  .map(
    (shape) =>
      `| ${shape.id} | ${shape.count} | ${shape.read ? 'read' : 'write'} | ${(shape.custom?.tables ?? []).join(', ')} | ` +
      `${costs(shape)} | ${time(shape.run?.ms)} | ${flagsOf(shape).length ? 'yes' : ''} | ${from(shape.sources)} |`,
  )
  .join('\n')}

## Statements

${explained.map((shape) => `- **${shape.id}** \`${shortSql(shape.sql, 300)}\``).join('\n')}
`;
  writeFileSync(file, text);
}
