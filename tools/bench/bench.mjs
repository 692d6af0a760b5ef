#!/usr/bin/env node
// npm run bench: the API against its raw floor, on 100k and 1M jobs (docs/benchmarks.md, ADR 0029).
//
//   npm run bench [-- --sizes=100k,1m] [--duration=10] [--rounds=3] [--only=<endpoint>[,<endpoint>]]
//                    [--connections=10] [--rebuild] [--no-build] [--pg-log=<server log file>]
//                    [--cpu-prof=<dir>]   (the API runs under Node's CPU profiler; a .cpuprofile per start)
//                    [--api-node-flags="<flags>"]   (Node flags for the API, e.g. "--heap-growing-percent=0")
//
// For each size: build or reuse the dataset (heardback_bench_<size> on DATABASE_URL's server),
// capture the SQL the built API runs for each endpoint (PostgreSQL's statement log, bench-capture.mjs),
// start the API and the raw server (raw-server/server.mjs, replaying that SQL), then autocannon them
// in turn, API, raw, API, raw …, and print per endpoint and size:
//   bench <endpoint> <size> p50=<ms> p99=<ms> rps=<n> api/raw=<ratio or ->
// then per endpoint `bench growth <endpoint> <p50 at 1M ÷ p50 at 100k>` and the API's highest RSS.
// Results are kept in .data/bench/results.json (so one size can be rerun alone) and written to
// docs/benchmarks.md.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { logOffset, serverLogFile, setStatementLogging, statementsSince } from './bench-capture.mjs';
import { endpoints, schedulableStages, scheduleRequests } from './bench-endpoints.mjs';
import { finite, load, median, ms, quiesce } from './bench-load.mjs';
import { REPO_ROOT, sampleRss, signIn, sleep, startApi, startRawServer } from './bench-processes.mjs';
import { writeReport } from './bench-report.mjs';
import { describeDataset, ensureDataset, withClient } from './dataset/build-dataset.mjs';
import { BENCH_LOGINS, BENCH_PASSWORD } from './dataset/dataset-sql.mjs';

/** @type {Record<string, number>} */
const SIZES = { '100k': 100_000, '1m': 1_000_000 };
const STATE_DIR = join(REPO_ROOT, '.data/bench');
const RESULTS_FILE = join(STATE_DIR, 'results.json');

const options = parseOptions(process.argv.slice(2));
const log = (/** @type {string} */ line) => console.error(`[bench] ${line}`);

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`[bench] ✖ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);

async function main() {
  mkdirSync(STATE_DIR, { recursive: true });
  if (options.build) {
    log('building the API (npx nx build api)');
    const build = spawnSync('npx', ['nx', 'build', 'api', '--outputStyle=static'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    if (build.status !== 0) throw new Error(`the API build failed (exit ${build.status})`);
  }
  const results = readResults();
  for (const size of options.sizes) {
    // With --only, the other endpoints' last numbers for this size are kept.
    const fresh = await benchSize(size);
    const endpointsNow = { ...(options.only ? (results[size]?.endpoints ?? {}) : {}), ...fresh.endpoints };
    const maxRssMb = Math.max(0, ...Object.values(endpointsNow).map((one) => one.rssMb ?? 0));
    results[size] = { ...fresh, endpoints: endpointsNow, maxRssMb };
    writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2));
  }
  const lines = resultLines(results);
  for (const line of lines) console.log(line);
  await writeReport(join(REPO_ROOT, 'docs/benchmarks.md'), results, lines, options);
  log('wrote docs/benchmarks.md');
}

/** @param {string} size */
async function benchSize(size) {
  const database = `heardback_bench_${size}`;
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dataset = await ensureDataset({ serverUrl, database, jobs: SIZES[size], rebuild: options.rebuild, log });
  const url = dataset.url;
  const all = await endpoints(url);
  const only = options.only;
  const chosen = only ? all.filter((endpoint) => only.includes(endpoint.name)) : all;
  if (chosen.length === 0) throw new Error(`--only: none of ${all.map((endpoint) => endpoint.name).join(', ')}`);
  const apiLog = join(STATE_DIR, `api-${size}.log`);

  // 1. Capture: one warm-up request, then one captured request per read endpoint.
  const logFile = await serverLogFile(url, options.pgLog);
  /** @type {Record<string, { sql: string, params: (string | null)[] | null }[]>} */
  const routes = {};
  /** @type {Record<string, { cookie: string, xsrf: string } | null>} */
  let sessions = { public: null };
  await setStatementLogging(url, database, true);
  try {
    const api = await startApi({
      databaseUrl: url,
      port: options.apiPort,
      logFile: apiLog,
      cpuProf: options.cpuProf,
      nodeFlags: options.nodeFlags,
    });
    try {
      await scoreRefillDone(url);
      sessions = {
        public: null,
        candidate: await signIn(api.base, BENCH_LOGINS.candidate, BENCH_PASSWORD),
        staff: await signIn(api.base, BENCH_LOGINS.staff, BENCH_PASSWORD),
      };
      for (const endpoint of chosen.filter((one) => !one.write)) {
        const session = sessions[endpoint.role];
        /** @type {Record<string, string>} */
        const headers = session ? { cookie: session.cookie } : {};
        await fetch(`${api.base}${endpoint.path}`, { headers }).then((response) => response.arrayBuffer());
        const from = logOffset(logFile);
        const response = await fetch(`${api.base}${endpoint.path}`, { headers });
        const bytes = (await response.arrayBuffer()).byteLength;
        await sleep(300); // the server writes its log as it executes; give the last lines a moment
        const statements = statementsSince(logFile, from, database);
        if (statements.length === 0) throw new Error(`no statements logged for ${endpoint.path} in ${logFile}`);
        routes[endpoint.path] = statements.map(({ sql, params }) => ({ sql, params }));
        log(
          `${size} ${endpoint.name}: HTTP ${response.status}, ${bytes} bytes, ${statements.length} statements on ` +
            `${new Set(statements.map((statement) => statement.pid)).size} connection(s)`,
        );
      }
    } finally {
      await api.stop();
    }
  } finally {
    await setStatementLogging(url, database, false);
  }
  const rawConfig = join(STATE_DIR, `raw-${size}.json`);
  writeFileSync(
    rawConfig,
    JSON.stringify({
      databaseUrl: url,
      port: options.rawPort,
      poolSize: Number(process.env.DB_POOL_SIZE ?? 10),
      statementTimeoutMs: Number(process.env.DB_STATEMENT_TIMEOUT_MS ?? 10_000),
      routes,
    }),
  );

  // 2. Runs, interleaved: API, raw, API, raw …
  let api = await startApi({
    databaseUrl: url,
    port: options.apiPort,
    logFile: apiLog,
    cpuProf: options.cpuProf,
    nodeFlags: options.nodeFlags,
  });
  const raw = await startRawServer({ configFile: rawConfig, port: options.rawPort });
  /** @type {Record<string, object>} */
  const measured = {};
  let maxRss = 0;
  try {
    for (const endpoint of chosen) {
      const session = sessions[endpoint.role];
      /** @type {Record<string, string>} */
      const headers = session ? { cookie: session.cookie } : {};
      const requests = endpoint.write ? scheduleRequests(await schedulableStages(url), session?.xsrf ?? '') : undefined;
      /** @type {{ api: import('./bench-load.mjs').RunResult[], raw: import('./bench-load.mjs').RunResult[] }} */
      const runs = { api: [], raw: [] };
      let endpointRss = 0;
      let crashes = 0;
      for (let round = 1; round <= options.rounds; round += 1) {
        if (!api.alive()) {
          crashes += 1;
          log(`the API died: restarting it`);
          api = await startApi({
            databaseUrl: url,
            port: options.apiPort,
            logFile: apiLog,
            cpuProf: options.cpuProf,
            nodeFlags: options.nodeFlags,
          });
        }
        const sampler = sampleRss(api.pid);
        const run = { base: api.base, path: endpoint.path, method: endpoint.method, headers, requests };
        runs.api.push(await load({ ...run, ...loadOptions() }));
        endpointRss = Math.max(endpointRss, sampler.stop());
        if (api.alive()) await quiesce(url, `${api.base}/api/health`);
        log(`${size} ${endpoint.name} round ${round} api: ${summary(runs.api.at(-1))}`);
        if (!endpoint.write) {
          runs.raw.push(await load({ base: raw.base, path: endpoint.path, method: 'GET', headers, ...loadOptions() }));
          await quiesce(url, `${raw.base}/health`);
          log(`${size} ${endpoint.name} round ${round} raw: ${summary(runs.raw.at(-1))}`);
        }
      }
      if (!api.alive()) crashes += 1;
      maxRss = Math.max(maxRss, endpointRss);
      const apiRps = median(runs.api.map((one) => one.rps));
      const rawRps = runs.raw.length ? median(runs.raw.map((one) => one.rps)) : null;
      measured[endpoint.name] = {
        p50: finite(median(runs.api.map((one) => one.p50))),
        p99: finite(median(runs.api.map((one) => one.p99))),
        rps: apiRps,
        rawP50: runs.raw.length ? finite(median(runs.raw.map((one) => one.p50))) : null,
        rawRps,
        ratio: rawRps ? apiRps / rawRps : null,
        duration: options.duration,
        rssMb: Math.round(endpointRss / 1024 / 1024),
        problems: problems(runs.api, crashes),
        rawProblems: problems(runs.raw, 0),
      };
    }
  } finally {
    await api.stop();
    await raw.stop();
  }
  return {
    date: new Date().toISOString(),
    commit: commit(),
    dataset: { ...(await describeDataset(url)), buildSeconds: dataset.buildSeconds },
    maxRssMb: Math.round(maxRss / 1024 / 1024),
    endpoints: measured,
    settings: { duration: options.duration, rounds: options.rounds, connections: options.connections },
  };
}

function loadOptions() {
  return { connections: options.connections, duration: options.duration, timeoutSeconds: options.timeout };
}

/** Non-2xx answers, errors and timeouts over all rounds, when there were any. @param {any[]} runs @param {number} crashes */
function problems(runs, crashes) {
  const sum = (/** @type {string} */ key) => runs.reduce((total, run) => total + run[key], 0);
  const parts = [
    ['non2xx', sum('non2xx')],
    ['errors', sum('errors')],
    ['timeouts', sum('timeouts')],
    ['crashes', crashes],
  ].filter(([, count]) => Number(count) > 0);
  return parts.map(([name, count]) => `${name}=${count}`).join(' ');
}

/** @param {any} run */
function summary(run) {
  return `p50=${run.p50} p99=${run.p99} rps=${run.rps} n=${run.requests} non2xx=${run.non2xx} errors=${run.errors} timeouts=${run.timeouts}`;
}

/** The lines the bench prints, for every size and endpoint measured (this run or an earlier one). @param {any} results */
export function resultLines(results) {
  const lines = [];
  const names = [...new Set(Object.values(results).flatMap((result) => Object.keys(result.endpoints ?? {})))];
  const sizes = Object.keys(SIZES).filter((size) => results[size]);
  for (const name of names) {
    for (const size of sizes) {
      const one = results[size].endpoints[name];
      if (!one) continue;
      const ratio = one.ratio === null ? '-' : one.ratio.toFixed(2);
      lines.push(
        `bench ${name} ${size} p50=${ms(one.p50, one)} p99=${ms(one.p99, one)} rps=${round(one.rps)} api/raw=${ratio}`,
      );
    }
  }
  for (const name of names) {
    const small = results['100k']?.endpoints[name];
    const large = results['1m']?.endpoints[name];
    const growth = small?.p50 && large?.p50 ? (large.p50 / small.p50).toFixed(2) : '-';
    lines.push(`bench growth ${name} ${growth}`);
  }
  for (const size of sizes) lines.push(`bench rss ${size} max=${results[size].maxRssMb}MB`);
  for (const name of names) {
    for (const size of sizes) {
      const one = results[size].endpoints[name];
      if (one?.problems) lines.push(`bench problems ${name} ${size} api ${one.problems}`);
      if (one?.rawProblems) lines.push(`bench problems ${name} ${size} raw ${one.rawProblems}`);
    }
  }
  return lines;
}

/** @param {number} value */
function round(value) {
  return value >= 100 ? Math.round(value) : Number(value.toFixed(1));
}

function readResults() {
  try {
    return JSON.parse(readFileSync(RESULTS_FILE, 'utf8'));
  } catch {
    return {};
  }
}

function commit() {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'apps', 'libs'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    return dirty.trim() ? `${sha} (with uncommitted changes in apps/ or libs/)` : sha;
  } catch {
    return 'unknown';
  }
}

/** @param {string[]} argv */
function parseOptions(argv) {
  const parsed = {
    sizes: Object.keys(SIZES),
    duration: 10,
    rounds: 3,
    connections: 10,
    timeout: 30,
    /** @type {string[] | null} */ only: null,
    rebuild: false,
    build: true,
    /** @type {string | undefined} */ pgLog: undefined,
    /** @type {string | undefined} */ cpuProf: undefined,
    /** @type {string[]} */ nodeFlags: [],
    apiPort: Number(process.env.BENCH_API_PORT ?? 4605),
    rawPort: Number(process.env.BENCH_RAW_PORT ?? 4606),
  };
  for (const arg of argv) {
    const [key, ...valueParts] = arg.replace(/^--/, '').split('=');
    const value = valueParts.join('=');
    const number = () => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new Error(`--${key}: a whole number, 1 or more (got "${value}")`);
      return n;
    };
    if (key === 'sizes') {
      parsed.sizes = value.toLowerCase().split(',');
      const unknown = parsed.sizes.filter((size) => !(size in SIZES));
      if (unknown.length)
        throw new Error(`--sizes: ${unknown.join(', ')} unknown; use ${Object.keys(SIZES).join(', ')}`);
    } else if (key === 'duration') parsed.duration = number();
    else if (key === 'rounds') parsed.rounds = number();
    else if (key === 'connections') parsed.connections = number();
    else if (key === 'timeout') parsed.timeout = number();
    else if (key === 'only') parsed.only = value.split(',');
    else if (key === 'rebuild') parsed.rebuild = true;
    else if (key === 'no-build') parsed.build = false;
    else if (key === 'pg-log') parsed.pgLog = value;
    else if (key === 'cpu-prof') parsed.cpuProf = value;
    else if (key === 'api-node-flags') parsed.nodeFlags = value.split(' ').filter(Boolean);
    else throw new Error(`unknown option ${arg}; see the top of tools/bench/bench.mjs`);
  }
  return parsed;
}

/**
 * As it starts, the API works out the score's stored working days again in the background when the
 * calendar is new to the database (ADR 0036). Those statements would be captured with whatever
 * request came next, so the capture waits until no fact is left under another calendar.
 * @param {string} url
 */
async function scoreRefillDone(url) {
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    const stale = await withClient(url, async (client) => {
      const { rows } = await client.query(
        `SELECT EXISTS (SELECT 1 FROM score_feedback_facts f, score_calendar c
                         WHERE f.calendar_version IS DISTINCT FROM c.version) AS stale`,
      );
      return rows[0].stale;
    });
    if (!stale) return;
    if (Date.now() > deadline) throw new Error("the API did not finish the score's working days in 30 minutes");
    log("waiting for the API to finish the score's working days");
    await sleep(5_000);
  }
}
