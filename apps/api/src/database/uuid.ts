/** A uuid as PostgreSQL writes it (any case): what ids in cursors and lists are checked against before a query. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
