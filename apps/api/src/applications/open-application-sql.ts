import { OPEN_STATUSES } from '@heardback/domain';

const OPEN_LIST = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');

/**
 * "The application is open" as SQL with the statuses written out: the partial indexes over open
 * applications (migration 1795848000000) are used only when a query's condition is visibly theirs.
 */
export function openApplicationSql(alias: string): string {
  return `${alias}.status IN (${OPEN_LIST})`;
}

/** "The application is closed", written as the closed partial index's predicate (migration 1795955300000). */
export function closedApplicationSql(alias: string): string {
  return `${alias}.status NOT IN (${OPEN_LIST})`;
}
