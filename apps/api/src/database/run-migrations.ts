import { DataSource } from 'typeorm';

/** Several instances may start at once; a PostgreSQL advisory lock lets one migrate while the others wait. */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('heardback:migrations'))`);
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext('heardback:migrations'))`).catch(() => undefined);
    await runner.release();
  }
}
