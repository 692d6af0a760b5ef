import { Pool } from 'pg';

let pool: Pool | null = null;

/** Direct access to the test database, for setting up fixtures and for attacking the guards with raw SQL. */
export function database(): Pool {
  if (!pool) {
    const connectionString = process.env['TEST_DATABASE_URL'];
    if (!connectionString) throw new Error('TEST_DATABASE_URL is not set: the global setup did not run');
    pool = new Pool({ connectionString, max: 3 });
  }
  return pool;
}

export async function closeDatabase(): Promise<void> {
  await pool?.end();
  pool = null;
}

export async function count(table: string): Promise<number> {
  const { rows } = await database().query(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0].n;
}
