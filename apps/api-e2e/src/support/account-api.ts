import { UserRole, UserView } from '@heardback/contracts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiSession, ApiResponse } from './api-client';
import { PASSWORD, insertAgencyUser, signIn as signInWith, uniqueEmail } from './factories';
import { Mailbox } from './mailbox';
import { ownApi } from './own-api';

/**
 * An API of its own for the account specs, with its outbox sender running and writing every email
 * as an .eml file, which the tests read like the recipient would. Call inside a describe: it adds
 * the hooks that start and stop it.
 */
export function accountApi(options: { maxSessions: number }) {
  const mailbox = new Mailbox(mkdtempSync(join(tmpdir(), 'heardback-accounts-mail-')));
  const api = ownApi({
    RUN_BACKGROUND: 'true',
    OUTBOX_POLL_MS: '100',
    MAIL_DIR: mailbox.dir,
    SESSION_MAX_PER_USER: String(options.maxSessions),
    PUBLIC_URL: 'http://portal.test',
  });

  const browser = () => api.browser();

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

  const signIn = (email: string, password = PASSWORD): Promise<ApiSession> => signInWith(browser(), email, password);

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
      return api.database;
    },
    get pool() {
      return api.pool;
    },
    mailbox,
    browser,
    expectStatus,
    agencyUser,
    signIn,
    register,
    openJob,
  };
}
