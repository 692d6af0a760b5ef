#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * The committed schema snapshot (apps/api/src/database/schema-snapshot/) against a database freshly
 * migrated from apps/api/src/database/migrations, the schema's source of truth (docs/adr/0007).
 *
 *   npm run db:schema:check    fails, with a diff, when the migrations no longer build the snapshot's schema,
 *                              or when the last migration's down() does not undo its up() exactly
 *   npm run db:schema:update   rewrites the snapshot (commit it with the migration that changed it)
 *
 * The database is a throwaway one: on DATABASE_URL's server if set, else in the embedded `schema` cluster.
 */

const { spawn } = require('node:child_process');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { exitCodeOf, exited, isRunning } = require('../process/child-process.cjs');
const { seconds } = require('../process/timing.cjs');
const { provisionDatabase, REPO_ROOT } = require('../postgres/provision-database.cjs');
const { diffSnapshots, readSnapshot, writeSnapshot } = require('./snapshot-files.cjs');

const SNAPSHOT = 'apps/api/src/database/schema-snapshot';

/** @param {string} message */
const log = (message) => console.error(`[schema] ${message}`);

/**
 * @typedef {{
 *   count: number, last: string | null,
 *   beforeLast: SnapshotFiles, migrated: SnapshotFiles, reverted: SnapshotFiles, remigrated: SnapshotFiles,
 * }} MigrationResult
 * @typedef {import('./snapshot-files.cjs').SnapshotFiles} SnapshotFiles
 */

/** @type {import('node:child_process').ChildProcess | null} */
let child = null;
/** @type {NodeJS.Signals | null} */
let interruptedBy = null;

/**
 * Runs migrate-and-read.cjs under ts-node on the database.
 * @param {string} databaseUrl
 * @returns {Promise<MigrationResult>}
 */
async function migrateAndRead(databaseUrl) {
  child = spawn(
    process.execPath,
    ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', path.join(__dirname, 'migrate-and-read.cjs')],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        TS_NODE_PROJECT: path.join(REPO_ROOT, 'apps/api/tsconfig.app.json'),
        TS_NODE_TRANSPILE_ONLY: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const exit = await exited(child);
  child = null;
  const code = exitCodeOf(exit.code, exit.signal);
  const line = stdout.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !line.startsWith('{')) {
    throw new Error(`migrating a fresh database failed (exit code ${code}):\n${stderr.trim() || stdout.trim()}`);
  }
  return JSON.parse(line);
}

/**
 * Whether the last migration's down() brings back the schema before it, and up() again the schema after it.
 * @param {MigrationResult} result
 * @returns {string} what is wrong, or ''
 */
function revertProblem(result) {
  const undone = diffSnapshots(result.beforeLast, result.reverted, {
    expectedLabel: `before ${result.last}`,
    actualLabel: `after ${result.last} and its down()`,
  });
  if (undone) {
    return (
      `✖ Reverting the last migration (${result.last}) does not bring back the schema before it: its down() ` +
      `must undo its up() exactly.\n\n${undone}`
    );
  }
  const redone = diffSnapshots(result.migrated, result.remigrated, {
    expectedLabel: 'migrated',
    actualLabel: 'migrated again',
  });
  if (redone)
    return `✖ Migrating again after reverting ${result.last} gives another schema than the first time.\n\n${redone}`;
  return '';
}

/**
 * @param {'check' | 'update'} mode
 * @returns {Promise<number>}
 */
async function run(mode) {
  const started = performance.now();
  const database = await provisionDatabase({ purpose: 'schema', fresh: true, log });
  /** @type {MigrationResult} */
  let result;
  try {
    result = await migrateAndRead(database.databaseUrl);
  } finally {
    await database.release();
  }
  log(
    `migrated a fresh database (${result.count} migrations), reverted the last and migrated again in ${seconds(started)}`,
  );
  const roundTrip = revertProblem(result);
  if (roundTrip) {
    console.error(roundTrip);
    return 1;
  }

  const snapshotDir = path.join(REPO_ROOT, SNAPSHOT);
  if (mode === 'update') {
    const changed = writeSnapshot(snapshotDir, result.migrated);
    console.error(
      changed
        ? `✔ ${changed} file(s) of ${SNAPSHOT} written or removed; review them with git diff and commit them with the migration`
        : `✔ ${SNAPSHOT} is already up to date`,
    );
    return 0;
  }
  const committed = readSnapshot(snapshotDir);
  const diff = diffSnapshots(committed, result.migrated, { expectedLabel: SNAPSHOT, actualLabel: 'migrated' });
  if (!diff) {
    console.error(`✔ the migrations build the schema in ${SNAPSHOT} (and ${result.last} reverts cleanly)`);
    return 0;
  }
  console.error(
    `✖ The schema the migrations build differs from ${SNAPSHOT}.\n\n${diff}\n` +
      'If a migration changed the schema on purpose, run `npm run db:schema:update` and commit the snapshot with it.\n' +
      'Otherwise the schema changed some other way: the migrations are the source of truth (docs/adr/0007).',
  );
  return 1;
}

const mode = process.argv[2];
if (mode !== 'check' && mode !== 'update') {
  console.error('Usage: node tools/schema/schema-snapshot.cjs check|update');
  process.exit(2);
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  // Our own handler: the provisioner then leaves release to us (the finally above), after the child is gone.
  process.on(signal, () => {
    interruptedBy = signal;
    if (child && isRunning(child)) child.kill(signal);
  });
}
run(mode).then(
  (code) => process.exit(code),
  (error) => {
    if (interruptedBy) {
      console.error(`■ ${interruptedBy}: stopped`);
      process.exit(exitCodeOf(null, interruptedBy));
    }
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
