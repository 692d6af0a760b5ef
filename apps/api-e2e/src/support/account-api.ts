import { UserView } from '@heardback/contracts';
import * as argon2 from 'argon2';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import PgBoss from 'pg-boss';
import { ApiSession, ApiResponse } from './api-client';
import { ApiProcess, ProvisionedDatabase, provisionTestDatabase, startApiProcess } from './api-server';
import { PASSWORD, uniqueEmail } from './factories';
import { Mailbox } from './mailbox';

/**
 * An API of its own for the account specs, with its outbox sender running and writing every email
 * as an .eml file, which the tests read like the recipient would. Call inside a describe: it adds
 * the hooks that start and stop it.
 */
export function accountApi(options: { maxSessions: number; env?: Record<string, string> }) {
  let database: ProvisionedDatabase;
  let pool: Pool;
  let api: ApiProcess;
  let mailbox: Mailbox;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await provisionTestDatabase();
    pool = new Pool({ connectionString: database.databaseUrl, max: 2 });
    mailbox = new Mailbox(mkdtempSync(join(tmpdir(), 'heardback-accounts-mail-')));
    env = {
      RUN_BACKGROUND: 'true',
      OUTBOX_POLL_MS: '100',
      MAIL_DIR: mailbox.dir,
      SESSION_MAX_PER_USER: String(options.maxSessions),
      PUBLIC_URL: 'http://portal.test',
      ...options.env,
    };
    api = await startApiProcess({ databaseUrl: database.databaseUrl, env });
  });

  afterAll(async () => {
    await api?.stop();
    await pool?.end();
    await database?.release();
  });

  /** A browser; `client` (with TRUST_PROXY=loopback in `env`) is the network address it appears to call from. */
  const browser = (client?: string) =>
    new ApiSession({ baseUrl: api.url, headers: client ? { 'x-forwarded-for': client } : {} });

  async function expectStatus<T>(response: Promise<ApiResponse<T>>, status: number): Promise<ApiResponse<T>> {
    const answered = await response;
    if (answered.status !== status) {
      throw new Error(`expected ${status}, got ${answered.status} ${JSON.stringify(answered.body)}`);
    }
    return answered;
  }

  async function agencyUser(role: 'staff' | 'recruiter'): Promise<{ id: string; email: string }> {
    const email = uniqueEmail(role);
    const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
    const { rows } = await pool.query(
      'INSERT INTO users (email, password_hash, full_name, role) VALUES ($1, $2, $3, $4) RETURNING id',
      [email, hash, role === 'staff' ? 'Sam Staff' : 'Riley Recruiter', role],
    );
    return { id: rows[0].id, email };
  }

  async function signIn(email: string, password = PASSWORD, client?: string): Promise<ApiSession> {
    const session = browser(client);
    await expectStatus(session.post('/api/auth/login', { email, password }), 200);
    return session;
  }

  async function register(client?: string): Promise<{ session: ApiSession; email: string; id: string }> {
    const session = browser(client);
    const email = uniqueEmail('candidate');
    await expectStatus(
      session.post('/api/auth/register', { email, password: PASSWORD, fullName: 'Casey Candidate' }),
      201,
    );
    const me = await expectStatus(session.get<UserView>('/api/auth/me'), 200);
    return { session, email, id: me.body.id };
  }

  /**
   * Asks the API's background worker to run the account purge now (it runs every 15 minutes on
   * its own), then waits up to a minute for `purged()` to hold; the caller asserts what it finds.
   */
  async function purgeInBackground(purged: () => Promise<boolean>): Promise<void> {
    const boss = new PgBoss({ connectionString: database.databaseUrl, schema: 'pgboss' });
    await boss.start();
    try {
      await boss.send('account-purge', {});
    } finally {
      await boss.stop({ graceful: false });
    }
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !(await purged())) {
      await new Promise((next) => setTimeout(next, 250));
    }
  }

  async function openJob(staff: ApiSession, ownerId: string | null = null): Promise<string> {
    const client = await expectStatus(
      staff.post<{ id: string }>('/api/clients', { name: `Client ${uniqueEmail('c')}` }),
      201,
    );
    const job = await expectStatus(
      staff.post<{ id: string }>('/api/jobs', {
        clientId: client.body.id,
        title: 'Platform Engineer',
        description: 'Keeps the lights on.',
        location: 'Leeds',
        workMode: 'remote',
        employmentType: 'full_time',
        status: 'open',
        pipeline: ['Phone screen', 'Final'],
        ...(ownerId ? { ownerId } : {}),
      }),
      201,
    );
    return job.body.id;
  }

  return {
    get database() {
      return database;
    },
    get pool() {
      return pool;
    },
    get mailbox() {
      return mailbox;
    },
    /** What the API wrote to stdout and stderr (its JSON log lines). */
    get output() {
      return api.output;
    },
    /** The environment the API was started with, to start another instance like it. */
    get env() {
      return env;
    },
    browser,
    expectStatus,
    agencyUser,
    signIn,
    register,
    openJob,
    purgeInBackground,
  };
}
