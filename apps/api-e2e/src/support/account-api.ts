import { FINISH_REGISTRATION_PAGE_PATH, RegistrationConfirmedView, UserRole } from '@heardback/contracts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PgBoss from 'pg-boss';
import { ApiSession, ApiResponse } from './api-client';
import {
  FINISH_REGISTRATION_SUBJECT,
  PASSWORD,
  insertAgencyUser,
  signIn as signInWith,
  uniqueEmail,
} from './factories';
import { Mailbox, tokenFrom } from './mailbox';
import { ownApi } from './own-api';

/**
 * An API of its own for the account specs, with its outbox sender running and writing every email
 * as an .eml file, which the tests read like the recipient would. Call inside a describe: it adds
 * the hooks that start and stop it.
 */
export function accountApi(options: { maxSessions: number; env?: Record<string, string> }) {
  const mailbox = new Mailbox(mkdtempSync(join(tmpdir(), 'heardback-accounts-mail-')));
  const env: Record<string, string> = {
    RUN_BACKGROUND: 'true',
    OUTBOX_POLL_MS: '100',
    MAIL_DIR: mailbox.dir,
    SESSION_MAX_PER_USER: String(options.maxSessions),
    PUBLIC_URL: 'http://portal.test',
    ...options.env,
  };
  const api = ownApi(env);

  /** A browser; `client` (with TRUST_PROXY=loopback in `env`) is the network address it appears to call from. */
  const browser = (client?: string) => api.browser(client ? { headers: { 'x-forwarded-for': client } } : {});

  async function expectStatus<T>(response: Promise<ApiResponse<T>>, status: number): Promise<ApiResponse<T>> {
    const answered = await response;
    if (answered.status !== status) {
      throw new Error(`expected ${status}, got ${answered.status} ${JSON.stringify(answered.body)}`);
    }
    return answered;
  }

  function agencyUser(role: 'staff' | 'recruiter'): Promise<{ id: string; email: string }> {
    return role === 'staff'
      ? insertAgencyUser(api.pool, UserRole.Staff, 'Sam Staff')
      : insertAgencyUser(api.pool, UserRole.Recruiter, 'Riley Recruiter');
  }

  const signIn = (email: string, password = PASSWORD, client?: string): Promise<ApiSession> =>
    signInWith(browser(client), email, password);

  /**
   * The token in the newest link to finish registering that reached `email`'s inbox. Read from the
   * mailbox, not the outbox: this API's sender runs, and a sent message's key may be blanked there.
   */
  async function registrationLinkTo(email: string): Promise<string> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const links = (await mailbox.to(email)).filter((mail) => mail.subject === FINISH_REGISTRATION_SUBJECT);
      if (links.length > 0) return tokenFrom(links[links.length - 1], FINISH_REGISTRATION_PAGE_PATH);
      if (Date.now() > deadline) throw new Error(`No link to finish registering reached ${email}`);
      await new Promise((next) => setTimeout(next, 100));
    }
  }

  /** A new candidate, registered and signed in by following the emailed link. */
  async function register(client?: string): Promise<{ session: ApiSession; email: string; id: string }> {
    const session = browser(client);
    const email = uniqueEmail('candidate');
    await expectStatus(
      session.post('/api/auth/register', { email, password: PASSWORD, fullName: 'Casey Candidate' }),
      202,
    );
    const token = await registrationLinkTo(email);
    const confirmed = await expectStatus(
      session.post<RegistrationConfirmedView>('/api/auth/register/confirm', { token, password: PASSWORD }),
      200,
    );
    return { session, email, id: confirmed.body.user.id };
  }

  /**
   * Asks the API's background worker to run the account purge now (it runs every 15 minutes on
   * its own), then waits up to a minute for `purged()` to hold; the caller asserts what it finds.
   */
  async function purgeInBackground(purged: () => Promise<boolean>): Promise<void> {
    const boss = new PgBoss({ connectionString: api.database.databaseUrl, schema: 'pgboss' });
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
      return api.database;
    },
    get pool() {
      return api.pool;
    },
    mailbox,
    /** What the API wrote to stdout and stderr (its JSON log lines). */
    get output() {
      return api.process.output;
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
    registrationLinkTo,
    openJob,
    purgeInBackground,
  };
}
