import { Pool } from 'pg';
import { ApiSession } from './api-client';
import { ApiProcess, ProvisionedDatabase, provisionTestDatabase, startApiProcess } from './api-server';

/** What `ownApi` hands a describe block: read it inside its tests and hooks, once it has started. */
export interface OwnApi {
  readonly process: ApiProcess;
  readonly database: ProvisionedDatabase;
  /** A small pool on its database, for fixtures written in SQL. */
  readonly pool: Pool;
  /** A new browser-like caller of this API. */
  browser(options?: { sendXsrfHeader?: boolean; headers?: Record<string, string> }): ApiSession;
  /** The JSON lines it has logged so far, one object each. */
  logLines<T>(): T[];
}

/**
 * An API of its own on a fresh database, for a describe block that needs settings the shared API
 * does not have (log level, demo data, the outbox sender): started before its tests, stopped after.
 * Call it inside the describe; hooks the block adds after it run once the API is up.
 */
export function ownApi(env: Record<string, string>): OwnApi {
  let database: ProvisionedDatabase | undefined;
  let pool: Pool | undefined;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    database = await provisionTestDatabase();
    pool = new Pool({ connectionString: database.databaseUrl, max: 2 });
    api = await startApiProcess({ databaseUrl: database.databaseUrl, env });
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await pool?.end();
    await database?.release();
  });

  function started<T>(value: T | undefined): T {
    if (value === undefined) throw new Error('ownApi is read before its beforeAll has started it');
    return value;
  }

  return {
    get process() {
      return started(api);
    },
    get database() {
      return started(database);
    },
    get pool() {
      return started(pool);
    },
    browser: (options = {}) => new ApiSession({ ...options, baseUrl: started(api).url }),
    logLines: <T>() =>
      started(api)
        .output.join('')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as T),
  };
}
