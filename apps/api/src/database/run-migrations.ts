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

/** Migrations this build has that the database has not run yet, oldest first. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const executed = await dataSource
    .query(`SELECT name FROM migrations`)
    .then((rows: Array<{ name: string }>) => new Set(rows.map((row) => row.name)))
    // No migrations table: a database nothing has run on yet.
    .catch(() => new Set<string>());
  return dataSource.migrations
    .map((migration) => migration.name ?? migration.constructor.name)
    .filter((name) => !executed.has(name));
}

export class SchemaBehindError extends Error {
  constructor(readonly pending: string[]) {
    super(
      `The database schema is behind this version of Heardback: ${pending.length} migration(s) have not run ` +
        `(${pending.join(', ')}). Run \`npm run db:migrate\` with this DATABASE_URL, or start with RUN_MIGRATIONS=true.`,
    );
    this.name = 'SchemaBehindError';
  }
}

/**
 * Before the app starts: migrate (RUN_MIGRATIONS), or refuse to run on an older schema, where
 * every query of a newer feature (and the deadline sweep) would fail. Uses a connection of its own
 * without statement limits, since a migration may rightly run for minutes on a large table.
 */
export async function prepareSchema(dataSource: DataSource, runMigrations: boolean): Promise<string[]> {
  if (runMigrations) return runMigrationsExclusively(dataSource);
  const pending = await pendingMigrations(dataSource);
  if (pending.length > 0) throw new SchemaBehindError(pending);
  return [];
}
