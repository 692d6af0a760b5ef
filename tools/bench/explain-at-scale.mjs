// Every query the API runs in its own test suite, EXPLAINed on a bench dataset (ADR 0043):
//
//   node tools/bench/explain-at-scale.mjs --capture [--specs=<jest path regex>]   run the API tests, log, explain
//   node tools/bench/explain-at-scale.mjs --log-from=<byte offset>                  read a run already logged
//   node tools/bench/explain-at-scale.mjs                                            explain the last capture again
//   … [--database=heardback_bench_1m] [--no-analyze] [--timeout-ms=5000] [--pg-log=<file>] [--out=docs/explain-at-scale.md]
//
// Capture: the API test suite runs with E2E_LOG_STATEMENTS=1 (apps/api-e2e/src/support/statement-log.ts),
// so each test database logs the API's statements (the tests' own SQL opts out) between markers naming
// the spec and test; they are read back with bench-capture.mjs's parser and folded into one shape per
// query (explain/statement-shapes.cjs), kept in tmp/explain-at-scale/capture.json.
// Explain: each shape is PREPAREd on the bench database and EXPLAINed as a generic plan (what the
// API gets whatever its ids), inside BEGIN … ROLLBACK; a read is also run once under
// EXPLAIN (ANALYZE, BUFFERS) as a custom plan with the test's parameters, in a READ ONLY transaction
// with a statement timeout. Writes are never run. The bench databases are not changed.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { logOffset, serverLogFile, statementsSince } from './bench-capture.mjs';
import { databaseUrl } from './dataset/build-dataset.mjs';
import { writeExplainReport } from './explain/explain-report.mjs';

const require = createRequire(import.meta.url);
const { MIRRORED_SETTINGS, collectShapes } = require('./explain/statement-shapes.cjs');
const { readPlan } = require('./explain/plan-flags.cjs');

const REPO_ROOT = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../..');
const CAPTURE_FILE = join(REPO_ROOT, 'tmp/explain-at-scale/capture.json');
// The heavy specs start clusters of their own (read-replica), break connections on purpose (resilience)
// or flood the outbox (outbox-throughput): slow, and their SQL is the same as the others'.
const DEFAULT_SPECS = '^(?!.*(read-replica|resilience|outbox-throughput)).*\\.spec\\.ts$';
const TEST_DATABASE = /^heardback_test_/;

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, ...value] = arg.replace(/^--/, '').split('=');
    return [key, value.length ? value.join('=') : true];
  }),
);
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs the API tests with statement logging on; resolves with their exit code. @param {string} specs */
function runApiTests(specs) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'npx',
      ['nx', 'run', 'api-e2e:e2e', '--outputStyle=static', '--skip-nx-cache', '--', `--testPathPatterns=${specs}`],
      { cwd: REPO_ROOT, env: { ...process.env, E2E_LOG_STATEMENTS: '1', NX_DAEMON: 'false' }, stdio: 'inherit' },
    );
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function capture() {
  const logFile = await serverLogFile(serverUrl, typeof args['pg-log'] === 'string' ? args['pg-log'] : undefined);
  let from;
  let specs = typeof args.specs === 'string' ? args.specs : DEFAULT_SPECS;
  if (args['log-from'] !== undefined) {
    from = Number(args['log-from']);
    specs = '(a run logged earlier)';
  } else {
    from = logOffset(logFile);
    const code = await runApiTests(specs);
    if (code !== 0)
      console.warn(`explain: the API tests exited with ${code}; their statements are explained all the same`);
  }
  const statements = statementsSince(logFile, from, (name) => TEST_DATABASE.test(name));
  const { shapes, skipped } = collectShapes(statements);
  const captured = { date: new Date().toISOString(), specs, statements: statements.length, skipped, shapes };
  mkdirSync(dirname(CAPTURE_FILE), { recursive: true });
  writeFileSync(CAPTURE_FILE, JSON.stringify(captured, null, 1));
  console.log(
    `explain: ${statements.length} statements logged, ${shapes.length} shapes (skipped: ${JSON.stringify(skipped)})`,
  );
  return captured;
}

/** The bench database to explain on: --database, else 1M when it is built, else 100k. */
async function chooseDatabase() {
  const candidates =
    typeof args.database === 'string' ? [args.database] : ['heardback_bench_1m', 'heardback_bench_100k'];
  for (const name of candidates) {
    const client = new pg.Client({ connectionString: databaseUrl(serverUrl, name), options: '-c log_statement=none' });
    try {
      await client.connect();
      const { rows } = await client.query('SELECT * FROM bench_dataset ORDER BY built_at DESC LIMIT 1');
      if (rows[0]) return { name, dataset: rows[0] };
      if (typeof args.database === 'string') return { name, dataset: { jobs: '?', version: '- (not finished)' } };
    } catch (error) {
      // Missing, or still being built (no marker yet); a database named by --database needs no marker.
      if (typeof args.database === 'string' && /** @type {{ code?: string }} */ (error).code === '42P01')
        return { name, dataset: { jobs: '?', version: '-' } };
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  throw new Error(`no built bench database among ${candidates.join(', ')}: run npm run bench first`);
}

/** @param {pg.Client} client @param {string} sql */
async function explainJson(client, sql) {
  const { rows } = await client.query(sql);
  return rows[0]['QUERY PLAN'][0];
}

/**
 * @param {pg.Client} client
 * @param {{ sql: string, params: (string | null)[] | null, read: boolean, settings?: Record<string, string> }} shape
 * @param {Record<string, number>} tableRows @param {{ analyze: boolean, timeoutMs: number }} options
 */
async function explainShape(client, shape, tableRows, options) {
  const values = (shape.params ?? []).map((value) =>
    value === null || value === undefined ? 'NULL' : client.escapeLiteral(value),
  );
  const execute = `EXECUTE hx_shape${values.length ? `(${values.join(', ')})` : ''}`;
  /** @type {Record<string, unknown>} */
  const result = {};
  try {
    await client.query(shape.read ? 'BEGIN READ ONLY' : 'BEGIN');
    await client.query(`SET LOCAL statement_timeout = ${Number(options.timeoutMs)}`);
    // As the API ran it: the score turns JIT off for its statements (statement-shapes.cjs).
    for (const [name, value] of Object.entries(shape.settings ?? {})) {
      if (MIRRORED_SETTINGS.has(name) && /^[\w.]+$/.test(value)) await client.query(`SET LOCAL ${name} = '${value}'`);
    }
    await client.query('SET LOCAL plan_cache_mode = force_generic_plan');
    await client.query(`PREPARE hx_shape AS ${shape.sql}`);
    result.generic = readPlan(await explainJson(client, `EXPLAIN (FORMAT JSON) ${execute}`), tableRows);
    // What the API really gets: node-pg sends unnamed statements, planned with their parameters each time.
    await client.query('SET LOCAL plan_cache_mode = force_custom_plan');
    result.custom = readPlan(await explainJson(client, `EXPLAIN (FORMAT JSON) ${execute}`), tableRows);
    if (shape.read && options.analyze) {
      await client.query('SAVEPOINT hx_run');
      try {
        result.run = readPlan(
          await explainJson(client, `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${execute}`),
          tableRows,
        );
      } catch (error) {
        await client.query('ROLLBACK TO SAVEPOINT hx_run');
        const code = /** @type {{ code?: string }} */ (error).code;
        // 25006: a function in it writes (the read-only transaction refused it), so it is only planned.
        if (code === '25006') result.run = { flags: [], ms: null, note: 'writes: not run' };
        else if (code === '57014') result.run = { flags: [`over ${options.timeoutMs} ms (cancelled)`], ms: null };
        else throw error;
      }
    }
  } catch (error) {
    result.error = /** @type {Error} */ (error).message.split('\n')[0];
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.query('DEALLOCATE ALL').catch(() => undefined);
  }
  return result;
}

async function main() {
  const captured =
    args.capture || args['log-from'] !== undefined
      ? await capture()
      : existsSync(CAPTURE_FILE)
        ? JSON.parse(readFileSync(CAPTURE_FILE, 'utf8'))
        : (() => {
            throw new Error(`${CAPTURE_FILE} is missing: run with --capture first`);
          })();
  const { name, dataset } = await chooseDatabase();
  const options = { analyze: args['no-analyze'] !== true, timeoutMs: Number(args['timeout-ms'] ?? 5000) };
  // Never in the statement log: the bench may be capturing the API's SQL on this database right now.
  const client = new pg.Client({
    connectionString: databaseUrl(serverUrl, name),
    application_name: 'heardback-explain',
    options: '-c log_statement=none',
  });
  await client.connect();
  try {
    const { rows } = await client.query(
      // reltuples is -1 until a table is first analyzed; the statistics' live-row count stands in.
      `SELECT c.relname AS table, COALESCE(NULLIF(c.reltuples, -1), s.n_live_tup, 0)::float8 AS rows
         FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
        WHERE c.relnamespace::regnamespace::text NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
          AND c.relkind IN ('r', 'p')`,
    );
    const tableRows = Object.fromEntries(rows.map((row) => [row.table, Math.max(0, row.rows)]));
    const explained = [];
    for (const shape of captured.shapes) {
      explained.push({ ...shape, ...(await explainShape(client, shape, tableRows, options)) });
    }
    const out = typeof args.out === 'string' ? args.out : join(REPO_ROOT, 'docs/explain-at-scale.md');
    const command = `node tools/bench/explain-at-scale.mjs ${process.argv.slice(2).join(' ')}`.trim();
    writeExplainReport(out, { command, captured, database: name, dataset, tableRows, explained, options });
    const flagged = explained.filter((shape) =>
      [shape.generic, shape.custom, shape.run].some((reading) => reading?.flags.length),
    );
    console.log(`explain: ${explained.length} shapes on ${name}, ${flagged.length} flagged, report in ${out}`);
  } finally {
    await client.end();
  }
}

await main();
