import { UserView } from '@heardback/contracts';
import * as argon2 from 'argon2';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { ApiSession, ApiResponse } from './api-client';
import { ApiProcess, ProvisionedDatabase, provisionTestDatabase, startApiProcess } from './api-server';
import { PASSWORD, uniqueEmail } from './factories';
import { Mailbox } from './mailbox';

/**
 * An API of its own for the account specs, with its outbox sender running and writing every email
 * as an .eml file, which the tests read like the recipient would. Call inside a describe: it adds
 * the hooks that start and stop it.
 */
export function accountApi(options: { maxSessions: number }) {
  let database: ProvisionedDatabase;
  let pool: Pool;
  let api: ApiProcess;
  let mailbox: Mailbox;

  beforeAll(async () => {
    database = await provisionTestDatabase();
    pool = new Pool({ connectionString: database.databaseUrl, max: 2 });
    mailbox = new Mailbox(mkdtempSync(join(tmpdir(), 'heardback-accounts-mail-')));
    api = await startApiProcess({
      databaseUrl: database.databaseUrl,
      env: {
        RUN_BACKGROUND: 'true',
        OUTBOX_POLL_MS: '100',
        MAIL_DIR: mailbox.dir,
        SESSION_MAX_PER_USER: String(options.maxSessions),
        PUBLIC_URL: 'http://portal.test',
      },
    });
  });

  afterAll(async () => {
    await api?.stop();
    await pool?.end();
    await database?.release();
  });

  const browser = () => new ApiSession({ baseUrl: api.url });

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

  async function signIn(email: string, password = PASSWORD): Promise<ApiSession> {
    const session = browser();
    await expectStatus(session.post('/api/auth/login', { email, password }), 200);
    return session;
  }

  async function register(): Promise<{ session: ApiSession; email: string; id: string }> {
    const session = browser();
    const email = uniqueEmail('candidate');
    await expectStatus(
      session.post('/api/auth/register', { email, password: PASSWORD, fullName: 'Casey Candidate' }),
      201,
    );
    const me = await expectStatus(session.get<UserView>('/api/auth/me'), 200);
    return { session, email, id: me.body.id };
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
    browser,
    expectStatus,
    agencyUser,
    signIn,
    register,
    openJob,
  };
}
