import type { DataSource } from 'typeorm';
import type { Heartbeats } from '../background/heartbeats';
import type { AppConfig } from '../config/app-config';
import { OUTBOX_LAG_REUSE_MS, OUTBOX_LAG_SQL, OutboxLag } from '../notifications/outbox-lag';
import type { RequestGate } from '../resilience/request-gate';
import { HealthReport } from './health-report';
import { HealthService, PING_TIMEOUT_MS } from './health.service';

/**
 * The database as health sees it: the ping waits until the test answers it, so requests can be made to
 * arrive while it is unanswered; every statement is counted.
 */
function fakeDatabase(options: { outboxStalls?: boolean } = {}) {
  const pings: Array<{ answer: () => void; fail: (error: Error) => void }> = [];
  const statements: string[] = [];
  const query = jest.fn(async (sql: string) => {
    statements.push(sql === OUTBOX_LAG_SQL ? 'outbox lag' : sql);
    if (sql === 'SELECT 1') {
      await new Promise<void>((answer, fail) => pings.push({ answer: () => answer(), fail }));
      return [{ '?column?': 1 }];
    }
    if (sql === OUTBOX_LAG_SQL && options.outboxStalls) return new Promise(() => undefined);
    if (sql === OUTBOX_LAG_SQL) return [{ pending: 3, oldest_pending_seconds: 42 }];
    throw new Error(`unexpected statement: ${sql}`);
  });
  return { dataSource: { query } as unknown as DataSource, pings, statements };
}

const nextTurn = () => new Promise((next) => setImmediate(next));

describe('HealthService under many requests at once', () => {
  let now = Date.UTC(2026, 11, 7, 9, 0, 0);
  const clock = { now: () => new Date(now) };
  let database: ReturnType<typeof fakeDatabase>;
  let heartbeatReads: number;
  let health: HealthService;

  beforeEach(() => {
    now = Date.UTC(2026, 11, 7, 9, 0, 0);
    database = fakeDatabase();
    heartbeatReads = 0;
    const heartbeats = {
      of: async () => {
        heartbeatReads += 1;
        return {
          lastSuccessAt: new Date(now - 30_000),
          lastFailureAt: null,
          failuresInARow: 0,
          secondsSinceSuccess: 30,
        };
      },
    } as unknown as Heartbeats;
    const gate = { isDraining: false } as RequestGate;
    const config = { resilience: { sweepStaleAfterSeconds: 300 } } as AppConfig;
    const outboxLag = new OutboxLag(database.dataSource, clock);
    health = new HealthService(database.dataSource, heartbeats, gate, outboxLag, config, clock);
  });

  /** Answers each ping as it comes, until `report` settles. */
  async function answerPings<T>(report: Promise<T>): Promise<T> {
    let settled = false;
    void report.finally(() => (settled = true));
    while (!settled) {
      await nextTurn();
      database.pings.shift()?.answer();
    }
    return report;
  }

  it('reads the database once for a hundred requests that arrive while it is being read', async () => {
    const first = health.report();
    await nextTurn();
    expect(database.pings).toHaveLength(1);
    const others = Array.from({ length: 99 }, () => health.report());
    await nextTurn();
    database.pings[0].answer();
    const reports = await Promise.all([first, ...others]);

    expect(database.statements).toEqual(['SELECT 1', 'outbox lag']);
    expect(heartbeatReads).toBe(1);
    for (const report of reports) {
      expect(report.status).toBe('ok');
      expect(report.checks.outbox).toEqual({ status: 'ok', pending: 3, oldestPendingSeconds: 42 });
    }
  });

  it('pings again for the next request, and reads the outbox lag again only once it is OUTBOX_LAG_REUSE_MS old', async () => {
    await answerPings(health.report());
    now += OUTBOX_LAG_REUSE_MS - 1;
    await answerPings(health.report());
    expect(database.statements).toEqual(['SELECT 1', 'outbox lag', 'SELECT 1']);
    expect(heartbeatReads).toBe(2);
    now += 1;
    await answerPings(health.report());
    expect(database.statements).toEqual(['SELECT 1', 'outbox lag', 'SELECT 1', 'SELECT 1', 'outbox lag']);
  });

  it('tells every waiting request the database is down when the shared ping fails, and pings afresh after', async () => {
    const waiting = Array.from({ length: 10 }, () => health.report());
    await nextTurn();
    database.pings[0].fail(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
    for (const report of await Promise.all(waiting)) {
      expect(report.status).toBe('down');
      expect(report.checks.outbox.status).toBe('unknown');
    }
    const after = await answerPings(health.report());
    expect(after.status).toBe('ok');
    expect(database.statements.filter((sql) => sql === 'SELECT 1')).toHaveLength(2);
  });
  it('answers within one timeout when the database stops answering after the ping, for everyone waiting', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    try {
      const stalled = fakeDatabase({ outboxStalls: true });
      const stalledHeartbeats = { of: () => new Promise(() => undefined) } as unknown as Heartbeats;
      const gate = { isDraining: false } as RequestGate;
      const config = { resilience: { sweepStaleAfterSeconds: 300 } } as AppConfig;
      const service = new HealthService(
        stalled.dataSource,
        stalledHeartbeats,
        gate,
        new OutboxLag(stalled.dataSource, clock),
        config,
        clock,
      );
      const answers: HealthReport[] = [];
      for (let request = 0; request < 3; request++) void service.report().then((report) => answers.push(report));
      await nextTurn();
      stalled.pings[0].answer();
      await jest.advanceTimersByTimeAsync(PING_TIMEOUT_MS - 1);
      expect(answers).toEqual([]);
      await jest.advanceTimersByTimeAsync(1);
      expect(answers).toHaveLength(3);
      for (const report of answers) {
        expect(report.checks).toMatchObject({
          database: { status: 'up' },
          deadlineSweep: { status: 'unknown' },
          outbox: { status: 'unknown' },
        });
      }
    } finally {
      jest.useRealTimers();
    }
  });
});
