// @ts-check
'use strict';

/** Where each purpose's embedded cluster lives and how its postgres runs. Pure. */

const { envPort } = require('./database-urls.cjs');

/** @typedef {'dev'|'test'|'e2e'|'schema'} Purpose */

/** Paths are relative to the repository root. */
const CLUSTERS = {
  dev: { dir: '.data/postgres', defaultPort: 54329, portVariable: 'EMBEDDED_PG_PORT', disposable: false },
  test: { dir: '.data/postgres-test', defaultPort: 54339, portVariable: null, disposable: true },
  e2e: { dir: '.data/postgres-e2e', defaultPort: 54349, portVariable: null, disposable: true },
  schema: { dir: '.data/postgres-schema', defaultPort: 54359, portVariable: null, disposable: true },
};

/** @param {unknown} purpose @returns {purpose is Purpose} */
function isPurpose(purpose) {
  return typeof purpose === 'string' && Object.prototype.hasOwnProperty.call(CLUSTERS, purpose);
}

/**
 * @param {Purpose} purpose
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ dir: string, port: number, disposable: boolean }}
 */
function clusterSpec(purpose, env) {
  const { dir, defaultPort, portVariable, disposable } = CLUSTERS[purpose];
  return { dir, port: portVariable ? envPort(env, portVariable, defaultPort) : defaultPort, disposable };
}

/**
 * @param {string} host
 * @param {boolean} disposable
 */
function postgresFlags(host, disposable) {
  const flags = ['-c', `listen_addresses=${host}`, '-c', 'unix_socket_directories='];
  if (disposable) {
    // Throwaway test data: durability buys nothing, speed does.
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
    flags.push('-c', 'max_connections=200');
  }
  return flags;
}

/**
 * What to tell the user when postgres would not start, judging by its output.
 * @param {string} output
 * @param {number} port
 * @param {Purpose} purpose
 */
function startFailureHint(output, port, purpose) {
  if (!/address already in use/i.test(output)) return '';
  return ` Port ${port} is taken by another program${purpose === 'dev' ? '; set EMBEDDED_PG_PORT to another port' : ''}.`;
}

const LOG_TAIL_ENTRIES = 40;
const LOG_TAIL_LINES = 15;

/**
 * Keeps the last entries of postgres' output, to quote when it fails.
 * @param {string[]} tail
 * @param {unknown} message
 */
function rememberLine(tail, message) {
  tail.push(message instanceof Error ? `${message.message}\n` : String(message));
  if (tail.length > LOG_TAIL_ENTRIES) tail.splice(0, tail.length - LOG_TAIL_ENTRIES);
}

/** @param {string[]} tail */
function logTail(tail) {
  const text = tail.join('').trim();
  return text ? `\n--- postgres output (last lines) ---\n${text.split('\n').slice(-LOG_TAIL_LINES).join('\n')}` : '';
}

module.exports = { CLUSTERS, isPurpose, clusterSpec, postgresFlags, startFailureHint, rememberLine, logTail };
