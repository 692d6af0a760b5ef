import { Pool } from 'pg';

let pool: Pool | null = null;

/** Direct access to the test database, for setting up fixtures and for attacking the guards with raw SQL. */
export function database(): Pool {
  if (!pool) {
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 3 });
  }
  return pool;
}

/** The shared test database the global setup provisioned. */
export function testDatabaseUrl(): string {
  const connectionString = process.env['TEST_DATABASE_URL'];
  if (!connectionString) throw new Error('TEST_DATABASE_URL is not set: the global setup did not run');
  return connectionString;
}

export async function closeDatabase(): Promise<void> {
  if (pool) await endPool(pool);
  pool = null;
}

/** How long `endPool` waits for connections to close: pg-pool says nothing of one that failed to open. */
const POOL_CLOSE_WAIT_MS = 5_000;

/**
 * Ends a pool once its connections have really closed. pg-pool's `end()` resolves as soon as it has
 * asked them to; a database dropped at that moment (WITH FORCE) terminates one still closing, and
 * the pool reports that as an unhandled error, failing whichever suite is running. Waits for each
 * connection's `remove` (emitted once it has ended), for a bounded while, and from now on takes any
 * error of a connection as the closing it is.
 */
export async function endPool(target: Pool): Promise<void> {
  target.on('error', () => undefined);
  let open = target.totalCount;
  const closed = new Promise<void>((resolve) => {
    if (open === 0) resolve();
    target.on('remove', () => {
      open -= 1;
      if (open === 0) resolve();
    });
  });
  await target.end();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([closed, new Promise((done) => (timer = setTimeout(done, POOL_CLOSE_WAIT_MS)))]);
  clearTimeout(timer);
}

export async function count(table: string): Promise<number> {
  const { rows } = await database().query(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0].n;
}
