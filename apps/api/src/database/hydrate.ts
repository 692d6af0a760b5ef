import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * An entity from a row keyed by column name, converted as TypeORM converts what it reads itself
 * (timestamps to Dates, and so on). It lets a prepared statement of our own load entities: one
 * statement can then return a row and its children as JSON (`to_json(a)`, `json_agg(s)`), where
 * TypeORM's finders would take a round trip and a fresh plan for each (ADR 0054). Keys that are no
 * column of the entity are ignored, so a table may have columns the entity does not map.
 */
export function hydrate<Entity extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<Entity>,
  row: Record<string, unknown>,
): Entity {
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const entity = metadata.create() as Entity;
  for (const column of metadata.columns) {
    // As TypeORM's own reads: a column kept out of selects (a password's hash) stays out here too.
    if (column.isVirtual || !column.isSelect || !(column.databaseName in row)) continue;
    const value = row[column.databaseName];
    // JSON has numbers where the driver reads a bigint as a string (its values can pass 2^53).
    const read = column.type === 'bigint' && typeof value === 'number' ? String(value) : value;
    column.setEntityValue(entity, driver.prepareHydratedValue(read, column));
  }
  return entity;
}
