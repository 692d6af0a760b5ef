// @ts-check
'use strict';

/**
 * Databases on a PostgreSQL server, over SQL: connect, create, drop; and DATABASE_URL's server (one someone
 * else runs), where a fresh database is a throwaway one created for a run and dropped on release().
 */

const { performance } = require('node:perf_hooks');
const {
  databaseOf,
  freshDatabaseName,
  keepTestDatabase,
  quoteIdent,
  redact,
  serverOf,
  withDatabase,
} = require('./database-urls.cjs');
const { seconds } = require('../process/timing.cjs');

/**
 * @typedef {{ databaseUrl: string, embedded: boolean, release: () => Promise<void> }} ProvisionedDatabase
 */

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
    if (/** @type {{ code?: string }} */ (error).code === '3D000' && databaseOf(url) !== 'postgres') {
      return withClient(withDatabase(url, 'postgres'), fn);
    }
    throw error;
  }
}

/**
 * @param {string} adminUrl
 * @param {string} name
 */
async function createDatabase(adminUrl, name) {
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
}

/**
 * Creates the database unless it exists.
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
      if (/** @type {{ code?: string }} */ (error).code !== '42P04') throw error; // created meanwhile
    }
  });
}

/**
 * Drops the database, disconnecting whoever is still in it.
 * @param {string} adminUrl
 * @param {string} name
 */
async function dropDatabase(adminUrl, name) {
  await withAdminClient(adminUrl, async (client) => {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    } catch (error) {
      if (/** @type {{ code?: string }} */ (error).code !== '42601') throw error;
      // PostgreSQL < 13 has no WITH (FORCE)
      await client.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
    }
  });
}

/**
 * DATABASE_URL as is (`fresh: false`), or a throwaway database created on its server (`fresh: true`).
 * @param {string} serverUrl
 * @param {string} purpose
 * @param {boolean} fresh
 * @param {(msg: string) => void} log
 * @returns {Promise<ProvisionedDatabase>}
 */
async function provisionOnServer(serverUrl, purpose, fresh, log) {
  let where;
  try {
    where = serverOf(serverUrl);
  } catch {
    throw new Error('DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database)');
  }
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
  await createDatabase(serverUrl, name);
  const databaseUrl = withDatabase(serverUrl, name);
  log(`PostgreSQL (DATABASE_URL) ${where}: created database ${name} in ${seconds(started)}`);

  return {
    databaseUrl,
    embedded: false,
    release: async () => {
      if (keepTestDatabase(process.env)) {
        log(`KEEP_TEST_DATABASE=true: kept database ${name} (${redact(databaseUrl)})`);
        return;
      }
      await dropDatabase(serverUrl, name);
      log(`PostgreSQL (DATABASE_URL) ${where}: dropped database ${name}`);
    },
  };
}

module.exports = { withClient, withAdminClient, createDatabase, ensureDatabase, dropDatabase, provisionOnServer };
