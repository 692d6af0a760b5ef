import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { ApiSession } from './api-client';
import { ApiProcess, ProvisionedDatabase, provisionTestDatabase, startApiProcess } from './api-server';
import { endPool } from './database';

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
  /**
   * With `{ clock: true }`: moves the API's clock (TEST_CLOCK_FILE, config/test-clock.ts) so that it
   * reads `at` now and runs on from there. Only forward moves keep the API's and the database's
   * times in order (the database's `now()` stays real).
   */
  setClock(at: Date): void;
}

/**
 * An API of its own on a fresh database, for a describe block that needs settings the shared API
 * does not have (log level, demo data, the outbox sender): started before its tests, stopped after.
 * Call it inside the describe; hooks the block adds after it run once the API is up.
 */
export function ownApi(env: Record<string, string>, options: { clock?: boolean } = {}): OwnApi {
  const clockFile = options.clock ? join(mkdtempSync(join(tmpdir(), 'heardback-clock-')), 'offset') : null;
  let database: ProvisionedDatabase | undefined;
  let pool: Pool | undefined;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    database = await provisionTestDatabase();
    pool = new Pool({ connectionString: database.databaseUrl, max: 2 });
    api = await startApiProcess({
      databaseUrl: database.databaseUrl,
      env: clockFile ? { ...env, TEST_CLOCK_FILE: clockFile } : env,
    });
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    if (pool) await endPool(pool);
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
    setClock: (at: Date) => {
      if (!clockFile) throw new Error('setClock needs ownApi(env, { clock: true })');
      writeFileSync(clockFile, String(at.getTime() - Date.now()));
    },
  };
}
