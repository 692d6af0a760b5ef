// @ts-check
'use strict';

/** Names and URLs of the databases the provisioner hands out. Pure: no I/O, no globals but the ones passed in. */

const crypto = require('node:crypto');

const EMBEDDED_HOST = '127.0.0.1';
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'heardback';
const DEV_DATABASE = 'heardback';

/**
 * `heardback_<purpose>_<yyyymmddhhmmss>_<6 hex>`: sortable by age, unique across parallel runs, and matched by
 * {@link leftoverDatabasePattern} so an interrupted run's database can be found and dropped later.
 * @param {string} purpose
 * @param {Date} [now]
 * @param {string} [suffix] six hex characters; random unless given
 */
function freshDatabaseName(purpose, now = new Date(), suffix = crypto.randomBytes(3).toString('hex')) {
  const timestamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  return `heardback_${purpose}_${timestamp}_${suffix}`;
}

/**
 * The LIKE pattern (with `_` escaped) that matches every fresh database of a purpose.
 * @param {string} purpose
 */
function leftoverDatabasePattern(purpose) {
  return `heardback\\_${purpose}\\_%`;
}

/**
 * @param {number} port
 * @param {string} database
 */
function embeddedUrl(port, database) {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@${EMBEDDED_HOST}:${port}/${encodeURIComponent(database)}`;
}

/**
 * The same server and credentials, another database.
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

/**
 * `host:port` of a server URL, for log lines.
 * @param {string} url
 */
function serverOf(url) {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}`;
}

/**
 * The URL with its password replaced by `***`, safe to print.
 * @param {string} url
 */
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

/**
 * A TCP port from an environment variable, or the fallback when it is unset or empty.
 * @param {NodeJS.ProcessEnv} env
 * @param {string} name
 * @param {number} fallback
 */
function envPort(env, name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a TCP port number (got "${raw}")`);
  }
  return port;
}

/** @param {NodeJS.ProcessEnv} env */
function keepTestDatabase(env) {
  return env.KEEP_TEST_DATABASE === 'true';
}

module.exports = {
  EMBEDDED_HOST,
  EMBEDDED_USER,
  EMBEDDED_PASSWORD,
  DEV_DATABASE,
  freshDatabaseName,
  leftoverDatabasePattern,
  embeddedUrl,
  withDatabase,
  databaseOf,
  serverOf,
  redact,
  quoteIdent,
  envPort,
  keepTestDatabase,
};
