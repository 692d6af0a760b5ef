import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Entities read by statements of our own, as JSON (ADR 0054). One prepared statement can return a row
 * and its children (`entityJson` of the row, `json_agg` of the children's), where TypeORM's finders
 * would take a round trip and a fresh plan for each; `hydrate` turns each object back into the
 * entity TypeORM would have read.
 *
 * The JSON names its columns one by one, from the entity's metadata, never `to_json(table)`: a
 * column the entity does not select (a password's hash) is never read, a secret column added to the
 * table later is not read either, and a column the entity maps that the table lost (a rename by a
 * newer release) fails the statement, as TypeORM's own select would, instead of reading as undefined.
 */

/** The entity's selected columns; `without` leaves out some the caller does not need (a token's hash). */
function readColumns(connection: DataSource, target: EntityTarget<ObjectLiteral>, without: readonly string[]) {
  return connection
    .getMetadata(target)
    .columns.filter((column) => !column.isVirtual && column.isSelect && !without.includes(column.propertyName));
}

/**
 * `json_build_object('id', alias.id, …)` of the entity's selected columns: the SQL of one row as the
 * JSON `hydrate` reads. Built once per statement from the metadata (see lazyPrepared).
 */
export function entityJson(
  connection: DataSource,
  target: EntityTarget<ObjectLiteral>,
  alias: string,
  without: readonly string[] = [],
): string {
  const columns = readColumns(connection, target, without);
  // json_build_object takes at most 100 arguments.
  if (columns.length > 50) throw new Error(`entityJson: ${columns.length} columns, over json_build_object's 50`);
  const pairs = columns.map((column) => `'${column.databaseName}', ${alias}."${column.databaseName}"`);
  return `json_build_object(${pairs.join(', ')})`;
}

/** The entity from one object of `entityJson`, converted as TypeORM converts what it reads itself. */
export function hydrate<Entity extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<Entity>,
  row: Record<string, unknown>,
  without: readonly string[] = [],
): Entity {
  const metadata = manager.connection.getMetadata(target);
  const entity = metadata.create(undefined, { fromDeserializer: true }) as Entity;
  for (const column of readColumns(manager.connection, target, without)) {
    if (!(column.databaseName in row))
      throw new Error(`hydrate: ${metadata.tableName}.${column.databaseName} not read`);
    column.setEntityValue(entity, manager.connection.driver.prepareHydratedValue(fromJson(row, column), column));
  }
  return entity;
}

function fromJson(row: Record<string, unknown>, column: ColumnMetadata): unknown {
  const value = row[column.databaseName];
  // The driver reads a bigint as a string; JSON has a number (exact below 2^53, which identities stay under).
  return column.type === 'bigint' && typeof value === 'number' ? String(value) : value;
}
