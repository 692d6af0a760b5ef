#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Shows how fast the outbox drains a burst (ADR 0023): a throwaway database, migrated as the API
 * migrates, gets N pending emails (default 10,000; 4 to each address, interleaved, written in one
 * transaction as a job closure writes them); a real SMTP server on loopback (the API tests' own)
 * receives them from W built workers (default 2, as two API instances), each exactly as
 * `npm run worker` runs it. Prints the outbox lag as it drains, emails/s from the first delivery to
 * the last, duplicates, and whether every address got its mail in the order it was written.
 *
 *   npx nx build api && node tools/bench/outbox-burst.cjs [emails] [workers]
 *
 * The workers read the usual settings (MAIL_SEND_CONCURRENCY, MAIL_SMTP_CONNECTIONS, OUTBOX_BATCH_SIZE,
 * …) from the environment. Uses DATABASE_URL's server if set, else an embedded PostgreSQL.
 */

const path = require('node:path');
const { existsSync } = require('node:fs');
const { spawn } = require('node:child_process');
const { Client } = require('pg');

const REPO_ROOT = path.resolve(__dirname, '../..');
// The API's own TypeScript (its migrations, its lag query and the tests' SMTP server), as tools/db-cli.cjs runs it.
const API_TSCONFIG = path.join(REPO_ROOT, 'apps/api/tsconfig.app.json');
require('ts-node').register({ project: API_TSCONFIG, transpileOnly: true });
process.env.TS_NODE_PROJECT = API_TSCONFIG;
require('tsconfig-paths').register();

const { provisionDatabase } = require('../postgres/provision-database.cjs');
const DATABASE = path.join(REPO_ROOT, 'apps/api/src/database');
const WORKER = path.join(REPO_ROOT, 'dist/apps/api/worker.js');
const RECIPIENT_SHARE = 4;

/** @param {string} databaseUrl */
async function migrate(databaseUrl) {
  const { DataSource } = require('typeorm');
  const { dataSourceOptions } = require(path.join(DATABASE, 'data-source.ts'));
  const { runMigrationsExclusively } = require(path.join(DATABASE, 'run-migrations.ts'));
  const dataSource = new DataSource({ ...dataSourceOptions(databaseUrl), logging: false });
  await dataSource.initialize();
  await runMigrationsExclusively(dataSource).finally(() => dataSource.destroy());
}

/** One statement, so every row shares created_at and the sequence alone orders them. @param {Client} client @param {number} emails */
async function fill(client, emails) {
  const addresses = Math.max(1, Math.floor(emails / RECIPIENT_SHARE));
  await client.query(
    `INSERT INTO notifications (idempotency_key, kind, recipient_email, subject, body)
     SELECT 'bench:' || n, 'candidate_update', 'person' || (n % $2) || '@bench.test', 'Update ' || n,
            'Hello, this is update ' || n || E'.\\nhttps://heardback.test/me/applications/' || md5(n::text)
       FROM generate_series(1, $1) n`,
    [emails, addresses],
  );
  await client.query('ANALYZE notifications');
}

/** @param {Client} client @param {string} title @param {string} sql @param {unknown[]} params */
async function explain(client, title, sql, params) {
  const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
  console.log(`\n=== ${title}`);
  for (const row of rows) console.log(row['QUERY PLAN']);
}

/** @param {string} databaseUrl @param {string} smtpUrl @param {number} index */
function startWorker(databaseUrl, smtpUrl, index) {
  const child = spawn(process.execPath, [WORKER], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl, NODE_ENV: 'production', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = /** @type {string[]} */ ([]);
  child.stdout?.on('data', (chunk) => output.push(String(chunk)));
  child.stderr?.on('data', (chunk) => output.push(String(chunk)));
  child.once('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM')
      console.error(`worker ${index} exited (${code ?? signal}):\n${output.join('')}`);
    if (process.env.BENCH_VERBOSE) console.error(`worker ${index} output:\n${output.join('')}`);
  });
  /** Resolves once the worker says it runs; it has then set up the job queue's schema, which two at once deadlock on. */
  const started = new Promise((resolve, reject) => {
    const look = () => (output.join('').includes('Heardback worker running') ? resolve(undefined) : undefined);
    child.stdout?.on('data', look);
    child.once('exit', () => reject(new Error(`worker ${index} exited before it started:\n${output.join('')}`)));
  });
  return { child, output, started };
}

/** @param {import('node:child_process').ChildProcess} child */
function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  return exited;
}

/**
 * Checks what arrived: each message once, and each address's in the order written ("Update <n>").
 * @param {{ to: string[], raw: string, messageId: string }[]} received
 */
function check(received) {
  const ids = new Set(received.map((mail) => mail.messageId));
  const lastSeen = new Map();
  let outOfOrder = 0;
  for (const mail of received) {
    const n = Number(/^Subject: Update (\d+)/im.exec(mail.raw)?.[1]);
    const address = mail.to[0];
    if ((lastSeen.get(address) ?? 0) > n) outOfOrder++;
    lastSeen.set(address, Math.max(lastSeen.get(address) ?? 0, n));
  }
  return { unique: ids.size, duplicates: received.length - ids.size, outOfOrder };
}

async function main() {
  const emails = Number(process.argv[2] ?? 10_000);
  const workers = Number(process.argv[3] ?? 2);
  if (!Number.isInteger(emails) || emails < 1) throw new Error('emails: a whole number, 1 or more');
  if (!Number.isInteger(workers) || workers < 1) throw new Error('workers: a whole number, 1 or more');
  if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: build the API first (npx nx build api)`);

  /** @type {{ TestSmtpServer: new () => { received: { to: string[], raw: string, messageId: string }[], start(): Promise<string>, stop(): Promise<void> } }} */
  const { TestSmtpServer } = require(path.join(REPO_ROOT, 'apps/api-e2e/src/support/test-smtp-server.ts'));
  /** @type {{ OUTBOX_LAG_SQL: string, OUTBOX_LAG_COUNT_LIMIT: number }} */
  const { OUTBOX_LAG_SQL, OUTBOX_LAG_COUNT_LIMIT } = require(
    path.join(REPO_ROOT, 'apps/api/src/notifications/outbox-lag.ts'),
  );

  const database = await provisionDatabase({ purpose: 'test', fresh: true, log: (message) => console.error(message) });
  const client = new Client({ connectionString: database.databaseUrl });
  const smtp = new TestSmtpServer();
  /** @type {ReturnType<typeof startWorker>[]} */
  const running = [];
  try {
    await migrate(database.databaseUrl);
    await client.connect();
    await fill(client, emails);
    await explain(client, `outbox lag with ${emails} due`, OUTBOX_LAG_SQL, [OUTBOX_LAG_COUNT_LIMIT]);

    const smtpUrl = await smtp.start();
    const settings = ['MAIL_SEND_CONCURRENCY', 'MAIL_SMTP_CONNECTIONS', 'OUTBOX_BATCH_SIZE', 'OUTBOX_LEASE_SECONDS']
      .map((name) => `${name}=${process.env[name] ?? '(default)'}`)
      .join(' ');
    console.log(
      `\n${emails} emails to ${Math.floor(emails / RECIPIENT_SHARE)} addresses; ${workers} worker(s); ${settings}`,
    );
    for (let index = 0; index < workers; index++) {
      running.push(startWorker(database.databaseUrl, smtpUrl, index));
      await running[index].started;
    }

    let firstAt = 0;
    for (;;) {
      await new Promise((next) => setTimeout(next, 1000));
      if (!firstAt && smtp.received.length > 0) firstAt = Date.now();
      const {
        rows: [lag],
      } = await client.query(OUTBOX_LAG_SQL, [OUTBOX_LAG_COUNT_LIMIT]);
      const {
        rows: [{ sent }],
      } = await client.query(`SELECT count(*)::integer AS sent FROM notifications WHERE status = 'sent'`);
      console.log(
        `received ${smtp.received.length}, sent ${sent}; lag: ${lag.pending} due, oldest ${Math.round(lag.oldest_pending_seconds)} s`,
      );
      if (sent >= emails) break;
      if (running.every(({ child }) => child.exitCode !== null)) throw new Error('every worker has exited');
    }
    const drainedAt = Date.now();
    const seconds = (drainedAt - firstAt) / 1000;
    const { unique, duplicates, outOfOrder } = check(smtp.received);
    console.log(
      `\nDrained ${emails} in ${seconds.toFixed(1)} s from the first delivery (±1 s polling): ${(emails / seconds).toFixed(0)} emails/s`,
    );
    console.log(`Received ${unique} distinct, ${duplicates} duplicates, ${outOfOrder} out of order for their address`);
    const { rows: attempts } = await client.query(
      `SELECT attempts, count(*)::integer AS emails FROM notifications GROUP BY attempts ORDER BY attempts`,
    );
    console.log(`Attempts per email: ${attempts.map((row) => `${row.emails} × ${row.attempts}`).join(', ')}`);
  } finally {
    await Promise.all(running.map(({ child }) => stop(child)));
    await smtp.stop().catch(() => undefined);
    await client.end().catch(() => undefined);
    await database.release();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
