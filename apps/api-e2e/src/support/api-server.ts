import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { logStatementsOf } from './statement-log';

const workspaceRoot = resolve(__dirname, '../../../..');

export interface ProvisionedDatabase {
  databaseUrl: string;
  embedded: boolean;
  release: () => Promise<void>;
}

// CommonJS tool shared with `npm start` and the browser tests: DATABASE_URL's server, else embedded PostgreSQL.
const { provisionDatabase } = require(join(workspaceRoot, 'tools/postgres/provision-database.cjs')) as {
  provisionDatabase: (options: {
    purpose: 'test';
    fresh: boolean;
    log?: (message: string) => void;
  }) => Promise<ProvisionedDatabase>;
};

export async function provisionTestDatabase(): Promise<ProvisionedDatabase> {
  const database = await provisionDatabase({ purpose: 'test', fresh: true, log: (message) => console.log(message) });
  await logStatementsOf(database.databaseUrl); // E2E_LOG_STATEMENTS=1 only
  return database;
}

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  output: string[];
  /** SIGTERM, then SIGKILL after 10 s. */
  stop: () => Promise<void>;
}

export interface ApiServer {
  url: string;
  databaseUrl: string;
  stop: () => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The API exited with code ${child.exitCode}:\n${output.join('')}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((next) => setTimeout(next, 250));
  }
  throw new Error(`The API did not become healthy within 60 s:\n${output.join('')}`);
}

/**
 * Starts the built API (`main`) or background worker (`worker`) from dist/apps/api as a separate
 * process on the given database, exactly as production runs it. The API is awaited until healthy.
 */
export async function startApiProcess(options: {
  databaseUrl: string;
  entry?: 'main' | 'worker';
  env?: Record<string, string>;
}): Promise<ApiProcess> {
  const entry = options.entry ?? 'main';
  const script = join(workspaceRoot, `dist/apps/api/${entry}.js`);
  if (!existsSync(script)) {
    throw new Error(`${script} is missing: build the API first (npx nx build api)`);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  // PGOPTIONS keeps the tests' own SQL out of the statement log (statement-log.ts), never the API's.
  const inherited = { ...process.env };
  delete inherited['PGOPTIONS'];
  const child = spawn(process.execPath, [script], {
    cwd: workspaceRoot,
    env: {
      ...inherited,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      NODE_ENV: 'test',
      RUN_MIGRATIONS: 'true',
      DEMO_DATA: 'false',
      MAIL_DIR: mkdtempSync(join(tmpdir(), 'heardback-mail-')),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  if (entry === 'main') {
    try {
      await waitForHealth(url, child, output);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
  }
  return { url, child, output, stop };
}

/** The API on a fresh database of its own, for the whole test run. */
export async function startApiServer(env: Record<string, string> = {}): Promise<ApiServer> {
  const database = await provisionTestDatabase();
  let api: ApiProcess;
  try {
    api = await startApiProcess({ databaseUrl: database.databaseUrl, env });
  } catch (error) {
    await database.release();
    throw error;
  }
  return {
    url: api.url,
    databaseUrl: database.databaseUrl,
    stop: async () => {
      await api.stop();
      await database.release();
    },
  };
}
