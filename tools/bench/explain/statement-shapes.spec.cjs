const { collectShapes, isRead, normaliseSql, skipReason } = require('./statement-shapes.cjs');

describe('normaliseSql', () => {
  it('folds the same query with another number of ids, and the parameter numbers after them, into one shape', () => {
    const two = normaliseSql('SELECT * FROM job\n  WHERE id IN ($1, $2) AND status = $3');
    const three = normaliseSql('SELECT * FROM job WHERE id IN ($1, $2, $3)   AND status = $4');
    expect(two).toBe(three);
    expect(two).toBe('SELECT * FROM job WHERE id IN ($?…) AND status = $?');
  });

  it('folds multi-row VALUES into one row', () => {
    expect(normaliseSql('INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4), ($5, $6)')).toBe(
      normaliseSql('INSERT INTO t (a, b) VALUES ($1, $2)'),
    );
  });

  it('keeps queries that differ in more than their parameters apart', () => {
    expect(normaliseSql('SELECT a FROM t WHERE b = $1')).not.toBe(normaliseSql('SELECT a FROM t WHERE c = $1'));
  });
});

describe('skipReason', () => {
  it.each([
    ['BEGIN', 'transaction'],
    ['START TRANSACTION ISOLATION LEVEL SERIALIZABLE', 'transaction'],
    ['SAVEPOINT typeorm_1', 'transaction'],
    ['RELEASE SAVEPOINT typeorm_1', 'transaction'],
    ['SET LOCAL statement_timeout = 5000', 'session'],
    ['CREATE INDEX "IDX_x" ON "job" ("status")', 'ddl'],
    ['-- why, in a line\nCREATE FUNCTION f() RETURNS trigger AS $$ BEGIN END $$ LANGUAGE plpgsql', 'ddl'],
    ["SELECT pg_advisory_lock(hashtext('heardback:migrations'))", 'migrations'],
    ['SELECT name FROM migrations', 'migrations'],
    ['SELECT * FROM "information_schema"."tables" WHERE "table_schema" = $1', 'migrations'],
    ['SELECT $1::text AS e2e_marker', 'marker'],
  ])('skips %s (%s)', (sql, reason) => {
    expect(skipReason(sql)).toBe(reason);
  });

  it("keeps the API's queries", () => {
    expect(skipReason('SELECT "job"."id" FROM "job" "job" WHERE "job"."status" = $1')).toBeNull();
    expect(skipReason('UPDATE application SET version = version + 1 WHERE id = $1')).toBeNull();
  });
});

describe('isRead', () => {
  it('runs only plain reads, never a write, a lock or a function with side effects', () => {
    expect(isRead('SELECT id FROM job WHERE id = $1')).toBe(true);
    expect(isRead('WITH x AS (SELECT 1) SELECT * FROM x')).toBe(true);
    expect(isRead('WITH moved AS (UPDATE job SET status = $1 RETURNING id) SELECT * FROM moved')).toBe(false);
    expect(isRead('SELECT id FROM application WHERE id = $1 FOR UPDATE')).toBe(false);
    expect(isRead('SELECT pg_try_advisory_xact_lock($1)')).toBe(false);
    expect(isRead('INSERT INTO t VALUES ($1)')).toBe(false);
  });
});

describe('collectShapes', () => {
  it('keeps one sample per shape, counts its runs and names the tests it ran under', () => {
    const { shapes, skipped } = collectShapes([
      { pid: '1', sql: 'SELECT $1::text AS e2e_marker', params: ['jobs.spec.ts › lists open jobs'] },
      { pid: '2', sql: 'BEGIN', params: null },
      { pid: '2', sql: 'SELECT * FROM job WHERE id IN ($1, $2)', params: ['a', 'b'] },
      { pid: '2', sql: 'COMMIT', params: null },
      { pid: '1', sql: 'SELECT $1::text AS e2e_marker', params: ['jobs.spec.ts › finds a job'] },
      { pid: '2', sql: 'SELECT * FROM job WHERE id IN ($1)', params: ['c'] },
      { pid: '2', sql: 'SELECT * FROM job WHERE id IN ($1, $2, $3)', params: ['c', 'd', 'e'] },
    ]);
    expect(skipped).toEqual({ transaction: 2 });
    expect(shapes.map((shape) => [shape.sql, shape.count, shape.sources])).toEqual([
      ['SELECT * FROM job WHERE id IN ($1, $2)', 2, ['jobs.spec.ts › lists open jobs', 'jobs.spec.ts › finds a job']],
      ['SELECT * FROM job WHERE id IN ($1)', 1, ['jobs.spec.ts › finds a job']],
    ]);
    expect(shapes[0].params).toEqual(['a', 'b']);
    expect(shapes[0].id).toMatch(/^[0-9a-f]{8}$/);
  });

  it('keeps the JIT setting a transaction gave its statement, and forgets it when the transaction ends', () => {
    const score = 'SELECT key, percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FROM facts GROUP BY key';
    const { shapes } = collectShapes([
      { pid: '7', sql: 'BEGIN', params: null },
      { pid: '7', sql: 'SET LOCAL statement_timeout = 8000', params: null },
      { pid: '7', sql: 'SET LOCAL jit = off', params: null },
      { pid: '8', sql: 'SELECT id FROM job WHERE id = $1', params: ['a'] },
      { pid: '7', sql: score, params: null },
      { pid: '7', sql: 'ROLLBACK TO SAVEPOINT typeorm_1', params: null },
      { pid: '7', sql: 'SELECT id FROM job WHERE title = $1', params: ['b'] },
      { pid: '7', sql: 'COMMIT', params: null },
      { pid: '7', sql: 'SELECT id FROM job WHERE status = $1', params: ['open'] },
    ]);
    expect(shapes.map((shape) => [shape.sql, shape.settings])).toEqual([
      ['SELECT id FROM job WHERE id = $1', {}],
      [score, { jit: 'off' }],
      ['SELECT id FROM job WHERE title = $1', { jit: 'off' }],
      ['SELECT id FROM job WHERE status = $1', {}],
    ]);
  });

  it('reads the setting from a combined message, in any spelling, forgets DEFAULT, and starts each transaction clean', () => {
    const read = (/** @type {string} */ pid, /** @type {string} */ sql) => ({ pid, sql, params: null });
    const { shapes } = collectShapes([
      read('1', "START TRANSACTION; SET LOCAL statement_timeout = 8000; SET LOCAL jit TO 'off'"),
      read('1', 'SELECT 1 AS combined'),
      read('1', 'SET LOCAL jit = DEFAULT'),
      read('1', 'SELECT 2 AS defaulted'),
      read('1', 'SET LOCAL jit = "off" -- for the score'),
      read('1', 'ROLLBACK WORK TO SAVEPOINT a'),
      read('1', 'SELECT 3 AS after_savepoint'),
      read('1', 'ABORT'),
      read('1', 'SELECT 4 AS after_abort'),
      read('2', 'SET LOCAL jit = off'),
      read('2', 'BEGIN'),
      read('2', 'SELECT 5 AS outside_a_transaction_before'),
    ]);
    expect(shapes.map((shape) => [shape.sql, shape.settings])).toEqual([
      ['SELECT 1 AS combined', { jit: 'off' }],
      ['SELECT 2 AS defaulted', {}],
      ['SELECT 3 AS after_savepoint', { jit: 'off' }],
      ['SELECT 4 AS after_abort', {}],
      ['SELECT 5 AS outside_a_transaction_before', {}],
    ]);
  });
});
