#!/usr/bin/env node
'use strict';

/**
 * The TypeORM CLI with the API's data source, run from TypeScript sources (ts-node + tsconfig-paths).
 *
 *   npm run db:migrate                          → typeorm migration:run
 *   npm run db:migration:revert                 → typeorm migration:revert
 *   npm run db:migration:generate -- AddJobs    → typeorm migration:generate apps/api/src/database/migrations/AddJobs
 *   node tools/db-cli.cjs migration:show        → any other typeorm command, arguments passed through
 *
 * Without DATABASE_URL it uses the dev embedded PostgreSQL (.data/postgres): it starts it if it is not
 * running (and stops it afterwards), or uses the one `npm start` is running.
 */

const { spawn } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');
const { provisionDatabase, REPO_ROOT } = require('./postgres/provision-database.cjs');

const DATA_SOURCE = 'apps/api/src/database/data-source.ts';
const MIGRATIONS_DIR = 'apps/api/src/database/migrations';
const TYPEORM_CLI = path.join(REPO_ROOT, 'node_modules', 'typeorm', 'cli.js');
/** Commands that take no data source. */
const WITHOUT_DATA_SOURCE = new Set(['migration:create', 'entity:create', 'subscriber:create', 'init', 'version']);

function usage() {
  console.error(
    [
      'Usage: node tools/db-cli.cjs <typeorm command> [arguments]',
      '  migration:run                 apply pending migrations      (npm run db:migrate)',
      '  migration:revert              revert the last migration     (npm run db:migration:revert)',
      `  migration:generate <Name>     diff entities against the DB  (npm run db:migration:generate -- <Name>)`,
      `                                → ${MIGRATIONS_DIR}/<timestamp>-<Name>.ts`,
      '  migration:show                list migrations and whether they ran',
    ].join('\n'),
  );
}

/** @param {string[]} argv */
function typeormArguments(argv) {
  const [command, ...rest] = argv;
  const args = [command];
  if (command === 'migration:generate' || command === 'migration:create') {
    const name = rest.shift();
    if (!name || name.startsWith('-')) {
      throw new UsageError(`${command} needs a migration name, e.g. npm run db:migration:generate -- AddJobPipeline`);
    }
    // A bare name goes to the migrations folder; a path is taken as given.
    args.push(name.includes('/') || name.includes('\\') ? name : `${MIGRATIONS_DIR}/${name}`);
  }
  args.push(...rest);
  const hasDataSource = rest.some((arg) => arg === '-d' || arg === '--dataSource' || arg.startsWith('--dataSource='));
  const needsDataSource = !WITHOUT_DATA_SOURCE.has(command) && !rest.includes('--help') && !rest.includes('-h');
  if (needsDataSource && !hasDataSource) args.push('-d', DATA_SOURCE);
  return { args, needsDatabase: needsDataSource };
}

class UsageError extends Error {}

async function main() {
  const argv = process.argv.slice(2);
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    usage();
    return argv.length === 0 ? 1 : 0;
  }
  const { args, needsDatabase } = typeormArguments(argv);

  /** @type {{ databaseUrl: string, release: () => Promise<void> } | null} */
  let database = null;
  /** @type {import('node:child_process').ChildProcess | null} */
  let child = null;
  let interrupted = false;

  /** @param {NodeJS.Signals} signal */
  const onSignal = (signal) => {
    // The CLI usually got the same Ctrl-C from the terminal; make sure, then clean up when it exits.
    interrupted = true;
    if (child && child.exitCode === null) child.kill(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    if (needsDatabase && !process.env.DATABASE_URL) {
      database = await provisionDatabase({
        purpose: 'dev',
        fresh: false,
        log: (message) => console.error(`[db] ${message}`),
      });
    }
    if (interrupted) return 130;

    const env = {
      ...process.env,
      TS_NODE_PROJECT: path.join(REPO_ROOT, 'apps/api/tsconfig.app.json'),
      TS_NODE_TRANSPILE_ONLY: 'true',
      ...(database ? { DATABASE_URL: database.databaseUrl } : {}),
    };
    const nodeArgs = ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', TYPEORM_CLI, ...args];
    console.error(`[db] typeorm ${args.join(' ')}`);
    const started = Date.now();
    child = spawn(process.execPath, nodeArgs, {
      cwd: REPO_ROOT,
      env,
      stdio: 'inherit',
    });
    const code = await new Promise((resolve) => {
      child?.on('error', (error) => {
        console.error(`[db] could not run the TypeORM CLI: ${error.message}`);
        resolve(1);
      });
      child?.on('exit', (exitCode, signal) =>
        resolve(exitCode ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0)),
      );
    });
    console.error(
      `[db] typeorm ${argv[0]} ${code === 0 ? 'done' : `failed (exit code ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return interrupted ? 130 : code;
  } finally {
    if (database) await database.release();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof UsageError) {
      console.error(`[db] ${error.message}`);
      usage();
    } else {
      console.error(`[db] ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(1);
  },
);
