import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager, QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';

/**
 * A statement PostgreSQL parses once per connection (ADR 0051), for the raw statements every
 * recruiter write and every application view runs, and the public job page (ADR 0053). An unnamed statement, which is what TypeORM
 * sends, is parsed and planned again on every execution: on the rescheduling path that was over a
 * third of the database's time for the request.
 *
 * Only for statements whose best plan does not depend on their values (lookups by primary or
 * foreign key): after five executions PostgreSQL keeps one generic plan when it costs no more than
 * the custom ones, which holds for a single key; over an array of ids it keeps planning each time.
 */
export interface PreparedStatement {
  /** The name on the connection: derived from the text, so one text is one statement. */
  readonly name: string;
  readonly text: string;
}

export function prepared(text: string): PreparedStatement {
  return { name: `hb_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`, text };
}

const preparedByText = new Map<string, PreparedStatement>();

/**
 * `prepared`, remembered by text, for a statement written at run time in one of a few shapes (the
 * columns a command changes, whether a page starts at a cursor): never for text that holds a value.
 */
export function preparedShape(text: string): PreparedStatement {
  let statement = preparedByText.get(text);
  if (!statement) {
    statement = prepared(text);
    preparedByText.set(text, statement);
  }
  return statement;
}

/**
 * A statement over a set of ids, written twice: `= $1` for one id and `= ANY($1)` for several.
 * PostgreSQL keeps a generic plan for one id (no planning after the fifth run), but prices one for an
 * array of unknown length above a custom plan and plans it every time (ADR 0051): the usual write
 * touches one application, and closing a job thousands. `write` gets the comparison to put after
 * the id column; $1 is the id or the ids.
 */
export function forIds<Statement>(write: (match: string) => Statement): { one: Statement; many: Statement } {
  return { one: write('= $1'), many: write('= ANY($1)') };
}

/** The form of a `forIds` statement for these ids, and the value of its $1. */
export function pickForIds<Statement>(
  statements: { one: Statement; many: Statement },
  ids: readonly string[],
): { statement: Statement; ids: string | readonly string[] } {
  return ids.length === 1 ? { statement: statements.one, ids: ids[0] } : { statement: statements.many, ids };
}

/**
 * A prepared statement whose text needs the data source's metadata (an entity's columns, hydrate.ts):
 * written on first use, then the same for the life of the process.
 */
export function lazyPrepared(write: (connection: DataSource) => string): (manager: EntityManager) => PreparedStatement {
  let statement: PreparedStatement | null = null;
  return (manager) => (statement ??= prepared(write(manager.connection)));
}

/**
 * Runs a prepared statement in the manager's transaction (or on a connection of its own, released
 * afterwards), through TypeORM's logger like any other statement, failing with TypeORM's
 * QueryFailedError as any other does.
 */
export async function queryPrepared<Row>(
  manager: EntityManager,
  statement: PreparedStatement,
  values: readonly unknown[],
): Promise<Row[]> {
  // As TypeORM's own query(): a released runner still holds its old client, which another request may have now.
  if (manager.queryRunner?.isReleased) throw new QueryRunnerAlreadyReleasedError();
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    manager.connection.logger.logQuery(statement.text, [...values], runner);
    try {
      const result = await client.query({ name: statement.name, text: statement.text, values: [...values] });
      return result.rows as Row[];
    } catch (error) {
      throw new QueryFailedError(statement.text, [...values], error as Error);
    }
  } finally {
    if (runner !== manager.queryRunner) await runner.release();
  }
}
