// Builds (or reuses) one benchmark database: created on DATABASE_URL's server, migrated with the
// real migrations (tools/db-cli.cjs migration:run), filled by dataset-sql.mjs, ANALYZEd, and marked
// with the generator's version in `bench_dataset`. A database whose marker matches is reused, after any newer migrations.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';
import { BENCH_PASSWORD, DATASET_VERSION, datasetShape, datasetStatements } from './dataset-sql.mjs';

const require = createRequire(import.meta.url);
const REPO_ROOT = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../..');

/** @param {string} serverUrl @param {string} database */
export function databaseUrl(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** @param {string} url @param {(client: pg.Client) => Promise<T>} work @template T */
export async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The marker row, or null when the database or the marker is missing. @param {string} url */
async function readMarker(url) {
  try {
    return await withClient(url, async (client) => {
      const { rows } = await client.query(
        `SELECT version, jobs, build_seconds, built_at FROM bench_dataset ORDER BY built_at DESC LIMIT 1`,
      );
      return rows[0] ?? null;
    });
  } catch (error) {
    // 3D000: no such database; 42P01: no marker table (a build that did not finish).
    if (error && typeof error === 'object' && 'code' in error && ['3D000', '42P01'].includes(String(error.code)))
      return null;
    throw error;
  }
}

/** @param {string} url */
function migrate(url) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'tools/db-cli.cjs'), 'migration:run'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(undefined) : reject(new Error(`migrations failed (exit ${code})`)),
    );
  });
}

/**
 * What the worker does every minute (apps/api/src/background/kept-counts-fold.ts), which the bench's
 * API does not run: the changes appended to the kept counts, by the build or by earlier runs' writes,
 * folded into them, so every run reads the totals as a running system would (ADR 0084).
 * @param {import('pg').Client} client
 */
async function foldKeptCounts(client) {
  await client.query('SELECT fold_feedback_waiting_changes(2147483647), fold_application_status_changes(2147483647)');
}

/**
 * @param {{ serverUrl: string, database: string, jobs: number, rebuild: boolean, log: (line: string) => void }} options
 * @returns {Promise<{ url: string, built: boolean, buildSeconds: number }>}
 */
export async function ensureDataset({ serverUrl, database, jobs, rebuild, log }) {
  const url = databaseUrl(serverUrl, database);
  const marker = rebuild ? null : await readMarker(url);
  if (marker && marker.version === DATASET_VERSION && marker.jobs === jobs) {
    log(
      `${database}: reusing dataset v${marker.version} (built ${marker.built_at.toISOString()} in ${marker.build_seconds} s)`,
    );
    // Migrations added since it was built run on it now, so the API being measured finds its schema;
    // then VACUUM, because a migration's backfill leaves every row it rewrote out of the visibility
    // map, and index-only scans would read the table until autovacuum came round.
    const migrateStarted = performance.now();
    await migrate(url);
    await withClient(url, async (client) => {
      await foldKeptCounts(client);
      await client.query('VACUUM ANALYZE');
    });
    log(`  migrated and vacuumed in ${seconds(migrateStarted)} s`);
    return { url, built: false, buildSeconds: Number(marker.build_seconds) };
  }
  log(
    marker
      ? `${database}: has dataset v${marker.version} of ${marker.jobs} jobs, not v${DATASET_VERSION} of ${jobs}: rebuilding`
      : `${database}: building dataset v${DATASET_VERSION} (${jobs} jobs)`,
  );
  const started = performance.now();
  await withClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
  });
  await migrate(url);
  log(`  migrated in ${seconds(started)} s`);

  // The API hashes with argon2id (apps/api/src/auth/password-hasher.ts); one hash serves every user.
  const argon2 = require('argon2');
  const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id });
  await withClient(url, async (client) => {
    for (const statement of datasetStatements(jobs, hash)) {
      const stepStarted = performance.now();
      await client.query(statement.sql);
      log(`  ${statement.label}: ${seconds(stepStarted)} s`);
    }
    // VACUUM too, as a reused dataset is (above) and as autovacuum would have by the time a real
    // database held this much: the build's updates leave dead rows (at 100k, 2.7 per application),
    // and this machine's PostgreSQL may run with autovacuum off (its CI settings do).
    const analyzeStarted = performance.now();
    await foldKeptCounts(client);
    await client.query('VACUUM ANALYZE');
    log(`  VACUUM ANALYZE: ${seconds(analyzeStarted)} s`);
    const buildSeconds = Number(seconds(started));
    await client.query(`
      CREATE TABLE bench_dataset (version integer NOT NULL, jobs integer NOT NULL, build_seconds numeric NOT NULL,
                                  built_at timestamptz NOT NULL DEFAULT now())`);
    await client.query(`INSERT INTO bench_dataset (version, jobs, build_seconds) VALUES ($1, $2, $3)`, [
      DATASET_VERSION,
      jobs,
      buildSeconds,
    ]);
  });
  const buildSeconds = Number(seconds(started));
  log(`${database}: built in ${buildSeconds} s`);
  return { url, built: true, buildSeconds };
}

/** Row counts and size, for the report. @param {string} url */
export function describeDataset(url) {
  return withClient(url, async (client) => {
    const { rows } = await client.query(`
      SELECT (SELECT count(*) FROM jobs)::int AS jobs, (SELECT count(*) FROM clients)::int AS clients,
             (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM applications)::int AS applications,
             (SELECT count(*) FROM application_stages)::int AS stages, (SELECT count(*) FROM feedback)::int AS feedback,
             (SELECT count(*) FROM timeline_events)::int AS events,
             pg_size_pretty(pg_database_size(current_database())) AS size`);
    return rows[0];
  });
}

export { datasetShape };

/** @param {number} since */
function seconds(since) {
  return ((performance.now() - since) / 1000).toFixed(1);
}
