import { DataSource, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from '../snake-naming-strategy';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for an entity class
type EntityClass = Function | EntitySchema;

/** For unit tests: the metadata of real entities, built without a connection (nothing talks to PostgreSQL). */
export async function metadataOnly(entities: EntityClass[]): Promise<DataSource> {
  const dataSource = new DataSource({ type: 'postgres', entities, namingStrategy: new SnakeNamingStrategy() });
  await (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  return dataSource;
}
