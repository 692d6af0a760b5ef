import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

const logger = new Logger('ReadReplica');

/** How many streaming replicas the data source was given (DATABASE_REPLICA_URLS). */
export function replicaCount(dataSource: DataSource): number {
  const options = dataSource.options as { replication?: { slaves?: unknown[] } };
  return options.replication?.slaves?.length ?? 0;
}

/**
 * Runs read-only work on a streaming replica when there is one (TypeORM picks one of them at random),
 * else on the primary (ADR 0035). Only for reads that may be a moment behind the primary and that no
 * one has just written themselves: the public board, a visitor's job page, the score. A replica that
 * cannot be reached is stepped over for this request: the primary answers, and the log says why.
 */
export async function onReplica<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (replicaCount(dataSource) === 0) return work(dataSource.manager);
  const runner = dataSource.createQueryRunner('slave');
  try {
    try {
      await runner.connect();
    } catch (error) {
      logger.warn(`No replica could be reached; reading from the primary: ${(error as Error).message}`);
      return await work(dataSource.manager);
    }
    return await work(runner.manager);
  } finally {
    await runner.release();
  }
}
