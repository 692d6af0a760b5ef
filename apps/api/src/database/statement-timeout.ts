import type { PoolClient } from 'pg';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { onReplica } from './read-replica';

/** SQLSTATE query_canceled: what PostgreSQL answers when a statement runs past statement_timeout. */
const QUERY_CANCELED = '57014';

/**
 * What work under a statement timeout may do: run statements. Not TypeORM's save() or transaction(),
 * which would begin a transaction of their own and, by committing it, end this one and its timeout.
 */
export type TimedStatements = Pick<EntityManager, 'query'>;

/** PostgreSQL's largest statement_timeout (an int of milliseconds). */
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * Runs read-only work in one transaction whose statements PostgreSQL cancels after `timeoutMs`
 * (`SET LOCAL statement_timeout`, so the pooled connection keeps its own setting afterwards). A
 * cancelled statement becomes `whenTooSlow()`, so the caller can say what to do instead of a 503
 * that blames the database. With `replica`, on a streaming replica when there is one (read-replica.ts).
 */
export async function withStatementTimeout<T>(
  dataSource: DataSource,
  timeoutMs: number,
  whenTooSlow: () => Error,
  work: (statements: TimedStatements) => Promise<T>,
  { replica = false }: { replica?: boolean } = {},
): Promise<T> {
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new Error(`A statement timeout is whole milliseconds from 1 to ${MAX_TIMEOUT_MS}, not ${timeoutMs}`);
  }
  const limited = (on: EntityManager) => inTimedTransaction(on, timeoutMs, work);
  try {
    return await (replica ? onReplica(dataSource, limited) : limited(dataSource.manager));
  } catch (error) {
    if (isStatementTimeout(error)) throw whenTooSlow();
    throw error;
  }
}

/**
 * The transaction is begun and its timeout set in one round trip: one simple-protocol message holding
 * both statements. The board and search run here on every visit, and BEGIN and the setting as two
 * statements were two of their four round trips (ADR 0053).
 */
async function inTimedTransaction<T>(
  on: EntityManager,
  timeoutMs: number,
  work: (statements: TimedStatements) => Promise<T>,
): Promise<T> {
  const runner = on.queryRunner ?? on.connection.createQueryRunner();
  try {
    try {
      await runner.query(`START TRANSACTION; SET LOCAL statement_timeout = ${timeoutMs}`);
      const result = await work(runner.manager);
      await runner.query('COMMIT');
      return result;
    } catch (error) {
      // The work's error is the one to report. A connection that cannot even roll back may still be
      // inside the transaction: it is closed, and the pool never lends it to anyone else.
      await runner.query('ROLLBACK').catch(() => closeConnection(runner));
      throw error;
    }
  } finally {
    if (runner !== on.queryRunner) await runner.release();
  }
}

/** Ends the runner's connection without waiting for it; the pool removes a client that is ending. */
async function closeConnection(runner: QueryRunner): Promise<void> {
  const client = (await runner.connect()) as PoolClient;
  client.end().catch(() => undefined);
}

function isStatementTimeout(error: unknown): boolean {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  return candidate?.driverError?.code === QUERY_CANCELED || candidate?.code === QUERY_CANCELED;
}
