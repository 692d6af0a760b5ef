import { ApiError, ErrorCode, SCORE_TOO_BROAD_MESSAGE, UserRole } from '@heardback/contracts';
import { Pool } from 'pg';
import { ApiResponse, ApiSession } from '../support/api-client';
import { insertAgencyUser, signIn } from '../support/factories';
import { until } from '../support/outbox-waits';
import { ownApi } from '../support/own-api';

jest.setTimeout(180_000);

const PERIOD = 'from=2026-01-01&to=2026-01-31';
/** The defaults (ADR 0047): 60 score reads a minute per account, 300 per client address. */
const PER_ACCOUNT = 60;
const PER_CLIENT = 300;

/** A 429 in the API's error shape whose Retry-After header says when, within the minute. */
function expectTooMany(response: ApiResponse, words: RegExp): void {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(response.body).toEqual({
    statusCode: 429,
    code: ErrorCode.TooManyRequests,
    message: expect.stringMatching(words),
  });
}

/** A table locked as a schema change would: every statement reading it waits past its limit, however fast the machine. */
async function whileLocked<T>(pool: Pool, table: string, work: () => Promise<T>): Promise<T> {
  const blocker = await pool.connect();
  try {
    await blocker.query('BEGIN');
    await blocker.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
    return await work();
  } finally {
    await blocker.query('ROLLBACK');
    blocker.release();
  }
}

/** `times` calls of `call`, ten at a time, so a budget's minute is not spent waiting. */
async function repeat(times: number, call: () => Promise<ApiResponse>): Promise<number[]> {
  const statuses: number[] = [];
  for (let done = 0; done < times; done += 10) {
    const batch = await Promise.all(Array.from({ length: Math.min(10, times - done) }, call));
    statuses.push(...batch.map((response) => response.status));
  }
  return statuses;
}

/**
 * The score's guards (issue 12; ADR 0047): its reads are the API's costliest, so each counts against
 * a budget per account and per client address, and each statement has its own time limit. This API
 * keeps the default budgets and trusts the loopback proxy, so each test calls from addresses of its own.
 */
describe('the score guards', () => {
  describe('the score read budget', () => {
    const api = ownApi({ RUN_BACKGROUND: 'false', TRUST_PROXY: 'loopback' });
    let clients = 0;
    /** A client address no other test has called from. */
    const newClient = () => `198.51.100.${++clients}`;

    /**
     * Every budget's window ends `seconds` from now: held open for an hour while a test spends a
     * budget, then closing in 30 s, so the count never depends on how fast the machine answers.
     */
    const windowsEndIn = (seconds: number) =>
      api.pool.query(`UPDATE rate_limits SET expire = (extract(epoch FROM clock_timestamp()) * 1000)::bigint + $1`, [
        seconds * 1000,
      ]);

    async function staffFrom(client: string): Promise<ApiSession> {
      const user = await insertAgencyUser(api.pool, UserRole.Staff);
      return signIn(api.browser({ headers: { 'x-forwarded-for': client } }), user.email);
    }

    it('refuses an account its 61st score read in a minute with 429 and Retry-After, while others read on', async () => {
      const client = newClient();
      const staff = await staffFrom(client);
      expect((await staff.get(`/api/agency/score?${PERIOD}`)).status).toBe(200);
      await windowsEndIn(3600);
      const reads = await repeat(PER_ACCOUNT - 1, () => staff.get(`/api/agency/score?${PERIOD}`));
      expect(reads).toEqual(Array(PER_ACCOUNT - 1).fill(200));
      await windowsEndIn(30);
      // Every score read counts: the tables, the CSV and a client's month too.
      expectTooMany(await staff.get(`/api/agency/score/groups?${PERIOD}&grouping=job`), /for this account/);
      expectTooMany(await staff.get(`/api/agency/score.csv?${PERIOD}&by=job`), /for this account/);
      expectTooMany(
        await staff.get(`/api/agency/score?${PERIOD}`),
        /^Too many attempts for this account.*Try again in/,
      );
      // Another account at the same address has a budget of its own.
      const colleague = await staffFrom(client);
      expect((await colleague.get(`/api/agency/score?${PERIOD}`)).status).toBe(200);
    });

    it('refuses an address its 301st score read in a minute, whichever account asks', async () => {
      const client = newClient();
      const accounts = await Promise.all(Array.from({ length: PER_CLIENT / PER_ACCOUNT }, () => staffFrom(client)));
      // Malformed reads count too (the guard runs before validation), and cost the database nothing.
      const malformed = (account: ApiSession) => () => account.get('/api/agency/score?from=not-a-day&to=2026-01-31');
      expect((await malformed(accounts[0])()).status).toBe(400);
      await windowsEndIn(3600);
      for (const [index, account] of accounts.entries()) {
        const times = index === 0 ? PER_ACCOUNT - 1 : PER_ACCOUNT;
        expect(await repeat(times, malformed(account))).toEqual(Array(times).fill(400));
      }
      await windowsEndIn(30);
      const fresh = await staffFrom(client);
      expectTooMany(await fresh.get(`/api/agency/score?${PERIOD}`), /^Too many attempts from your network/);
      const elsewhere = await staffFrom(newClient());
      expect((await elsewhere.get(`/api/agency/score?${PERIOD}`)).status).toBe(200);
    });
  });

  describe('the score time limit', () => {
    const api = ownApi({
      RUN_BACKGROUND: 'false',
      SCORE_TIMEOUT_MS: '200',
      RATE_LIMIT_SCORE_READS_PER_ACCOUNT: '1000/1m',
    });
    let staff: ApiSession;

    beforeAll(async () => {
      staff = await signIn(api.browser(), (await insertAgencyUser(api.pool, UserRole.Staff)).email);
    });

    /** The feedback facts locked: every score statement waits past its limit. */
    const whileFactsLocked = <T>(work: () => Promise<T>) => whileLocked(api.pool, 'score_feedback_facts', work);

    it.each([
      ['the figures', `/api/agency/score?${PERIOD}`],
      ['a table', `/api/agency/score/groups?${PERIOD}&grouping=job`],
    ])(
      'answers %s past SCORE_TIMEOUT_MS with 503 SCORE_TOO_BROAD, asking for a shorter period or one client',
      async (_, path) => {
        const response = await whileFactsLocked(() => staff.get<ApiError>(path));
        expect(response.status).toBe(503);
        expect(response.body).toMatchObject({ code: ErrorCode.ScoreTooBroad, message: SCORE_TOO_BROAD_MESSAGE });
        expect(response.body.message).toMatch(/shorter period or one client/);
        expect((await staff.get(path)).status).toBe(200);
      },
    );

    it('answers a CSV whose groups pass the limit with 503 before any byte, not a file that breaks off', async () => {
      const path = `/api/agency/score.csv?${PERIOD}&by=job`;
      // The figures need no job; the groups by job do, so only the group table's first FETCH waits.
      const response = await whileLocked(api.pool, 'jobs', () => staff.get<ApiError>(path));
      expect(response.status).toBe(503);
      expect(response.headers.get('content-disposition')).toBeNull();
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.body).toMatchObject({ code: ErrorCode.ScoreTooBroad, message: SCORE_TOO_BROAD_MESSAGE });
      const file = await staff.send('GET', path);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="heardback-score-by-job-/);
      expect(file.text).toContain('overall,Everyone');
    });

    it('answers a client’s month past the limit the same way', async () => {
      const client = (await api.pool.query(`INSERT INTO clients (name) VALUES ('Slow Co') RETURNING id`)).rows[0].id;
      const path = `/api/agency/score/clients/${client}/monthly?month=2026-01`;
      const response = await whileFactsLocked(() => staff.get<ApiError>(path));
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ code: ErrorCode.ScoreTooBroad, message: SCORE_TOO_BROAD_MESSAGE });
      expect((await staff.get(path)).status).toBe(200);
    });
  });

  describe('the CSV’s deadline', () => {
    // The request deadline is shorter than one score statement's limit here: only a deadline that
    // allows the CSV one statement more (request-gate.ts) lets the score's own 503 and advice through.
    const api = ownApi({
      RUN_BACKGROUND: 'false',
      SCORE_TIMEOUT_MS: '3000',
      REQUEST_TIMEOUT_MS: '1500',
      RATE_LIMIT_SCORE_READS_PER_ACCOUNT: '1000/1m',
      LOG_LEVEL: 'info',
    });
    let staff: ApiSession;

    beforeAll(async () => {
      staff = await signIn(api.browser(), (await insertAgencyUser(api.pool, UserRole.Staff)).email);
    });

    it('lets a client that hangs up while the groups are computed go, with no error of its own logged', async () => {
      const path = `/api/agency/score.csv?${PERIOD}&by=job`;
      const database = api.database.databaseUrl.split('/').pop()?.split('?')[0];
      const waitingOnLock = async () =>
        (
          await api.pool.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`,
            [database],
          )
        ).rows[0].n > 0;
      await whileLocked(api.pool, 'jobs', async () => {
        const leaving = new AbortController();
        const download = staff.send('GET', path, { signal: leaving.signal }).catch((error: unknown) => error);
        // The figures need no job: once they are in, the CSV waits on the locked table for its first batch.
        await until(waitingOnLock, 'the CSV waits for its first batch', 10_000);
        leaving.abort();
        expect(await download).toMatchObject({ name: 'AbortError' });
      });
      // The lock gone, the first batch comes, to nobody; once the CSV's transaction has ended, a request
      // after it (its own statements to run) is logged after whatever the CSV logged.
      await until(
        async () =>
          (
            await api.pool.query(
              `SELECT count(*)::int AS n FROM pg_stat_activity
                WHERE datname = $1 AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')`,
              [database],
            )
          ).rows[0].n === 0,
        'the CSV’s transaction has ended',
        10_000,
      );
      const marker = await staff.send('GET', '/api/auth/me', { headers: { 'x-request-id': 'after-the-hang-up' } });
      expect(marker.status).toBe(200);
      await until(
        async () => api.logLines<{ req?: { id?: string } }>().some((line) => line.req?.id === 'after-the-hang-up'),
        'the request after it is logged',
        10_000,
      );
      const logged = api.process.output.join('').split('\n');
      expect(logged.filter((line) => line.includes('The client closed the connection'))).toEqual([]);
    });

    it('answers a CSV whose groups wait past the score limit with the score’s advice, where other reads get the deadline’s', async () => {
      const csv = await whileLocked(api.pool, 'jobs', () =>
        staff.get<ApiError>(`/api/agency/score.csv?${PERIOD}&by=job`),
      );
      expect(csv.status).toBe(503);
      expect(csv.body).toMatchObject({ code: ErrorCode.ScoreTooBroad, message: SCORE_TOO_BROAD_MESSAGE });
      const table = await whileLocked(api.pool, 'jobs', () =>
        staff.get<ApiError>(`/api/agency/score/groups?${PERIOD}&grouping=job`),
      );
      expect(table.status).toBe(503);
      expect(table.body.code).toBe(ErrorCode.RequestTimeout);
    });
  });
});
