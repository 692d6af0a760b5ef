#!/usr/bin/env node
// The Heardback score at scale (ADR 0033): seeds N applications, then times the score's endpoints on
// the built API and prints EXPLAIN (ANALYZE, BUFFERS) of every statement one request runs.
//
//   node tools/bench/score-bench.mjs [--apps=100000] [--runs=5] [--rebuild] [--keep] [--database=name] [--backfill-only]
//                                    [--forget-cache] [--cases=<part of a case's name>,…] [--explain=<query>]
//
// The database is --database, else heardback_score_bench_<apps>, on DATABASE_URL's server, built with
// tools/bench/seed-scale.sql (the queues' dataset: ~2.4 stages and ~7 timeline events per
// application) and tools/bench/score-seed.sql (client drafts, promise endings, closing answers),
// and reused by the next run unless --rebuild. Needs the API built (npx nx build api) and psql.
// Prints one line per case: `score <case> median=<ms> max=<ms> rows=<groups>` (and `refused=<status>` when
// some runs were answered with an error, such as 503 past SCORE_TIMEOUT_MS); the cases are the report
// per grouping, what the score page asks for (the figures, a table's first page by median), a
// recruiter's year, the CSV and a client's month (ADR 0052 has the numbers at a million). The plans go to
// .data/bench/score-explain-<apps>.txt. --keep leaves the database for another run. The seed runs with
// the score-fact triggers off and fills the facts by their migration's backfill after; --backfill-only
// does just that (and adds the bench's users) on a database whose seed rows are in. The score caches a
// period's time to feedback and a closed period's promises (ADR 0044), so runs after the warm-up read
// the cache; --forget-cache empties it before every request, timing what a first request pays.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import argon2 from 'argon2';
import { logOffset, serverLogFile, setStatementLogging, statementsSince } from './bench-capture.mjs';
import { REPO_ROOT, signIn, startApi } from './bench-processes.mjs';
import { databaseUrl, withClient } from './dataset/build-dataset.mjs';
import { commandLineOptions } from './command-line.mjs';

const options = commandLineOptions();
const apps = Number(options.apps ?? 100_000);
const runs = Number(options.runs ?? 5);
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = options.database ?? `heardback_score_bench_${apps}`;
const url = databaseUrl(serverUrl, database);
const PASSWORD = 'bench-password-1';
const STAFF = 'score-staff@bench.test';
const RECRUITER = 'agent1@bench.test';
const log = (/** @type {string} */ line) => console.error(`[score-bench] ${line}`);
// The bench asks for the score more often than a person may (RATE_LIMIT_SCORE_READS_PER_ACCOUNT, 60 a
// minute): it measures the score, not its rate limit.
process.env.RATE_LIMIT_SCORE_READS_PER_ACCOUNT ??= '100000/1m';

/** @param {string} file @param {string[]} extra */
function psql(file, extra = []) {
  const target = new URL(url);
  return execFileSync(
    'psql',
    [
      '-h',
      target.hostname,
      '-p',
      target.port || '5432',
      '-U',
      decodeURIComponent(target.username),
      '-d',
      database,
      '-X',
      '-q',
      ...extra,
      '-f',
      file,
    ],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, PGPASSWORD: decodeURIComponent(target.password) },
      maxBuffer: 1 << 26,
    },
  );
}

async function ensureDatabase() {
  // A seed interrupted after its rows (the facts' per-row rebuild of an earlier version of this script).
  if (options['backfill-only'] === 'true') {
    await backfillScoreFacts();
    return addUsers();
  }
  const exists = await withClient(
    serverUrl,
    async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 1,
  );
  if (exists && options.rebuild !== 'true') {
    const ready = await withClient(
      url,
      async (client) => (await client.query(`SELECT 1 FROM users WHERE email = $1`, [STAFF])).rowCount === 1,
    );
    if (ready) {
      log(`reusing ${database}`);
      return migrate();
    }
  }
  await withClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
  });
  migrate();
  const started = Date.now();
  // The score's fact triggers rebuild an application's facts per row written: over a seed's
  // set-based inserts took more than 25 minutes at 100k (and calling it once per application after,
  // over 40), so the seed runs without them and the facts are filled by the migration's backfill.
  await scoreFactTriggers('DISABLE');
  log(
    psql('tools/bench/seed-scale.sql', ['-v', `apps=${apps}`])
      .trim()
      .split('\n')
      .pop() ?? '',
  );
  log(psql('tools/bench/score-seed.sql').trim().split('\n').pop() ?? '');
  await scoreFactTriggers('ENABLE');
  await backfillScoreFacts();
  await addUsers();
  log(`seeded ${apps} applications in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Turns the triggers that keep the score's facts (migration 1795891200000) off or on. @param {'DISABLE' | 'ENABLE'} how */
async function scoreFactTriggers(how) {
  await withClient(url, async (client) => {
    const { rows } = await client.query(
      `SELECT tgrelid::regclass::text AS on_table, tgname FROM pg_trigger WHERE tgname LIKE 'score\\_facts\\_%'`,
    );
    for (const row of rows) await client.query(`ALTER TABLE ${row.on_table} ${how} TRIGGER ${row.tgname}`);
  });
}

/** The staff user the bench signs in as, and the recruiter's password. */
async function addUsers() {
  const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
  await withClient(url, async (client) => {
    await client.query(
      `INSERT INTO users (email, password_hash, full_name, role) VALUES ($1, $2, 'Score Staff', 'staff')`,
      [STAFF, hash],
    );
    await client.query(`UPDATE users SET password_hash = $2 WHERE email = $1`, [RECRUITER, hash]);
  });
}

/** The score's facts of the seeded rows, by the set-based backfill of their migration (its own SQL, read from it). */
async function backfillScoreFacts() {
  const source = readFileSync(
    join(REPO_ROOT, 'apps/api/src/database/migrations/1795891200000-store-score-facts.ts'),
    'utf8',
  );
  const backfill = source.slice(source.indexOf('-- The backfill, set-based'), source.indexOf("-- The figures' reads"));
  await withClient(url, async (client) => {
    await client.query('TRUNCATE score_feedback_facts, score_promise_facts, score_rejection_facts');
    await client.query(backfill);
    await client.query('ANALYZE');
  });
}

/** Runs the migrations this branch has and the database lacks (a reused database may be older). */
function migrate() {
  const started = Date.now();
  execFileSync(process.execPath, ['tools/db-cli.cjs', 'migration:run'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: 'ignore',
  });
  log(`migrated ${database} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * The API stores its calendar as it starts and works out the working days of feedback facts stored
 * under none or another (ADR 0036): timings start once it has, and the facts are vacuumed, as
 * autovacuum would have, so their index-only scans need no heap visits.
 */
async function settleFacts() {
  const started = Date.now();
  const api = await startTheApi();
  try {
    for (;;) {
      const [{ stale }] = await withClient(
        url,
        async (client) =>
          (
            await client.query(
              `SELECT count(*)::int AS stale FROM score_feedback_facts f
                LEFT JOIN score_calendar c ON true WHERE f.calendar_version IS DISTINCT FROM c.version`,
            )
          ).rows,
      );
      if (stale === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  } finally {
    await api.stop();
  }
  await withClient(url, async (client) => {
    await client.query('VACUUM ANALYZE score_feedback_facts');
    await client.query('VACUUM ANALYZE score_promise_facts');
  });
  log(
    `feedback facts worked out under the API's calendar and vacuumed in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** yyyy-mm-dd, `days` before today. @param {number} days */
function daysAgo(days) {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  await ensureDatabase();
  await settleFacts();
  mkdirSync(join(REPO_ROOT, '.data/bench'), { recursive: true });
  const today = daysAgo(0);
  try {
    // --explain=<query> explains another request of the score (its path after /api/agency/score, with
    // FROM and TO standing for a year ago and today), e.g. --explain='/groups?from=FROM&to=TO&grouping=job'.
    if (options.explain === 'true') throw new Error('--explain needs a query, e.g. --explain=?from=FROM&to=TO&by=job');
    const explained = (options.explain ?? '?from=FROM&to=TO&by=interviewer')
      .replace('FROM', daysAgo(365))
      .replace('TO', today);
    await explain(`/api/agency/score${explained}`);
    const api = await startTheApi();
    try {
      await time(api, today);
    } finally {
      await api.stop();
    }
  } finally {
    if (options.keep !== 'true') {
      await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
      log(`dropped ${database} (--keep keeps it)`);
    }
  }
}

function startTheApi() {
  const port = 4390 + Math.floor(Math.random() * 50);
  return startApi({ databaseUrl: url, port, logFile: join(REPO_ROOT, `.data/bench/score-api-${apps}.log`) });
}

/** Each case `runs` times after one warm-up run. @param {{ base: string }} api @param {string} today */
async function time(api, today) {
  const staff = await signIn(api.base, STAFF, PASSWORD);
  const recruiter = await signIn(api.base, RECRUITER, PASSWORD);
  const month = today.slice(0, 7);
  const [{ id: clientId }] = await withClient(
    url,
    async (client) => (await client.query(`SELECT md5('client0')::uuid AS id`)).rows,
  );
  /** @type {[string, { cookie: string }, string][]} */
  const cases = [];
  for (const days of [30, 90, 365]) {
    for (const by of ['recruiter', 'client', 'interviewer', 'job']) {
      cases.push([`staff ${days}d by=${by}`, staff, `/api/agency/score?from=${daysAgo(days)}&to=${today}&by=${by}`]);
    }
  }
  // What the score page itself asks for: the figures without a table, and a table's first page in an order.
  for (const days of [90, 365]) {
    cases.push([`staff ${days}d figures`, staff, `/api/agency/score?from=${daysAgo(days)}&to=${today}`]);
    cases.push([
      `staff ${days}d groups=job by median`,
      staff,
      `/api/agency/score/groups?from=${daysAgo(days)}&to=${today}&grouping=job&sort=median&direction=desc`,
    ]);
  }
  cases.push([`recruiter 365d by=job`, recruiter, `/api/agency/score?from=${daysAgo(365)}&to=${today}&by=job`]);
  cases.push([`staff csv 365d by=job`, staff, `/api/agency/score.csv?from=${daysAgo(365)}&to=${today}&by=job`]);
  cases.push([`staff client month`, staff, `/api/agency/score/clients/${clientId}/monthly?month=${month}`]);
  // A period that has ended (to yesterday): its promises are cached too.
  cases.push([
    `staff 365d to yesterday by=interviewer`,
    staff,
    `/api/agency/score?from=${daysAgo(366)}&to=${daysAgo(1)}&by=interviewer`,
  ]);

  // --cases=a,b times only the cases whose name contains one of them (an A/B of one change).
  const chosen = options.cases?.split(',') ?? null;
  const wanted = (/** @type {string} */ name) => chosen === null || chosen.some((part) => name.includes(part));
  if (!cases.some(([name]) => wanted(name))) {
    log(`--cases=${options.cases} names no case; the cases are: ${cases.map(([name]) => name).join('; ')}`);
  }
  for (const [name, session, path] of cases) {
    if (!wanted(name)) continue;
    /** @type {number[]} */
    const times = [];
    let rows = 0;
    /** @type {Set<number>} */
    const refused = new Set();
    for (let run = 0; run <= runs; run++) {
      if (options['forget-cache'] === 'true') await forgetCache();
      const started = performance.now();
      const response = await fetch(`${api.base}${path}`, { headers: { cookie: session.cookie } });
      const body = await response.text();
      const took = performance.now() - started;
      // A refusal (503 "too broad" past SCORE_TIMEOUT_MS) is a result too: said, not thrown, not timed.
      if (!response.ok) {
        refused.add(response.status);
        continue;
      }
      // The first run warms caches and the connection pool: not counted.
      if (run > 0) times.push(took);
      const parsed = path.includes('.csv') ? null : JSON.parse(body);
      rows = parsed ? (parsed.rows ?? parsed.items ?? parsed.jobs ?? []).length : body.split('\r\n').length - 2;
    }
    const status = refused.size > 0 ? ` refused=${[...refused].join(',')}` : '';
    const timed =
      times.length > 0
        ? `median=${median(times).toFixed(0)}ms max=${Math.max(...times).toFixed(0)}ms`
        : 'median=- max=-';
    console.log(`score ${name} ${timed} rows=${rows}${status}`);
  }
}

/** Empties the score's cache (ADR 0044), where the database has one. */
async function forgetCache() {
  await withClient(url, async (client) => {
    const [{ cache }] = (await client.query(`SELECT to_regclass('score_period_cache') AS cache`)).rows;
    if (cache) await client.query('DELETE FROM score_period_cache');
  });
}

/**
 * Every statement one request runs, from PostgreSQL's statement log (on for this database while an
 * API started for it answers one request), each with EXPLAIN (ANALYZE, BUFFERS). @param {string} path
 */
async function explain(path) {
  const logFile = await serverLogFile(serverUrl, options['pg-log']);
  await setStatementLogging(serverUrl, database, true);
  let statements;
  try {
    const api = await startTheApi();
    try {
      const session = await signIn(api.base, STAFF, PASSWORD);
      const from = logOffset(logFile);
      const response = await fetch(`${api.base}${path}`, { headers: { cookie: session.cookie } });
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      statements = statementsSince(logFile, from, database).filter((statement) =>
        /^\s*(WITH|SELECT)/i.test(statement.sql),
      );
    } finally {
      await api.stop();
    }
  } finally {
    await setStatementLogging(serverUrl, database, false);
  }
  if (statements.length === 0) {
    log('no statements captured (the pool reused sessions that do not log): EXPLAIN skipped');
    return;
  }
  const report = [`# EXPLAIN (ANALYZE, BUFFERS) of GET ${path} at ${apps} applications`, ''];
  await withClient(url, async (client) => {
    // As the API runs them (ScoreService.read).
    await client.query('SET jit = off');
    for (const statement of statements) {
      const { rows } = await client
        .query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params ?? [])
        // A statement the log did not give back whole (its parameters) is skipped, with why: the
        // plans are for reading, the timings below are the measurement.
        .catch((/** @type {Error} */ error) => ({ rows: [{ 'QUERY PLAN': `not explained: ${error.message}` }] }));
      const plan = rows.map((/** @type {Record<string, string>} */ row) => row['QUERY PLAN']);
      const time = plan.find((line) => line.startsWith('Execution Time')) ?? '';
      console.log(`explain ${statement.sql.replace(/\s+/g, ' ').slice(0, 70)}… ${time}`);
      report.push(statement.sql.trim(), '', ...plan, '', '---', '');
    }
  });
  const file = join(REPO_ROOT, `.data/bench/score-explain-${apps}.txt`);
  writeFileSync(file, report.join('\n'));
  log(`plans written to ${file}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`[score-bench] ✖ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
