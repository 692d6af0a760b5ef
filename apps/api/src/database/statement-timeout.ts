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
  const limited = (on: EntityManager) =>
    on.transaction(async (manager) => {
      await manager.query(`SELECT set_config('statement_timeout', $1, true)`, [`${timeoutMs}ms`]);
      return work(manager);
    });
  try {
    return await (replica ? onReplica(dataSource, limited) : limited(dataSource.manager));
  } catch (error) {
    if (isStatementTimeout(error)) throw whenTooSlow();
    throw error;
  }
}

function isStatementTimeout(error: unknown): boolean {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  return candidate?.driverError?.code === QUERY_CANCELED || candidate?.code === QUERY_CANCELED;
}
