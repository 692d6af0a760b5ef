import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { databaseUnavailableReason } from '../resilience/database-unavailable';
import { dataSourceOptions } from './data-source';
import { prepareSchema } from './run-migrations';

/**
 * At start-up, before anything serves or sweeps: migrate (RUN_MIGRATIONS) or refuse an older
 * schema. On a connection of its own, bounded in how long it waits to connect but not in how long a
 * statement runs: a migration may rightly take minutes on a large table.
 */
export async function migrateOrCheckSchema(config: AppConfig): Promise<string[]> {
  const { connectTimeoutMs } = config.resilience.database;
  const dataSource = new DataSource({
    ...dataSourceOptions(config.databaseUrl, { poolSize: 2, connectTimeoutMs }),
    logging: false,
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new Error(unreachableMessage(config.databaseUrl, connectTimeoutMs, error));
  }
  try {
    return await prepareSchema(dataSource, config.runMigrations);
  } finally {
    await dataSource.destroy();
  }
}

/** Where it tried and why it failed, never the password in DATABASE_URL. */
function unreachableMessage(databaseUrl: string, connectTimeoutMs: number, error: unknown): string {
  const url = new URL(databaseUrl);
  const where = `${url.hostname}:${url.port || 5432}${url.pathname}`;
  const why = databaseUnavailableReason(error) ?? (error instanceof Error ? error.message : String(error));
  return (
    `PostgreSQL at ${where} did not accept a connection within ${connectTimeoutMs} ms (${why}). ` +
    'Check DATABASE_URL and that PostgreSQL is running; DB_CONNECT_TIMEOUT_MS sets how long to wait.'
  );
}
