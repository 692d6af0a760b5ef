#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * The TypeORM CLI with the API's data source, run from TypeScript sources (ts-node + tsconfig-paths),
 * and the one way to start a migration. The hand-written SQL migrations are the schema's source of truth
 * (docs/adr/0007), so there is no `migration:generate`: entities are not a schema description.
 *
 *   npm run db:migrate                            → typeorm migration:run
 *   npm run db:migration:revert                   → typeorm migration:revert
 *   npm run db:migration:create -- add-job-tags   → an empty migrations/<timestamp>-add-job-tags.ts, registered
 *   node tools/db-cli.cjs migration:show          → any other typeorm command, arguments passed through
 *
 * Without DATABASE_URL it uses the dev embedded PostgreSQL (.data/postgres): it starts it if it is not
 * running (and stops it afterwards), or uses the one `npm start` is running.
 */

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const {
  DATA_SOURCE,
  MIGRATIONS_DIR,
  migrationNameProblem,
  migrationNames,
  migrationSource,
  nextTimestamp,
  registerMigration,
} = require('./database/migration-file.cjs');
const { exitCodeOf, exited } = require('./process/child-process.cjs');
const { provisionDatabase, REPO_ROOT } = require('./postgres/provision-database.cjs');

const TYPEORM_CLI = path.join(REPO_ROOT, 'node_modules', 'typeorm', 'cli.js');
/** Commands that take no data source. */
const WITHOUT_DATA_SOURCE = new Set(['entity:create', 'subscriber:create', 'init', 'version']);

function usage() {
  console.error(
    [
      'Usage: node tools/db-cli.cjs <command> [arguments]',
      '  migration:create <verb-object>   an empty migration to hand-write  (npm run db:migration:create -- add-job-tags)',
      `                                   → ${MIGRATIONS_DIR}/<timestamp>-<verb-object>.ts`,
      '  migration:run                    apply pending migrations          (npm run db:migrate)',
      '  migration:revert                 revert the last migration         (npm run db:migration:revert)',
      '  migration:show                   list migrations and whether they ran',
      '  any other typeorm command, with the API data source',
    ].join('\n'),
  );
}

/** @param {string[]} argv */
function typeormArguments(argv) {
  const [command = '', ...rest] = argv;
  if (command === 'migration:generate') {
    throw new UsageError(
      'migration:generate is not used here: the hand-written SQL migrations are the source of truth, and TypeORM ' +
        'cannot see their triggers, named constraints and partial indexes (it would propose dropping them). ' +
        'Start one with npm run db:migration:create -- <verb-object>, write its SQL, then npm run db:schema:update.',
    );
  }
  const args = [command, ...rest];
  const hasDataSource = rest.some((arg) => arg === '-d' || arg === '--dataSource' || arg.startsWith('--dataSource='));
  const needsDataSource = !WITHOUT_DATA_SOURCE.has(command) && !rest.includes('--help') && !rest.includes('-h');
  if (needsDataSource && !hasDataSource) args.push('-d', DATA_SOURCE);
  return { args, needsDatabase: needsDataSource };
}

class UsageError extends Error {}

/**
 * Writes an empty migration and lists it in data-source.ts.
 * @param {string | undefined} name
 * @returns {Promise<number>}
 */
async function createMigration(name) {
  const problem = migrationNameProblem(name);
  if (problem || !name) throw new UsageError(`migration:create ${problem}`);
  const migrationsDir = path.join(REPO_ROOT, MIGRATIONS_DIR);
  const existing = fs.readdirSync(migrationsDir);
  const taken = existing.find((file) => file.replace(/^\d+-/, '') === `${name}.ts`);
  if (taken) throw new UsageError(`migration:create: ${MIGRATIONS_DIR}/${taken} already has that name; pick another`);

  const migration = migrationNames(name, nextTimestamp(existing, Date.now()));
  fs.writeFileSync(path.join(REPO_ROOT, migration.filePath), migrationSource(migration.className), { flag: 'wx' });
  console.error(`[db] created ${migration.filePath} (class ${migration.className})`);

  const dataSourcePath = path.join(REPO_ROOT, DATA_SOURCE);
  const registered = registerMigration(fs.readFileSync(dataSourcePath, 'utf8'), migration);
  if (registered) {
    fs.writeFileSync(dataSourcePath, registered);
    console.error(`[db] listed ${migration.className} last in \`migrations\` in ${DATA_SOURCE}`);
  } else {
    console.error(`[db] add ${migration.className} to \`migrations\` in ${DATA_SOURCE} yourself (unexpected layout)`);
  }
  await formatWithPrettier([migration.filePath, DATA_SOURCE]);
  console.error(
    '[db] next: write its up() and down() SQL, npm run db:migrate, npm run db:migration:revert, npm run db:migrate, ' +
      'then npm run db:schema:update and commit the snapshot with the migration',
  );
  return 0;
}

/**
 * The repository's Prettier style on the files written; no Prettier, no harm.
 * @param {string[]} files paths relative to the repository root
 */
async function formatWithPrettier(files) {
  try {
    const prettier = require('prettier');
    for (const file of files) {
      const filepath = path.join(REPO_ROOT, file);
      const options = await prettier.resolveConfig(filepath);
      fs.writeFileSync(filepath, await prettier.format(fs.readFileSync(filepath, 'utf8'), { ...options, filepath }));
    }
  } catch {
    // formatting is a courtesy here; lint reports anything left
  }
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    usage();
    return argv.length === 0 ? 1 : 0;
  }
  if (argv[0] === 'migration:create') return createMigration(argv[1]);
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
    const exit = await exited(child, (error) => console.error(`[db] could not run the TypeORM CLI: ${error.message}`));
    const code = exitCodeOf(exit.code, exit.signal);
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
