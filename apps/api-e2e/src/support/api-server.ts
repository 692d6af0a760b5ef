import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const workspaceRoot = resolve(__dirname, '../../../..');

interface ProvisionedDatabase {
  databaseUrl: string;
  embedded: boolean;
  release: () => Promise<void>;
}

// CommonJS tool shared with `npm start` and the browser tests: DATABASE_URL's server, else embedded PostgreSQL.
const { provisionDatabase } = require(join(workspaceRoot, 'tools/postgres/provision-database.cjs')) as {
  provisionDatabase: (options: { purpose: 'test'; fresh: boolean; log?: (message: string) => void }) => Promise<ProvisionedDatabase>;
};

export interface ApiServer {
  url: string;
  databaseUrl: string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
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

/** The real, built API (dist/apps/api/main.js) on its own fresh database, as a separate process. */
export async function startApiServer(): Promise<ApiServer> {
  const main = join(workspaceRoot, 'dist/apps/api/main.js');
  if (!existsSync(main)) {
    throw new Error(`${main} is missing: build the API first (npx nx build api)`);
  }
  const database = await provisionDatabase({ purpose: 'test', fresh: true, log: (message) => console.log(message) });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn(process.execPath, [main], {
    cwd: workspaceRoot,
    env: {
      ...process.env,
      DATABASE_URL: database.databaseUrl,
      PORT: String(port),
      NODE_ENV: 'test',
      RUN_MIGRATIONS: 'true',
      DEMO_DATA: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => {
    output.push(chunk.toString());
    process.stderr.write(chunk);
  });
  try {
    await waitForHealth(url, child, output);
  } catch (error) {
    child.kill('SIGKILL');
    await database.release();
    throw error;
  }
  return {
    url,
    databaseUrl: database.databaseUrl,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await database.release();
    },
  };
}
