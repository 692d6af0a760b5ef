#!/usr/bin/env node
// Playwright's webServer for the portal e2e tests: a fresh database (purpose e2e) and the built API
// (which also serves the built portal) on E2E_PORT (default 4300), with demo data.
// It does not build: the Nx e2e target depends on the api and portal builds.
//
// SIGINT/SIGTERM stop the API, then drop the database and stop the embedded PostgreSQL.
// (Playwright's default is to SIGKILL the whole process group; with
//  `gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 }` in the webServer config the cleanup runs.
//  After a SIGKILL, the next run removes the stale pid file and the leftover database.)

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { exitCodeOf, isRunning, stopChild } from './process/child-process.cjs';
import { provisionDatabase, REPO_ROOT } from './postgres/provision-database.cjs';

const require = createRequire(import.meta.url);

const PORT = process.env.E2E_PORT || '4300';
const API_MAIN = join(REPO_ROOT, 'dist/apps/api/main.js');
const API_STOP_TIMEOUT_MS = 15_000;

/** @param {string} message */
// stderr: Playwright shows a webServer's stderr, not its stdout.
const log = (message) => console.error(`[e2e-server] ${message}`);

/** @type {import('node:child_process').ChildProcess | null} */
let api = null;
/** @type {Promise<{ databaseUrl: string, embedded: boolean, release: () => Promise<void> }> | null} */
let provisioning = null;
let stopping = false;

process.on('SIGINT', () => void stop('SIGINT', 0));
process.on('SIGTERM', () => void stop('SIGTERM', 0));
process.on('SIGHUP', () => void stop('SIGHUP', 0));

try {
  if (!existsSync(API_MAIN)) {
    throw new Error(`${API_MAIN} is missing: build first (npx nx run-many -t build -p api portal).`);
  }
  provisioning = provisionDatabase({ purpose: 'e2e', fresh: true, log });
  const db = await provisioning;
  if (!db.embedded && process.env.DATABASE_URL) {
    startJanitor(process.env.DATABASE_URL, db.databaseUrl);
  }
  if (!stopping) {
    log(`starting the API on http://localhost:${PORT}`);
    api = spawn(process.execPath, [API_MAIN], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        DATABASE_URL: db.databaseUrl,
        PORT,
        NODE_ENV: 'production',
        RUN_MIGRATIONS: 'true',
        DEMO_DATA: 'true',
      },
    });
    api.on('exit', (code, signal) => {
      if (stopping) return;
      log(`the API exited on its own (${signal ? `signal ${signal}` : `exit code ${code}`})`);
      api = null;
      void stop(null, exitCodeOf(code, signal));
    });
  }
} catch (error) {
  log(`✖ ${error instanceof Error ? error.message : String(error)}`);
  await stop(null, 1);
}

/**
 * Playwright stops its webServer with SIGKILL to the process group unless the config sets
 * `gracefulShutdown`; then nothing here runs. On DATABASE_URL's server the fresh database would
 * be left behind, so a small detached process (its own session, which that SIGKILL does not
 * reach) waits for this one to end and drops the database if it still exists.
 * @param {string} serverUrl
 * @param {string} databaseUrl
 */
function startJanitor(serverUrl, databaseUrl) {
  if (process.env.KEEP_TEST_DATABASE === 'true') return;
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const script = `
    const [pgPath, parentPid, serverUrl, name] = process.argv.slice(1);
    const alive = () => { try { process.kill(Number(parentPid), 0); return true; } catch (e) { return e.code === 'EPERM'; } };
    const drop = async (url) => {
      const client = new (require(pgPath).Client)({ connectionString: url, connectionTimeoutMillis: 10000 });
      await client.connect();
      try { await client.query('DROP DATABASE IF EXISTS "' + name.replace(/"/g, '""') + '" WITH (FORCE)'); }
      finally { await client.end(); }
    };
    const timer = setInterval(async () => {
      if (alive()) return;
      clearInterval(timer);
      try { await drop(serverUrl); } catch (error) {
        if (error.code === '3D000') { const u = new URL(serverUrl); u.pathname = '/postgres'; await drop(u.toString()).catch(() => {}); }
      }
    }, 500);`;
  const child = spawn(process.execPath, ['-e', script, require.resolve('pg'), String(process.pid), serverUrl, name], {
    detached: true,
    stdio: 'ignore',
    cwd: REPO_ROOT,
  });
  child.unref();
}

/**
 * @param {NodeJS.Signals | null} signal
 * @param {number} exitCode
 */
async function stop(signal, exitCode) {
  if (stopping) return;
  stopping = true;
  if (signal) log(`${signal}: stopping`);
  if (api && isRunning(api)) await stopChild(api, signal ?? 'SIGTERM', API_STOP_TIMEOUT_MS);
  if (provisioning) {
    try {
      await (await provisioning).release();
    } catch {
      // provisioning failed and said why; nothing to release
    }
  }
  process.exit(exitCode);
}
