import { EntityManager } from 'typeorm';

/**
 * Runs an UPDATE … RETURNING and gives back its rows. TypeORM's PostgreSQL driver answers UPDATE
 * and DELETE with `[rows, rowCount]` but other statements with the rows alone; this hides that.
 */
export async function updateReturning<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  const result: unknown = await manager.query(sql, parameters);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
