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
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { constants } from 'node:os';

const require = createRequire(import.meta.url);
const {
  provisionDatabase,
  REPO_ROOT,
} = require('./postgres/provision-database.cjs');

const PORT = process.env.E2E_PORT || '4300';
const API_MAIN = join(REPO_ROOT, 'dist/apps/api/main.js');
const API_STOP_TIMEOUT_MS = 15_000;

/** @param {string} message */
const log = (message) => console.log(`[e2e-server] ${message}`);

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
    throw new Error(
      `${API_MAIN} is missing: build first (npx nx run-many -t build -p api portal).`,
    );
  }
  provisioning = provisionDatabase({ purpose: 'e2e', fresh: true, log });
  const db = await provisioning;
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
      log(
        `the API exited on its own (${signal ? `signal ${signal}` : `exit code ${code}`})`,
      );
      api = null;
      void stop(
        null,
        code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0),
      );
    });
  }
} catch (error) {
  log(`✖ ${error instanceof Error ? error.message : String(error)}`);
  await stop(null, 1);
}

/**
 * @param {NodeJS.Signals | null} signal
 * @param {number} exitCode
 */
async function stop(signal, exitCode) {
  if (stopping) return;
  stopping = true;
  if (signal) log(`${signal}: stopping`);
  if (api && api.exitCode === null && api.signalCode === null) {
    const child = api;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal ?? 'SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), API_STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }
  if (provisioning) {
    try {
      await (await provisioning).release();
    } catch {
      // provisioning failed and said why; nothing to release
    }
  }
  process.exit(exitCode);
}
