import { ApiError, ErrorCode } from '@heardback/contracts';
import PgBoss from 'pg-boss';
import { Pool } from 'pg';
import { ApiProcess, ProvisionedDatabase, provisionTestDatabase, startApiProcess } from '../support/api-server';
import { until } from '../support/outbox-waits';
import { TcpFaultProxy, throughProxy } from '../support/tcp-fault-proxy';
import { endPool } from '../support/database';

/**
 * Issue 11 (ADR 0024): the API under real faults. PostgreSQL is reached through a TCP proxy the
 * tests break (a restart resets every connection; a freeze lets nothing pass), and the API is the
 * built process, stopped with real signals. Bounds are the waits' limits, never timed assertions.
 */
jest.setTimeout(240_000);

interface LogLine {
  level: string;
  msg: string;
  context?: string;
}

interface HealthBody {
  status: string;
  checks: {
    database: { status: string };
    deadlineSweep: { status: string; failuresInARow: number };
    outbox: { status: string; pending: number | null; oldestPendingSeconds: number | null };
  };
}

function logLines(api: ApiProcess): LogLine[] {
  return api.output
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

/** A caller that gives up after 20 s: a request still unanswered by then has hung. */
async function get(
  api: ApiProcess,
  path: string,
): Promise<{ status: number; retryAfter: string | null; body: unknown }> {
  const response = await fetch(`${api.url}${path}`, { signal: AbortSignal.timeout(20_000) });
  const text = await response.text();
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: text ? JSON.parse(text) : null,
  };
}

const postgresTarget = (databaseUrl: string) => {
  const url = new URL(databaseUrl);
  return { host: url.hostname, port: Number(url.port || 5432) };
};

describe('a database that restarts or freezes', () => {
  let database: ProvisionedDatabase;
  let proxy: TcpFaultProxy;
  let api: ApiProcess;

  beforeAll(async () => {
    database = await provisionTestDatabase();
    const target = postgresTarget(database.databaseUrl);
    proxy = new TcpFaultProxy(target.host, target.port);
    const port = await proxy.start();
    api = await startApiProcess({
      databaseUrl: throughProxy(database.databaseUrl, port),
      env: {
        RUN_BACKGROUND: 'false',
        LOG_LEVEL: 'info',
        DB_CONNECT_TIMEOUT_MS: '1000',
        DB_STATEMENT_TIMEOUT_MS: '1500',
        DB_QUERY_TIMEOUT_MS: '2000',
        REQUEST_TIMEOUT_MS: '4000',
      },
    });
  }, 120_000);

  afterEach(() => proxy.restore());

  afterAll(async () => {
    await api?.stop();
    await proxy?.stop();
    await database?.release();
  });

  it('answers a restart with 503 and Retry-After (never 500), logs it once, and serves again without a restart', async () => {
    expect((await get(api, '/api/jobs')).status).toBe(200);
    proxy.cut();

    const during = await Promise.all(Array.from({ length: 20 }, () => get(api, '/api/jobs')));
    for (const response of during) {
      expect(response.status).toBe(503);
      expect(response.retryAfter).toBe('5');
      expect((response.body as ApiError).code).toBe(ErrorCode.DatabaseUnavailable);
    }
    const health = await get(api, '/api/health');
    expect(health.status).toBe(503);
    expect((health.body as HealthBody).checks.database.status).toBe('down');

    proxy.restore();
    await until(async () => (await get(api, '/api/jobs')).status === 200, 'the board is served again', 30_000);
    await until(
      async () => logLines(api).some((line) => line.msg.startsWith('The database answers again')),
      'the end of the outage is logged',
      30_000,
    );
    const outageLines = logLines(api).filter((line) => line.msg.startsWith('The database is unavailable'));
    expect(outageLines).toHaveLength(1);
    // No stack trace per failed request: the filter logs only what it does not understand.
    expect(logLines(api).filter((line) => line.context === 'ApiExceptionFilter')).toEqual([]);
  });

  it('answers every request during a freeze with a 503 within its deadline, and recovers when it thaws', async () => {
    proxy.freeze();
    const during = await Promise.all(Array.from({ length: 12 }, () => get(api, '/api/jobs')));
    for (const response of during) {
      expect(response.status).toBe(503);
      expect([ErrorCode.DatabaseUnavailable, ErrorCode.RequestTimeout]).toContain((response.body as ApiError).code);
    }
    proxy.restore();
    await until(async () => (await get(api, '/api/jobs')).status === 200, 'the board is served after the thaw', 30_000);
  });
});

describe('stopping under load (SIGTERM)', () => {
  let database: ProvisionedDatabase;
  let proxy: TcpFaultProxy;

  beforeAll(async () => {
    database = await provisionTestDatabase();
    const target = postgresTarget(database.databaseUrl);
    proxy = new TcpFaultProxy(target.host, target.port);
  }, 120_000);

  afterAll(async () => {
    await proxy?.stop();
    await database?.release();
  });

  it('refuses new requests with 503, answers every request in flight, then exits', async () => {
    const port = await proxy.start();
    const metricsPort = 20_000 + Math.floor(Math.random() * 20_000);
    const api = await startApiProcess({
      databaseUrl: throughProxy(database.databaseUrl, port),
      env: { RUN_BACKGROUND: 'false', METRICS_PORT: String(metricsPort), DB_CONNECT_TIMEOUT_MS: '30000' },
    });
    const exited = new Promise<NodeJS.Signals | number | null>((done) =>
      api.child.once('exit', (code, signal) => done(signal ?? code)),
    );
    try {
      // Thirty requests held in flight: the database passes nothing until the test lets it.
      proxy.freeze();
      const inFlight = Array.from({ length: 30 }, () => get(api, '/api/jobs'));
      await until(
        async () => {
          const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`).then((response) => response.text());
          return /^heardback_http_requests_in_flight 30$/m.test(metrics);
        },
        'thirty requests are in flight',
        30_000,
      );

      api.child.kill('SIGTERM');
      await until(async () => (await get(api, '/api/health')).status === 503, 'health turns 503', 10_000);
      const refused = await get(api, '/api/jobs');
      expect(refused.status).toBe(503);
      expect((refused.body as ApiError).code).toBe(ErrorCode.ShuttingDown);

      proxy.restore();
      const answered = await Promise.all(inFlight);
      expect(answered.map((response) => response.status)).toEqual(Array(30).fill(200));
      expect(await exited).toBe('SIGTERM');
    } finally {
      proxy.restore();
      await api.stop();
    }
  });
});

describe('more work than one instance takes', () => {
  let database: ProvisionedDatabase;
  let proxy: TcpFaultProxy;
  let api: ApiProcess;
  const metricsPort = 20_000 + Math.floor(Math.random() * 20_000);

  beforeAll(async () => {
    database = await provisionTestDatabase();
    const target = postgresTarget(database.databaseUrl);
    proxy = new TcpFaultProxy(target.host, target.port);
    const port = await proxy.start();
    api = await startApiProcess({
      databaseUrl: throughProxy(database.databaseUrl, port),
      env: {
        RUN_BACKGROUND: 'false',
        MAX_CONCURRENT_REQUESTS: '4',
        METRICS_PORT: String(metricsPort),
        DB_CONNECT_TIMEOUT_MS: '30000',
      },
    });
  }, 120_000);

  afterAll(async () => {
    proxy?.restore();
    await api?.stop();
    await proxy?.stop();
    await database?.release();
  });

  it('refuses what is beyond its bound with a quick 503 and Retry-After, and serves what it took', async () => {
    proxy.freeze();
    const taken = Array.from({ length: 4 }, () => get(api, '/api/jobs'));
    await until(
      async () => {
        const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`).then((response) => response.text());
        return /^heardback_http_requests_in_flight 4$/m.test(metrics);
      },
      'four requests are in flight',
      30_000,
    );
    // The database is still frozen: these are answered by the gate, without waiting for it.
    const beyond = await Promise.all(Array.from({ length: 6 }, () => get(api, '/api/jobs')));
    for (const response of beyond) {
      expect(response.status).toBe(503);
      expect(response.retryAfter).toBe('2');
      expect((response.body as ApiError).code).toBe(ErrorCode.Overloaded);
    }
    proxy.restore();
    expect((await Promise.all(taken)).map((response) => response.status)).toEqual([200, 200, 200, 200]);
    expect((await get(api, '/api/jobs')).status).toBe(200);
  });
});

describe('a schema older than the code', () => {
  let database: ProvisionedDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await provisionTestDatabase();
    pool = new Pool({ connectionString: database.databaseUrl, max: 2 });
  }, 120_000);

  afterAll(async () => {
    if (pool) await endPool(pool);
    await database?.release();
  });

  it('is refused at start with what to run, and RUN_MIGRATIONS brings it up', async () => {
    const migrator = await startApiProcess({ databaseUrl: database.databaseUrl, env: { RUN_BACKGROUND: 'false' } });
    await migrator.stop();
    // As a database from before this version: the heartbeats migration never ran (later ones may have).
    const latest = { name: 'CreateBackgroundHeartbeats1795830000000' };
    await pool.query(`DELETE FROM migrations WHERE name = $1`, [latest.name]);
    await pool.query(`DROP TABLE background_heartbeats`);

    const refusal = startApiProcess({
      databaseUrl: database.databaseUrl,
      env: { RUN_BACKGROUND: 'false', RUN_MIGRATIONS: 'false' },
    });
    await expect(refusal).rejects.toThrow(/exited with code 1/);
    await expect(refusal).rejects.toThrow(
      new RegExp(`schema is behind[\\s\\S]*${latest.name}[\\s\\S]*npm run db:migrate`),
    );

    const migrated = await startApiProcess({ databaseUrl: database.databaseUrl, env: { RUN_BACKGROUND: 'false' } });
    await migrated.stop();
    const { rows } = await pool.query(`SELECT 1 FROM migrations WHERE name = $1`, [latest.name]);
    expect(rows).toHaveLength(1);
  });

  it('gives up starting against a database host that never answers, saying where and what to check', async () => {
    const target = postgresTarget(database.databaseUrl);
    const silent = new TcpFaultProxy(target.host, target.port);
    const port = await silent.start();
    silent.freeze();
    try {
      const start = startApiProcess({
        databaseUrl: throughProxy(database.databaseUrl, port),
        env: { RUN_BACKGROUND: 'false', DB_CONNECT_TIMEOUT_MS: '1000' },
      });
      await expect(start).rejects.toThrow(/exited with code 1/);
      await expect(start).rejects.toThrow(
        new RegExp(
          `PostgreSQL at 127\\.0\\.0\\.1:${port}/\\S+ did not accept a connection within 1000 ms[\\s\\S]*Check DATABASE_URL`,
        ),
      );
    } finally {
      await silent.stop();
    }
  });
});

describe('background work that cannot stall or fail silently', () => {
  let database: ProvisionedDatabase;
  let pool: Pool;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    database = await provisionTestDatabase();
    pool = new Pool({ connectionString: database.databaseUrl, max: 2 });
    const migrator = await startApiProcess({ databaseUrl: database.databaseUrl, env: { RUN_BACKGROUND: 'false' } });
    await migrator.stop();
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    if (pool) await endPool(pool);
    await database?.release();
  });

  const health = async () => (await get(api as ApiProcess, '/api/health')).body as HealthBody;

  it('runs the next sweep although a sweep is still held by a process that died', async () => {
    // As an earlier version left it: a singleton queue, and its job active on a process killed mid-sweep.
    const dead = new PgBoss({
      connectionString: database.databaseUrl,
      schema: 'pgboss',
      supervise: false,
      schedule: false,
    });
    await dead.start();
    await dead.createQueue('deadline-sweep', { name: 'deadline-sweep', policy: 'singleton', expireInSeconds: 900 });
    await dead.send('deadline-sweep', {});
    const [held] = await dead.fetch('deadline-sweep');
    expect(held).toBeDefined();
    await dead.stop({ graceful: false, close: true, wait: true });

    api = await startApiProcess({
      databaseUrl: database.databaseUrl,
      env: { RUN_BACKGROUND: 'true', LOG_LEVEL: 'info' },
    });
    // The schedule runs every minute: two minutes is the promise after any crash.
    await until(async () => (await health()).checks.deadlineSweep.status === 'ok', 'a sweep succeeds', 150_000);
    // Nothing has been sent on this database: no mail is due, none has waited.
    expect((await health()).checks.outbox).toEqual({ status: 'ok', pending: 0, oldestPendingSeconds: 0 });
    const {
      rows: [job],
    } = await pool.query(`SELECT state FROM pgboss.job WHERE id = $1`, [held.id]);
    expect(job.state).toBe('active');
  });

  it('logs a failing sweep with its error, counts it in health, and recovers when the fault is fixed', async () => {
    await pool.query(`ALTER TABLE deadline_alerts RENAME TO deadline_alerts_moved`);
    try {
      await until(
        async () =>
          logLines(api as ApiProcess).some(
            (line) => line.level === 'error' && /^Job deadline-sweep \S+ failed/.test(line.msg),
          ),
        'the failure is logged',
        150_000,
      );
      expect((await health()).checks.deadlineSweep.failuresInARow).toBeGreaterThan(0);
    } finally {
      await pool.query(`ALTER TABLE deadline_alerts_moved RENAME TO deadline_alerts`);
    }
    await until(
      async () => (await health()).checks.deadlineSweep.failuresInARow === 0,
      'a sweep succeeds again',
      150_000,
    );
    expect((await health()).status).toBe('ok');
  });
});
