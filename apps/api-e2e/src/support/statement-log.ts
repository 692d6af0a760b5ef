import { Client } from 'pg';

/**
 * E2E_LOG_STATEMENTS=1 (off by default): every test database logs the SQL the API runs, for
 * tools/bench/explain-at-scale.mjs, which reads it back from the server's log and EXPLAINs each
 * statement on the bench datasets (ADR 0043). Needs DATABASE_URL's server (not embedded PostgreSQL)
 * and a superuser, as the bench does.
 */
export const logsStatements = process.env['E2E_LOG_STATEMENTS'] === '1';

/**
 * The tests' own connections (fixtures, guards attacked in raw SQL) opt out through libpq's
 * PGOPTIONS, which node-pg reads too, so the log holds the API's statements and not the tests'.
 * The API process is started without it (api-server.ts).
 */
export function keepTestSqlOutOfTheLog(): void {
  if (logsStatements) process.env['PGOPTIONS'] = '-c log_statement=none';
}

/** Sessions opened on the database from now on log every statement (the API's pool connects after this). */
export async function logStatementsOf(databaseUrl: string): Promise<void> {
  if (!logsStatements) return;
  await withClient(databaseUrl, 'none', async (client) => {
    const { rows } = await client.query<{ name: string }>('SELECT current_database() AS name');
    await client.query(`ALTER DATABASE "${rows[0].name.replace(/"/g, '""')}" SET log_statement = 'all'`);
  });
}

/**
 * Writes `SELECT $1::text AS e2e_marker` with `label` to the log, so the tool can say which spec and test
 * the API's next statements came from (the suite runs in band: the log is in the order things happened).
 */
export async function markTheLog(databaseUrl: string, label: string): Promise<void> {
  if (!logsStatements) return;
  await withClient(databaseUrl, 'all', (client) => client.query('SELECT $1::text AS e2e_marker', [label]));
}

async function withClient<T>(
  databaseUrl: string,
  logStatement: 'all' | 'none',
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString: databaseUrl, options: `-c log_statement=${logStatement}` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
