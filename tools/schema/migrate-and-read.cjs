// @ts-check
'use strict';

/**
 * Run by schema-snapshot.cjs under ts-node (the API's TypeScript sources, as tools/db-cli.cjs runs them), with
 * DATABASE_URL a fresh, empty database. Migrates it the way the API does at boot (runMigrationsExclusively): first
 * every migration but the last, then the last; reverts the last and migrates again, reading the schema at each step.
 * Writes one JSON line to stdout: { count, last, beforeLast, migrated, reverted, remigrated }, each schema as
 * the snapshot's files (name → text).
 */

const path = require('node:path');
const { Client } = require('pg');
const { DataSource } = require('typeorm');
const { formatSchema } = require('./format-schema.cjs');
const { readSchema } = require('./read-schema.cjs');

const API_DATABASE = path.resolve(__dirname, '../../apps/api/src/database');

/** @param {string} databaseUrl */
async function describe(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return formatSchema(await readSchema(client));
  } finally {
    await client.end();
  }
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');
  const { dataSourceOptions } = require(path.join(API_DATABASE, 'data-source.ts'));
  const { runMigrationsExclusively } = require(path.join(API_DATABASE, 'run-migrations.ts'));

  const options = { ...dataSourceOptions(databaseUrl), logging: false };
  const all = /** @type {Function[]} */ (options.migrations);

  const allButLast = new DataSource({ ...options, migrations: all.slice(0, -1) });
  await allButLast.initialize();
  await runMigrationsExclusively(allButLast).finally(() => allButLast.destroy());
  const beforeLast = await describe(databaseUrl);

  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    const [last = null] = await runMigrationsExclusively(dataSource);
    const migrated = await describe(databaseUrl);
    await dataSource.undoLastMigration({ transaction: 'all' });
    const reverted = await describe(databaseUrl);
    await runMigrationsExclusively(dataSource);
    const remigrated = await describe(databaseUrl);
    const result = { count: all.length, last, beforeLast, migrated, reverted, remigrated };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
