// `npm run simulate`: runs the simulated agency (dist/apps/api/simulate.js) on a fresh database of its
// own — on DATABASE_URL's server if set, else the embedded test cluster — and drops it afterwards.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { provisionDatabase, REPO_ROOT as root } from './postgres/provision-database.cjs';

const database = await provisionDatabase({ purpose: 'test', fresh: true, log: (line) => console.error(line) });
/** @type {import('node:child_process').ChildProcess | undefined} */
let child;
const stop = () => child?.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
const code = await new Promise((resolve) => {
  child = spawn(process.execPath, [join(root, 'dist/apps/api/simulate.js')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: database.databaseUrl },
    stdio: 'inherit',
  });
  child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
});
await database.release();
process.exit(code);
