// @ts-check
'use strict';

/** Processes known only by their PID (a postmaster this process did not start): are they alive, stop them. */

const fs = require('node:fs');
const { sleep } = require('./timing.cjs');

/**
 * The state letter of `/proc/<pid>/stat` (R, S, Z, …). The command name in parentheses may itself hold
 * spaces and parentheses, so the state is read after the last `)`.
 * @param {string} stat
 */
function processStateOf(stat) {
  const end = stat.lastIndexOf(')');
  return end === -1 ? '' : stat.slice(end + 2, end + 3);
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
    return processStateOf(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')) !== 'Z';
  } catch (error) {
    // no /proc (macOS): trust kill(0); /proc but no entry: gone
    return /** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT' || !fs.existsSync('/proc/self');
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
 * Stops a postmaster that is not our child process (an adopted orphan): a fast shutdown (SIGINT), then an
 * immediate one (SIGQUIT) and SIGKILL if it is still there after `timeoutMs`.
 * @param {number} pid
 * @param {number} timeoutMs
 */
async function stopByPid(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
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

module.exports = { processStateOf, isProcessAlive, signalPid, stopByPid };
