import { DataSource, EntityManager } from 'typeorm';
import { onReplica } from './read-replica';

/** SQLSTATE query_canceled: what PostgreSQL answers when a statement runs past statement_timeout. */
const QUERY_CANCELED = '57014';

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
  work: (manager: EntityManager) => Promise<T>,
  { replica = false }: { replica?: boolean } = {},
): Promise<T> {
  const limited = (on: EntityManager) => inTimedTransaction(on, timeoutMs, work);
  try {
    return await (replica ? onReplica(dataSource, limited) : limited(dataSource.manager));
  } catch (error) {
    if (isStatementTimeout(error)) throw whenTooSlow();
    throw error;
  }
}

/**
 * As EntityManager.transaction, with the transaction begun and its timeout set in one round trip:
 * one simple-protocol message holding both statements. The board and search run here on every
 * visit, and BEGIN and the setting as two statements were two of their four round trips (ADR 0053).
 */
async function inTimedTransaction<T>(
  on: EntityManager,
  timeoutMs: number,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1)
    throw new Error(`statement timeout must be whole ms, not ${timeoutMs}`);
  const runner = on.queryRunner ?? on.connection.createQueryRunner();
  try {
    await runner.query(`START TRANSACTION; SET LOCAL statement_timeout = ${timeoutMs}`);
    try {
      const result = await work(runner.manager);
      await runner.query('COMMIT');
      return result;
    } catch (error) {
      // As TypeORM's own transaction(): the work's error is the one that matters, even if the connection is gone.
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    if (runner !== on.queryRunner) await runner.release();
  }
}

function isStatementTimeout(error: unknown): boolean {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  return candidate?.driverError?.code === QUERY_CANCELED || candidate?.code === QUERY_CANCELED;
}
