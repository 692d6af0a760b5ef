// @ts-check
'use strict';

/** Child processes the tools start (the build, the API, the TypeORM CLI, postgres): wait for them, stop them. */

const os = require('node:os');

/**
 * @typedef {{ exitCode: number | null, signalCode: NodeJS.Signals | string | null }} ExitState
 * @typedef {{ code: number | null, signal: NodeJS.Signals | null }} Exit
 */

/**
 * Still running: neither exited nor killed by a signal.
 * @param {ExitState} child
 */
function isRunning(child) {
  return child.exitCode === null && child.signalCode === null;
}

/**
 * A shell-style exit code: the code, or 128 + the signal's number, as a shell reports a killed process.
 * @param {number | null} code
 * @param {NodeJS.Signals | string | null} signal
 */
function exitCodeOf(code, signal) {
  if (code !== null) return code;
  if (!signal) return 0;
  return 128 + (os.constants.signals[/** @type {NodeJS.Signals} */ (signal)] ?? 0);
}

/**
 * Resolves when the child exits (at once if it already has); a child that could not be started counts as exit code 1.
 * @param {import('node:child_process').ChildProcess} child
 * @param {(error: Error) => void} [onError]
 * @returns {Promise<Exit>}
 */
function exited(child, onError = () => undefined) {
  if (!isRunning(child)) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => {
      onError(error);
      resolve({ code: 1, signal: null });
    });
  });
}

/**
 * Sends the signal (a terminal's Ctrl-C has usually reached the child already) and waits for the exit,
 * escalating to SIGKILL after `timeoutMs`.
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} signal
 * @param {number} timeoutMs
 * @param {() => void} [onKill] called just before the SIGKILL
 * @returns {Promise<Exit>}
 */
async function stopChild(child, signal, timeoutMs, onKill = () => undefined) {
  const done = exited(child);
  child.kill(signal);
  const timer = setTimeout(() => {
    onKill();
    child.kill('SIGKILL');
  }, timeoutMs);
  try {
    return await done;
  } finally {
    clearTimeout(timer);
  }
}

module.exports = { isRunning, exitCodeOf, exited, stopChild };
