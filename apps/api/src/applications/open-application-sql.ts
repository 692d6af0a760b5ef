import { OPEN_STATUSES } from '@heardback/domain';

/**
 * "The application is open" as SQL with the statuses written out: the partial indexes over open
 * applications (migration 1795848000000) are used only when a query's condition is visibly theirs.
 */
export function openApplicationSql(alias: string): string {
  return `${alias}.status IN (${OPEN_STATUSES.map((status) => `'${status}'`).join(', ')})`;
}
