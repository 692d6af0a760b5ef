const { readPlan, shortSql } = require('./plan-flags.cjs');

const tableRows = { job: 1_000_000, application: 250_000, client: 500 };

describe('readPlan', () => {
  it('flags a sequential scan of a large table anywhere in the plan, and names every table read', () => {
    const reading = readPlan(
      {
        Plan: {
          'Node Type': 'Nested Loop',
          'Total Cost': 52_000,
          Plans: [
            { 'Node Type': 'Seq Scan', 'Relation Name': 'client', 'Total Cost': 10 },
            {
              'Node Type': 'Gather',
              Plans: [{ 'Node Type': 'Seq Scan', 'Relation Name': 'job', 'Parallel Aware': true }],
            },
            { 'Node Type': 'Index Scan', 'Relation Name': 'application' },
          ],
        },
      },
      tableRows,
    );
    expect(reading.tables).toEqual(['application', 'client', 'job']);
    expect(reading.largeSeqScans.map((scan) => scan.table)).toEqual(['job']);
    expect(reading.flags).toEqual(['Parallel Seq Scan on job (1.0M rows)', 'cost 52,000']);
  });

  it('leaves a cheap plan on small tables and indexes unflagged', () => {
    const reading = readPlan(
      {
        Plan: {
          'Node Type': 'Hash Join',
          'Total Cost': 40,
          Plans: [
            { 'Node Type': 'Seq Scan', 'Relation Name': 'client' },
            { 'Node Type': 'Index Only Scan', 'Relation Name': 'job' },
          ],
        },
        'Execution Time': 0.4,
      },
      tableRows,
    );
    expect(reading.flags).toEqual([]);
    expect(reading.seqScans).toHaveLength(1);
  });

  it('flags a slow run, and counts the rows a scan read over all its loops', () => {
    const reading = readPlan(
      {
        Plan: {
          'Node Type': 'Seq Scan',
          'Relation Name': 'application',
          'Total Cost': 9_000,
          'Actual Rows': 10,
          'Actual Loops': 3,
        },
        'Execution Time': 250.2,
      },
      tableRows,
    );
    expect(reading.flags).toEqual(['Seq Scan on application (250k rows)', '250 ms']);
    expect(reading.largeSeqScans[0].actualRows).toBe(30);
  });
});

describe('shortSql', () => {
  it('puts a statement on one line, escapes table pipes and cuts it', () => {
    expect(shortSql('SELECT a\n  FROM t WHERE x || y', 20)).toBe('SELECT a FROM t WHE…');
    expect(shortSql('SELECT a || b')).toBe('SELECT a \\|\\| b');
  });
});
