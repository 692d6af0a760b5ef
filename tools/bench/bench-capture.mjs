// Captures the SQL the API runs for one request, from PostgreSQL's own statement log: the bench
// turns `log_statement = 'all'` on for the bench database only (ALTER DATABASE … SET, so sessions
// the API opens afterwards log every statement with its parameters), sends one request at a time,
// and reads back what the server wrote to its log between the request's start and its answer.
// Nothing in the API changes; the statements and parameter strings are exactly what it sent.

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { withClient } from './dataset/build-dataset.mjs';

/**
 * The server's log file: `pg_current_logfile()` when the logging collector runs, else where
 * Debian/Ubuntu's pg_ctlcluster sends stderr; `--pg-log=<file>` overrides both.
 * @param {string} url @param {string | undefined} override
 */
export async function serverLogFile(url, override) {
  if (override) return override;
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      `SELECT pg_current_logfile() AS file, current_setting('data_directory') AS data,
              current_setting('server_version_num')::int / 10000 AS major, current_setting('log_line_prefix') AS prefix`,
    );
    const { file, data, major, prefix } = rows[0];
    if (!String(prefix).includes('%d'))
      throw new Error(`log_line_prefix (${prefix}) lacks %d: the bench cannot tell its database's statements apart`);
    if (file) return file.startsWith('/') ? file : `${data}/${file}`;
    return `/var/log/postgresql/postgresql-${major}-main.log`;
  });
}

/** @param {string} url @param {string} database @param {boolean} on */
export function setStatementLogging(url, database, on) {
  return withClient(url, (client) =>
    client.query(`ALTER DATABASE "${database}" ${on ? `SET log_statement = 'all'` : 'RESET log_statement'}`),
  );
}

/** Where the log ends now: statements logged after this belong to what follows. @param {string} file */
export function logOffset(file) {
  return statSync(file).size;
}

/** @param {string} file @param {number} from */
function readFrom(file, from) {
  const size = statSync(file).size;
  if (size <= from) return '';
  const buffer = Buffer.alloc(size - from);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, from);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}

// "2026-12-03 06:00:19.070 UTC [19121] postgres@heardback_bench_100k LOG:  execute <unnamed>: SELECT …"
const RECORD_START = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[(\d+)\] (\S*)@(\S*) ([A-Z]+): {2}(.*)$/;

/**
 * The log's records for one database: continuation lines (a tab after each newline of a message,
 * as PostgreSQL writes multi-line messages to stderr) joined back into the message they belong to.
 * @param {string} text @param {string | ((name: string) => boolean)} database a name, or a test of names
 */
function records(text, database) {
  /** @type {{ pid: string, database: string, level: string, message: string }[]} */
  const all = [];
  /** @type {{ pid: string, database: string, level: string, message: string } | null} */
  let current = null;
  for (const line of text.split('\n')) {
    const start = RECORD_START.exec(line);
    if (start) {
      current = { pid: start[1], database: start[3], level: start[4], message: start[5] };
      all.push(current);
    } else if (current && line.startsWith('\t')) {
      current.message += `\n${line.slice(1)}`;
    } else if (line !== '') {
      current = null; // someone else's output: not part of any record
    }
  }
  const wanted = typeof database === 'function' ? database : (/** @type {string} */ name) => name === database;
  return all.filter((record) => wanted(record.database));
}

/** "$1 = 'it''s', $2 = NULL" → ['it\'s', null] @param {string} detail */
export function parseParameters(detail) {
  /** @type {(string | null)[]} */
  const values = [];
  // Unrolled ([^']* runs between '' escapes): a 20 MB value (an upload) overflows the stack of `(?:[^']|'')*`.
  const pattern = /\$(\d+) = (?:'([^']*(?:''[^']*)*)'|NULL)(?:, |$)/gy;
  let match;
  while ((match = pattern.exec(detail)) !== null) {
    values[Number(match[1]) - 1] = match[2] === undefined ? null : match[2].replace(/''/g, "'");
  }
  if (pattern.lastIndex !== detail.length && values.length === 0)
    throw new Error(`unreadable parameters: ${detail.slice(0, 200)}`);
  return values;
}

/**
 * The statements logged for `database` since `from`, in the order the server logged them, each with
 * the connection (pid) it ran on and its parameters (null: the simple protocol, none).
 * @param {string} file @param {number} from @param {string | ((name: string) => boolean)} database
 * @returns {{ pid: string, sql: string, params: (string | null)[] | null }[]}
 */
export function statementsSince(file, from, database) {
  /** @type {{ pid: string, sql: string, params: (string | null)[] | null }[]} */
  const statements = [];
  for (const record of records(readFrom(file, from), database)) {
    if (record.level === 'LOG') {
      const execute = /^execute [^:]*: ([\s\S]*)$/.exec(record.message);
      const simple = /^statement: ([\s\S]*)$/.exec(record.message);
      if (execute) statements.push({ pid: record.pid, sql: execute[1], params: [] });
      else if (simple) statements.push({ pid: record.pid, sql: simple[1], params: null });
    } else if (record.level === 'DETAIL' && record.message.startsWith('parameters: ')) {
      const last = [...statements].reverse().find((statement) => statement.pid === record.pid);
      if (last) last.params = parseParameters(record.message.slice('parameters: '.length));
    }
  }
  return statements;
}
