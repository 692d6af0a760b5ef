import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** The message of each statement's line, which the API tests count per request id. */
export const SQL_STATEMENT_MESSAGE = 'sql statement';

/**
 * TypeORM's logger when LOG_SQL_STATEMENTS=true: one debug line per statement sent (transaction
 * control included), written through Nest's logger so it carries the request's id. It says neither
 * the SQL nor its values, so nothing personal reaches the log; counting lines per request id shows
 * whether a request's statements grow with the data it returns.
 */
export class SqlStatementLog implements TypeOrmLogger {
  private readonly logger = new NestLogger('SqlStatements');

  logQuery(): void {
    this.logger.debug(SQL_STATEMENT_MESSAGE);
  }
  logQueryError(): void {
    // Failures reach the caller and the exception filter, which log them.
  }
  logQuerySlow(): void {
    // Slow statements are PostgreSQL's to log (log_min_duration_statement).
  }
  logSchemaBuild(): void {
    // Migrations are logged by the migration runner.
  }
  logMigration(): void {
    // Migrations are logged by the migration runner.
  }
  log(): void {
    // Only statements are counted.
  }
}
