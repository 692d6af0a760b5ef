#!/usr/bin/env node
// `npm start`: build, provision PostgreSQL, run the API (which also serves the portal) on one port.
//
//   npm start                         embedded PostgreSQL in .data/postgres, demo data on first run
//   DATABASE_URL=postgres://… npm start   your own PostgreSQL (DEMO_DATA=true to load demo data into an empty DB)
//
// Ctrl-C (SIGINT) or SIGTERM stops the API, then the embedded PostgreSQL, and exits 0.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { exitCodeOf, exited, isRunning, stopChild } from './process/child-process.cjs';
import { seconds as secondsSince, sleep } from './process/timing.cjs';
import { provisionDatabase, REPO_ROOT } from './postgres/provision-database.cjs';

const PORT = process.env.PORT || '3000';
const API_MAIN = join(REPO_ROOT, 'dist/apps/api/main.js');
const READY_TIMEOUT_MS = 240_000;
const API_STOP_TIMEOUT_MS = 15_000;
const DEMO_LOGINS = [
  ['staff@heardback.test', 'agency staff'],
  ['recruiter@heardback.test', 'recruiter'],
  ['candidate@heardback.test', 'candidate'],
];
const DEMO_PASSWORD = 'heardback-demo';

const startedAt = performance.now();
/** @type {import('node:child_process').ChildProcess | null} */
let buildChild = null;
/** @type {import('node:child_process').ChildProcess | null} */
let apiChild = null;
/** @type {Promise<{ databaseUrl: string, embedded: boolean, release: () => Promise<void> }> | null} */
let provisioning = null;
let stopping = false;

process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));

main().catch(async (error) => {
  if (stopping) return;
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(null, 1);
});

async function main() {
  // 1. Build (Nx caches: a no-op build takes a few seconds).
  await step('Build api + portal (nx, cached)', async () => {
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    buildChild = spawn(npx, ['nx', 'run-many', '-t', 'build', '-p', 'api', 'portal', '--outputStyle=static'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    const { code, signal } = await exited(buildChild, (error) => console.error(`✖ ${error.message}`));
    buildChild = null;
    if (stopping) return;
    if (code !== 0)
      throw new Error(`Build failed (${signal ? `signal ${signal}` : `exit code ${code}`}); see the output above.`);
    if (!existsSync(API_MAIN)) throw new Error(`Build finished but ${API_MAIN} is missing.`);
  });
  if (stopping) return;

  // 2. Database.
  const ownDatabase = Boolean(process.env.DATABASE_URL);
  const db = await step(
    ownDatabase ? 'PostgreSQL from DATABASE_URL' : 'PostgreSQL (embedded, .data/postgres)',
    async () => {
      provisioning = provisionDatabase({
        purpose: 'dev',
        fresh: false,
        log: (message) => console.log(`  ${message}`),
      });
      return provisioning;
    },
  );
  if (stopping) return;
  // Own database: the user's DEMO_DATA as is. Embedded: demo data (the API loads it only into an
  // empty database, so in effect on the first run), unless the user said DEMO_DATA=false.
  const demoData = ownDatabase ? process.env.DEMO_DATA : (process.env.DEMO_DATA ?? 'true');

  // 3. API (migrates, seeds if asked and empty, serves /api and the built portal).
  const apiStarted = performance.now();
  console.log(`\n▶ Start the API on port ${PORT} (migrations run first)`);
  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    DATABASE_URL: db.databaseUrl,
    PORT,
    NODE_ENV: process.env.NODE_ENV || 'production',
    RUN_MIGRATIONS: 'true',
  };
  if (demoData === undefined) delete env.DEMO_DATA;
  else env.DEMO_DATA = demoData;

  apiChild = spawn(process.execPath, [API_MAIN], {
    cwd: REPO_ROOT,
    env,
    stdio: 'inherit',
  });
  apiChild.on('exit', (code, signal) => {
    if (stopping) return;
    const exitCode = exitCodeOf(code, signal);
    console.error(`\n✖ The API exited on its own (${signal ? `signal ${signal}` : `exit code ${code}`}).`);
    apiChild = null;
    void shutdown(null, exitCode);
  });

  const readiness = await waitUntilReady(`http://localhost:${PORT}`, READY_TIMEOUT_MS);
  if (stopping) return;
  if (!readiness.ok) {
    console.error(
      `\n✖ The API did not answer http://localhost:${PORT}/api/health within ${READY_TIMEOUT_MS / 1000} s (${readiness.detail}).`,
    );
    await shutdown(null, 1);
    return;
  }
  console.log(`✔ API ready in ${secondsSince(apiStarted)}${readiness.detail ? ` (${readiness.detail})` : ''}`);

  const lines = [
    '',
    `  Heardback is running at http://localhost:${PORT}/   (ready in ${secondsSince(startedAt)})`,
    // The API documents itself only outside production (ADR 0009).
    ...((process.env.NODE_ENV || 'production') === 'production'
      ? []
      : [`  API docs: http://localhost:${PORT}/api/docs`]),
    '',
  ];
  if (demoData === 'true') {
    lines.push(`  Demo logins (password: ${DEMO_PASSWORD}):`);
    for (const [email, role] of DEMO_LOGINS) lines.push(`    ${email.padEnd(28)} ${role}`);
  } else {
    lines.push('  No demo data requested (set DEMO_DATA=true to load it into an empty database).');
  }
  // A new account is made by the link emailed on registering (ADR 0067): say where that email lands.
  if (!process.env.SMTP_URL) {
    lines.push(
      '',
      `  Email (such as the link to finish registering) is written to ${process.env.MAIL_DIR || '.data/mail'}/*.eml`,
    );
  }
  lines.push('', '  Press Ctrl-C to stop.', '');
  console.log(lines.join('\n'));
}

/**
 * Polls /api/health until it answers 200. While the health route does not exist yet, a 404 there
 * plus an answer on /api also counts (the HTTP server is up).
 * @param {string} base
 * @param {number} timeoutMs
 * @returns {Promise<{ ok: boolean, detail: string }>}
 */
async function waitUntilReady(base, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (!stopping && Date.now() < deadline) {
    try {
      const health = await fetch(`${base}/api/health`, {
        signal: AbortSignal.timeout(5000),
      });
      await health.body?.cancel();
      if (health.status === 200) return { ok: true, detail: '' };
      last = `/api/health answered ${health.status}`;
      if (health.status === 404) {
        const api = await fetch(`${base}/api`, {
          signal: AbortSignal.timeout(5000),
        });
        await api.body?.cancel();
        if (api.ok)
          return {
            ok: true,
            detail: 'no /api/health route yet; /api answered',
          };
      }
    } catch (error) {
      last =
        error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    }
    await sleep(300);
  }
  return { ok: false, detail: last };
}

/**
 * Stops everything in order: build or API first, then PostgreSQL. Exits 0 on a signal.
 * @param {NodeJS.Signals | null} signal
 * @param {number} [exitCode]
 */
async function shutdown(signal, exitCode = 0) {
  if (stopping) {
    if (signal) {
      console.log('\nStill stopping… (PostgreSQL is being shut down cleanly)');
    }
    return;
  }
  stopping = true;
  if (signal) console.log(`\n■ ${signal}: stopping Heardback…`);
  const stopStarted = performance.now();

  for (const [name, child] of /** @type {const} */ ([
    ['build', buildChild],
    ['API', apiChild],
  ])) {
    if (child && isRunning(child)) {
      const t = performance.now();
      await stopChild(child, signal ?? 'SIGTERM', API_STOP_TIMEOUT_MS, () =>
        console.error(`  (no exit after ${API_STOP_TIMEOUT_MS / 1000} s: killing it)`),
      );
      if (name === 'API') console.log(`  API stopped in ${secondsSince(t)}`);
    }
  }

  if (provisioning) {
    try {
      const db = await provisioning;
      await db.release();
    } catch {
      // provisioning failed: nothing to release (its error was printed)
    }
  }
  if (signal) console.log(`■ Stopped in ${secondsSince(stopStarted)}.`);
  process.exit(exitCode);
}

/**
 * @template T
 * @param {string} title
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function step(title, fn) {
  console.log(`\n▶ ${title}`);
  const t = performance.now();
  const result = await fn();
  if (!stopping) console.log(`✔ ${title}: ${secondsSince(t)}`);
  return result;
}
