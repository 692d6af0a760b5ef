#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Shows that finding applications stays fast at scale (ADR 0021): a throwaway database, migrated as
 * the API migrates, filled with N applications (default 200,000; one candidate each, 2 % still
 * unscreened) on 20,000 jobs of 2,000 clients, then the API's own search and "new applications"
 * queries under EXPLAIN (ANALYZE, BUFFERS). Prints each plan; the database is dropped afterwards.
 *
 *   node tools/bench/application-finding.cjs [applications]
 *
 * Uses DATABASE_URL's server if set, else an embedded PostgreSQL (as the API tests do).
 */

const path = require('node:path');
const { Client } = require('pg');

const REPO_ROOT = path.resolve(__dirname, '../..');
// The API's own TypeScript (its migrations and its queries), as tools/db-cli.cjs runs it.
const API_TSCONFIG = path.join(REPO_ROOT, 'apps/api/tsconfig.app.json');
require('ts-node').register({ project: API_TSCONFIG, transpileOnly: true });
process.env.TS_NODE_PROJECT = API_TSCONFIG;
require('tsconfig-paths').register();

const { provisionDatabase } = require('../postgres/provision-database.cjs');
const FINDING = path.join(REPO_ROOT, 'apps/api/src/finding');
const DATABASE = path.join(REPO_ROOT, 'apps/api/src/database');

/** @param {string} databaseUrl */
async function migrate(databaseUrl) {
  const { DataSource } = require('typeorm');
  const { dataSourceOptions } = require(path.join(DATABASE, 'data-source.ts'));
  const { runMigrationsExclusively } = require(path.join(DATABASE, 'run-migrations.ts'));
  const dataSource = new DataSource({ ...dataSourceOptions(databaseUrl), logging: false });
  await dataSource.initialize();
  await runMigrationsExclusively(dataSource).finally(() => dataSource.destroy());
}

/**
 * Names with enough variety for trigrams to be selective, as real ones are: a first name from a
 * short list and a surname made of letters from md5.
 * @param {Client} client @param {number} applications
 */
async function fill(client, applications) {
  const jobs = Math.max(100, Math.round(applications / 10));
  const clients = Math.max(10, Math.round(jobs / 10));
  await client.query(`
    INSERT INTO users (email, password_hash, full_name, role)
    SELECT 'recruiter' || n || '@bench.test', 'x', 'Bench Recruiter ' || n, 'recruiter' FROM generate_series(1, 20) n;

    INSERT INTO clients (name)
    SELECT initcap(translate(substr(md5('client' || n), 1, 9), '0123456789', 'ghijklmnop')) || ' ' ||
           (ARRAY['Ltd', 'GmbH', 'BV', 'SA', 'ApS', 'NV'])[1 + n % 6]
      FROM generate_series(1, ${clients}) n;

    INSERT INTO jobs (client_id, title, description, location, work_mode, employment_type, status, owner_id, pipeline,
                      answer_within_working_days, screening_within_working_days, published_at)
    SELECT c.id,
           (ARRAY['Backend', 'Frontend', 'Data', 'Platform', 'Mobile', 'Security', 'Site Reliability', 'Product',
                  'Finance', 'Warehouse'])[1 + n % 10] || ' ' ||
           (ARRAY['Engineer', 'Analyst', 'Designer', 'Manager', 'Lead', 'Specialist', 'Consultant', 'Operator'])[1 + (n / 10) % 8],
           'A job.', 'Rotterdam', 'hybrid', 'full_time', 'open', r.id, ARRAY['Phone screen', 'Final'], 2, 5, now()
      FROM generate_series(1, ${jobs}) n
      JOIN LATERAL (SELECT id FROM clients ORDER BY id OFFSET (n % ${clients}) LIMIT 1) c ON true
      JOIN LATERAL (SELECT id FROM users WHERE role = 'recruiter' ORDER BY id OFFSET (n % 20) LIMIT 1) r ON true;

    INSERT INTO users (email, password_hash, full_name, role)
    SELECT 'c' || n || '.' || substr(md5('mail' || n), 1, 6) || '@example.test', 'x',
           (ARRAY['Ada', 'Ben', 'Chloe', 'Dev', 'Elif', 'Femi', 'Grace', 'Hugo', 'Ines', 'Jan', 'Kofi', 'Lena', 'Mateo',
                  'Noor', 'Olga', 'Pavel', 'Quinn', 'Rosa', 'Sven', 'Tariq'])[1 + n % 20] || ' ' ||
           initcap(translate(substr(md5('name' || n), 1, 8), '0123456789', 'aeiouybrst')),
           'candidate'
      FROM generate_series(1, ${applications}) n;

    CREATE TEMP TABLE bench_jobs AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM jobs;
    CREATE TEMP TABLE bench_candidates AS
      SELECT id, row_number() OVER (ORDER BY id) AS n FROM users WHERE role = 'candidate';

    -- Closed ones carry their words to the candidate, as the CHECKs ask.
    INSERT INTO applications (job_id, candidate_id, status, rejection_message, created_at)
    SELECT job_id, candidate_id, status,
           CASE WHEN status IN ('rejected', 'job_closed') THEN 'Thank you for applying.' END, created_at
      FROM (SELECT j.id AS job_id, c.id AS candidate_id,
                   CASE WHEN c.n % 50 = 0 THEN 'applied'
                        ELSE (ARRAY['screening', 'interviewing', 'rejected', 'withdrawn', 'hired', 'job_closed'])[1 + c.n % 6]
                   END AS status,
                   now() - (c.n % 700) * interval '1 day' - (c.n % 997) * interval '1 minute' AS created_at
              FROM bench_candidates c JOIN bench_jobs j ON j.n = 1 + (c.n * 7919) % ${jobs}) generated;
  `);
  await client.query('ANALYZE');
}

/** @param {Client} client @param {string} title @param {string} sql @param {unknown[]} params */
async function explain(client, title, sql, params) {
  const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
  console.log(`\n=== ${title}`);
  for (const row of rows) console.log(row['QUERY PLAN']);
}

async function main() {
  const applications = Number(process.argv[2] ?? 200_000);
  if (!Number.isInteger(applications) || applications < 1000)
    throw new Error('applications: a whole number, 1000 or more');
  const database = await provisionDatabase({ purpose: 'test', fresh: true, log: (message) => console.error(message) });
  const client = new Client({ connectionString: database.databaseUrl });
  try {
    const started = Date.now();
    await migrate(database.databaseUrl);
    await client.connect();
    await fill(client, applications);
    console.log(`Filled ${applications} applications in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    /** @type {(withCursor: boolean) => string} */
    const applicationSearchSql = require(path.join(FINDING, 'application-search.service.ts')).applicationSearchSql;
    /** @type {(ownerId: string | null, cursor: null, limit: number) => Record<'page' | 'count', { sql: string, params: unknown[] }>} */
    const newApplicationsQueries = require(path.join(FINDING, 'new-applications.service.ts')).newApplicationsQueries;
    const like = (/** @type {string} */ text) => `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    const pageSize = 50;

    const {
      rows: [someone],
    } = await client.query(
      `SELECT u.full_name, u.email FROM users u WHERE role = 'candidate' ORDER BY email DESC LIMIT 1`,
    );
    const {
      rows: [someClient],
    } = await client.query(`SELECT name FROM clients ORDER BY name LIMIT 1`);
    const surname = String(someone.full_name).split(' ')[1];
    const searches = [
      [`a candidate's surname ("${surname}")`, surname],
      [`part of an email ("${String(someone.email).slice(0, 9)}")`, String(someone.email).slice(0, 9)],
      [`a client's name ("${String(someClient.name).slice(0, 7)}")`, String(someClient.name).slice(0, 7)],
      ['a common job word ("engineer")', 'engineer'],
      ['two letters ("ad")', 'ad'],
      ['two letters nobody has ("qx")', 'qx'],
      ['a word nobody has ("nothingmatches")', 'nothingmatches'],
    ];
    for (const [title, text] of searches) {
      await explain(client, `search: ${title}`, applicationSearchSql(false), [like(text), pageSize + 1]);
    }
    const { rows: firstPage } = await client.query(applicationSearchSql(false), [like('engineer'), pageSize + 1]);
    const last = firstPage[pageSize - 1];
    await explain(client, 'search: "engineer", page 2 (after a cursor)', applicationSearchSql(true), [
      like('engineer'),
      pageSize + 1,
      last.cursor_at,
      last.id,
    ]);

    const {
      rows: [recruiter],
    } = await client.query(`SELECT id FROM users WHERE role = 'recruiter' LIMIT 1`);
    for (const [title, ownerId] of [
      ['new applications, everyone’s', null],
      ['new applications, one recruiter’s (mine)', recruiter.id],
    ]) {
      const queries = newApplicationsQueries(ownerId, null, pageSize);
      await explain(client, `${title}: first page`, queries.page.sql, queries.page.params);
      await explain(client, `${title}: the total`, queries.count.sql, queries.count.params);
    }
  } finally {
    await client.end().catch(() => undefined);
    await database.release();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
