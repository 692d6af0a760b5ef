import { EntityManager } from 'typeorm';

/**
 * Runs a DELETE (without RETURNING) and answers how many rows it deleted, counted in the database: a
 * purge may delete many thousands, and sending each one's key back only to count it costs for nothing.
 */
export async function deleteCounting(
  manager: EntityManager,
  deleteSql: string,
  parameters: unknown[] = [],
): Promise<number> {
  const [{ deleted }]: { deleted: number }[] = await manager.query(
    `WITH gone AS (${deleteSql} RETURNING 1) SELECT count(*)::int AS deleted FROM gone`,
    parameters,
  );
  return deleted;
}
