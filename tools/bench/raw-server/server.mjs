#!/usr/bin/env node
// The raw floor: a bare Fastify + `pg` server that answers the same URLs as the API by replaying
// the SQL the API ran for them (captured from PostgreSQL's statement log, see bench-capture.mjs),
// and sends the rows back as JSON. No validation, no auth, no ORM, no shaping: what is left is the
// database's work plus the least HTTP and JSON a Node server can do. The API's own pool limits
// (10 connections, the same statement timeout) apply here too.
//
//   node tools/bench/raw-server/server.mjs <captures.json>
//   captures.json: { databaseUrl, port, poolSize, statementTimeoutMs, routes: { "<url>": [{ sql, params }] } }

import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import pg from 'pg';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
/** @type {Map<string, { sql: string, params: (string | null)[] | null }[]>} */
const routes = new Map(Object.entries(config.routes));

const pool = new pg.Pool({
  connectionString: config.databaseUrl,
  max: config.poolSize,
  statement_timeout: config.statementTimeoutMs,
  application_name: 'heardback-bench-raw',
});

// Parameters go back as the text the API sent (the log shows it as received), untyped, as pg sends
// a string: PostgreSQL infers each type from the statement exactly as it did for the API.
/** @param {{ sql: string, params: (string | null)[] | null }[]} statements */
async function replay(statements) {
  const client = await pool.connect();
  try {
    const rows = [];
    for (const statement of statements) {
      const result = await client.query(
        statement.params && statement.params.length > 0
          ? { text: statement.sql, values: statement.params }
          : statement.sql,
      );
      for (const one of Array.isArray(result) ? result : [result]) if (one.rows.length > 0) rows.push(one.rows);
    }
    return rows;
  } catch (error) {
    // Leave no half-open transaction on a pooled connection.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));
app.get('/*', async (request, reply) => {
  const statements = routes.get(request.url);
  if (!statements) return reply.code(404).send({ error: `no captured SQL for ${request.url}` });
  return replay(statements);
});

await app.listen({ port: config.port, host: '127.0.0.1' });
process.send?.('ready');
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void app.close().then(() => pool.end().then(() => process.exit(0)));
  });
}
