import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source';
import { SqlStatementLog } from './sql-statement-log';

/**
 * The API's and the worker's connection: every wait on PostgreSQL bounded (ADR 0024). At start-up
 * the connection is tried a few times, then the process stops with the reason rather than hanging.
 */
export function apiDataSourceOptions(config: AppConfig): TypeOrmModuleOptions {
  return {
    ...dataSourceOptions(config.databaseUrl, config.resilience.database, config.databaseReplicaUrls),
    ...(config.logSqlStatements ? { logger: new SqlStatementLog() } : {}),
    retryAttempts: 2,
    retryDelay: 2_000,
  };
}
