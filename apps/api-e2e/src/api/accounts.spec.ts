import { ErrorCode, SessionView, UserAccessResult, UserView } from '@heardback/contracts';
import * as argon2 from 'argon2';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PgBoss from 'pg-boss';
import { Pool } from 'pg';
import { ApiSession, ApiResponse, asError } from '../support/api-client';
import { ApiProcess, ProvisionedDatabase, provisionTestDatabase, startApiProcess } from '../support/api-server';
import { PASSWORD, uniqueEmail } from '../support/factories';
import { Mailbox, tokenFrom } from '../support/mailbox';

jest.setTimeout(120_000);

const NEW_PASSWORD = 'amber meadow telescope';
const MAX_SESSIONS = 4;

/**
 * Item 3 and 4 of issue 8, over HTTP against the built API with its outbox sender running and
 * writing every email as an .eml file, which the tests read like the recipient would.
 */
describe('account lifecycle and sessions', () => {
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
        SESSION_MAX_PER_USER: String(MAX_SESSIONS),
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

  describe('email verification', () => {
    it('mails an unverified address only its verification link, holds the rest, and sends it in order once verified', async () => {
      const staffUser = await agencyUser('staff');
      const staff = await signIn(staffUser.email);
      const jobId = await openJob(staff);
      const candidate = await register();
      // Applying works in the same visit, before the address is verified.
      await expectStatus(candidate.session.post(`/api/jobs/${jobId}/applications`), 201);
      const [verification] = await mailbox.waitFor(candidate.email, 1);
      expect(verification.subject).toBe('Confirm your email address for Heardback');

      // A later email to someone verified goes out, so the sender has passed the held one by.
      await expectStatus(browser().post('/api/auth/password-reset', { email: staffUser.email }), 202);
      await mailbox.waitFor(staffUser.email, 1);
      expect(await mailbox.to(candidate.email)).toHaveLength(1);
      const held = await pool.query(
        `SELECT status, attempts FROM notifications WHERE recipient_id = $1 AND kind = 'candidate_update'`,
        [candidate.id],
      );
      expect(held.rows).toEqual([{ status: 'pending', attempts: 0 }]);

      // The recruiter sees that the address is not verified.
      const applicationId = (await pool.query('SELECT id FROM applications WHERE candidate_id = $1', [candidate.id]))
        .rows[0].id;
      const seen = await expectStatus(
        staff.get<{ candidate: { emailVerified: boolean } }>(`/api/applications/${applicationId}`),
        200,
      );
      expect(seen.body.candidate.emailVerified).toBe(false);
      const ownView = await expectStatus(
        candidate.session.get<{ candidate: object }>(`/api/applications/${applicationId}`),
        200,
      );
      expect(ownView.body.candidate).not.toHaveProperty('emailVerified');

      const token = tokenFrom(verification, '/verify-email');
      await expectStatus(browser().post('/api/auth/verify-email', { token }), 204);
      const mails = await mailbox.waitFor(candidate.email, 2);
      expect(mails.map((mail) => mail.subject)).toEqual([
        'Confirm your email address for Heardback',
        'Update on your application: Platform Engineer at ' + mails[1].subject.split(' at ')[1],
      ]);
      expect((await candidate.session.get<UserView>('/api/auth/me')).body.emailVerified).toBe(true);
      const verified = await staff.get<{ candidate: { emailVerified: boolean } }>(`/api/applications/${applicationId}`);
      expect(verified.body.candidate.emailVerified).toBe(true);

      // The link works once.
      const again = await browser().post('/api/auth/verify-email', { token });
      expect(again.status).toBe(400);
      expect(asError(again).code).toBe(ErrorCode.TokenInvalid);
    });

    it('sends the link again on request, but not twice within a minute', async () => {
      const candidate = await register();
      await mailbox.waitFor(candidate.email, 1);
      await expectStatus(candidate.session.post('/api/me/email-verification'), 202);
      await expectStatus(candidate.session.post('/api/me/email-verification'), 202);
      const { rows } = await pool.query(
        `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND kind = 'email_verification'`,
        [candidate.id],
      );
      expect(rows[0].n).toBe(1);
    });

    it('tells the owner, not the visitor, when someone registers with a taken address', async () => {
      const staffUser = await agencyUser('staff');
      const visitor = browser();
      const answer = await visitor.post('/api/auth/register', {
        email: staffUser.email.toUpperCase(),
        password: NEW_PASSWORD,
        fullName: 'Mallory',
      });
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({ email: staffUser.email, checkEmail: true });
      expect((await visitor.get('/api/auth/me')).status).toBe(401);
      const [mail] = await mailbox.waitFor(staffUser.email, 1);
      expect(mail.subject).toBe('Someone tried to register with your email address');
      expect(mail.body).toContain('http://portal.test/forgot-password');
      // The owner's password still works; the visitor's does not.
      await signIn(staffUser.email);
      expect((await browser().post('/api/auth/login', { email: staffUser.email, password: NEW_PASSWORD })).status).toBe(
        401,
      );
    });
  });

  describe('passwords', () => {
    it('refuses common and short passwords with a message that says what to do', async () => {
      for (const password of ['1234567890', ' '.repeat(12), 'heardback-demo', '123456789012', 'Password1234']) {
        const response = await browser().post('/api/auth/register', {
          email: uniqueEmail('weak'),
          password,
          fullName: 'Weak',
        });
        expect(response.status).toBe(400);
        expect(asError(response).details?.[0].field).toBe('password');
        expect(asError(response).details?.[0].reasons[0]).toMatch(/at least 12 characters|unrelated words/);
      }
    });

    it('resets a forgotten password by the emailed link, once, and ends every old session', async () => {
      const candidate = await register();
      const otherDevice = await signIn(candidate.email);
      const unknown = await browser().post('/api/auth/password-reset', { email: uniqueEmail('nobody') });
      const known = await browser().post('/api/auth/password-reset', { email: candidate.email });
      expect([known.status, unknown.status]).toEqual([202, 202]);
      expect(known.body).toEqual(unknown.body);

      // An unverified owner still gets the link (it proves the address), alongside the verification.
      const mails = await mailbox.waitFor(candidate.email, 2);
      const reset = mails.find((mail) => mail.subject === 'Reset your Heardback password');
      if (!reset) throw new Error('no reset email');
      expect(reset.body).toContain('30 minutes');
      const token = tokenFrom(reset, '/reset-password');

      const weak = await browser().post('/api/auth/password-reset/confirm', { token, password: 'password1234' });
      expect(weak.status).toBe(400);
      expect(asError(weak).details?.[0].field).toBe('password');

      const resetter = browser();
      const confirmed = await expectStatus(
        resetter.post<UserView>('/api/auth/password-reset/confirm', { token, password: NEW_PASSWORD }),
        200,
      );
      expect(confirmed.body).toMatchObject({ email: candidate.email, emailVerified: true });
      expect((await resetter.get('/api/auth/me')).status).toBe(200);
      expect((await candidate.session.get('/api/auth/me')).status).toBe(401);
      expect((await otherDevice.get('/api/auth/me')).status).toBe(401);

      const twice = await browser().post('/api/auth/password-reset/confirm', {
        token,
        password: 'another fine sentence',
      });
      expect(twice.status).toBe(400);
      expect(asError(twice).code).toBe(ErrorCode.TokenInvalid);
      expect((await browser().post('/api/auth/login', { email: candidate.email, password: PASSWORD })).status).toBe(
        401,
      );
      await signIn(candidate.email, NEW_PASSWORD);
    });

    it('refuses a reset link after 30 minutes', async () => {
      const candidate = await register();
      await expectStatus(browser().post('/api/auth/password-reset', { email: candidate.email }), 202);
      const reset = (await mailbox.waitFor(candidate.email, 2)).find((mail) => mail.subject.startsWith('Reset'));
      if (!reset) throw new Error('no reset email');
      await pool.query(
        `UPDATE account_tokens SET created_at = created_at - interval '31 minutes', expires_at = expires_at - interval '31 minutes'
          WHERE user_id = $1 AND purpose = 'reset_password'`,
        [candidate.id],
      );
      const late = await browser().post('/api/auth/password-reset/confirm', {
        token: tokenFrom(reset, '/reset-password'),
        password: NEW_PASSWORD,
      });
      expect(late.status).toBe(400);
      expect(asError(late).code).toBe(ErrorCode.TokenInvalid);
    });

    it('changes the password with the current one and ends the other sessions only', async () => {
      const candidate = await register();
      const otherDevice = await signIn(candidate.email);
      const wrong = await candidate.session.post('/api/me/password', {
        currentPassword: 'not my password',
        newPassword: NEW_PASSWORD,
      });
      expect(wrong.status).toBe(400);
      expect(asError(wrong).details).toEqual([{ field: 'currentPassword', reasons: ['is not your current password'] }]);
      const weak = await candidate.session.post('/api/me/password', {
        currentPassword: PASSWORD,
        newPassword: 'qwerty123456',
      });
      expect(asError(weak).details?.[0].field).toBe('newPassword');

      await expectStatus(
        candidate.session.post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
        204,
      );
      expect((await candidate.session.get('/api/auth/me')).status).toBe(200);
      expect((await otherDevice.get('/api/auth/me')).status).toBe(401);
      await signIn(candidate.email, NEW_PASSWORD);
    });
  });

  describe('staff disabling a user', () => {
    it('ends their sessions at once, refuses their sign-in, lists their open work, and re-enables them', async () => {
      const staff = await signIn((await agencyUser('staff')).email);
      const recruiter = await agencyUser('recruiter');
      const recruiterSession = await signIn(recruiter.email);
      const jobId = await openJob(staff, recruiter.id);
      const candidate = await register();
      await expectStatus(candidate.session.post(`/api/jobs/${jobId}/applications`), 201);

      const disabled = await expectStatus(staff.post<UserAccessResult>(`/api/users/${recruiter.id}/disable`), 200);
      expect(disabled.body.user.disabledAt).not.toBeNull();
      expect(disabled.body.openWork.map((item) => [item.kind, item.jobId])).toEqual([
        ['job', jobId],
        ['application', jobId],
      ]);
      expect(disabled.body.openWork[1].label).toBe('Casey Candidate – Platform Engineer');
      expect((await recruiterSession.get('/api/auth/me')).status).toBe(401);
      expect((await recruiterSession.get('/api/agency/jobs')).status).toBe(401);
      const refused = await browser().post('/api/auth/login', { email: recruiter.email, password: PASSWORD });
      expect(refused.status).toBe(403);
      expect(asError(refused).code).toBe(ErrorCode.AccountDisabled);
      const wrongPassword = await browser().post('/api/auth/login', { email: recruiter.email, password: NEW_PASSWORD });
      expect(asError(wrongPassword).code).toBe(ErrorCode.InvalidCredentials);
      expect((await staff.get<UserAccessResult>(`/api/users/${recruiter.id}/open-work`)).body.openWork).toHaveLength(2);

      const enabled = await expectStatus(staff.post<UserAccessResult>(`/api/users/${recruiter.id}/enable`), 200);
      expect(enabled.body.user.disabledAt).toBeNull();
      await signIn(recruiter.email);
    });

    it('does not let staff disable themselves, nor anyone but staff disable anyone', async () => {
      const staffUser = await agencyUser('staff');
      const staff = await signIn(staffUser.email);
      const self = await staff.post(`/api/users/${staffUser.id}/disable`);
      expect(self.status).toBe(403);
      expect(asError(self).message).toContain('Ask another staff member');
      const recruiter = await signIn((await agencyUser('recruiter')).email);
      expect((await recruiter.post(`/api/users/${staffUser.id}/disable`)).status).toBe(403);
      expect((await staff.post('/api/users/00000000-0000-4000-8000-000000000000/disable')).status).toBe(404);
      expect((await staff.get('/api/auth/me')).status).toBe(200);
    });
  });

  describe('sessions', () => {
    it('issues a new token at every sign-in and ends the one the browser held', async () => {
      const { email } = await agencyUser('recruiter');
      const session = await signIn(email);
      const first = session.sessionCookie;
      await expectStatus(session.post('/api/auth/login', { email, password: PASSWORD }), 200);
      expect(session.sessionCookie).not.toBe(first);
      const replay = browser();
      replay.sessionCookie = first;
      expect((await replay.get('/api/auth/me')).status).toBe(401);
      expect((await session.get('/api/auth/me')).status).toBe(200);
    });

    it('lists a user’s own sessions, marks this one, and revokes another', async () => {
      const candidate = await register();
      const laptop = await signIn(candidate.email);
      const list = await expectStatus(candidate.session.get<SessionView[]>('/api/me/sessions'), 200);
      expect(list.body).toHaveLength(2);
      expect(list.body.filter((session) => session.current)).toHaveLength(1);
      expect(list.body[0]).toEqual(
        expect.objectContaining({
          device: expect.any(String),
          createdAt: expect.any(String),
          lastSeenAt: expect.any(String),
        }),
      );
      const other = list.body.find((session) => !session.current);
      if (!other) throw new Error('no other session');
      const stranger = await register();
      expect((await stranger.session.request('DELETE', `/api/me/sessions/${other.id}`)).status).toBe(404);
      expect((await laptop.get('/api/auth/me')).status).toBe(200);
      expect((await candidate.session.request('DELETE', `/api/me/sessions/${other.id}`)).status).toBe(204);
      expect((await laptop.get('/api/auth/me')).status).toBe(401);
      expect((await candidate.session.get<SessionView[]>('/api/me/sessions')).body).toHaveLength(1);
    });

    it('ends an agency session after 30 idle minutes, a candidate’s only after days, and any at its absolute end', async () => {
      const recruiter = await agencyUser('recruiter');
      const recruiterSession = await signIn(recruiter.email);
      const candidate = await register();
      const idle = (userId: string, minutes: number) =>
        pool.query(`UPDATE sessions SET last_seen_at = now() - make_interval(mins => $2) WHERE user_id = $1`, [
          userId,
          minutes,
        ]);
      await idle(recruiter.id, 29);
      expect((await recruiterSession.get('/api/auth/me')).status).toBe(200);
      await idle(recruiter.id, 31);
      expect((await recruiterSession.get('/api/auth/me')).status).toBe(401);
      await idle(candidate.id, 31);
      expect((await candidate.session.get('/api/auth/me')).status).toBe(200);
      await pool.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
        candidate.id,
      ]);
      expect((await candidate.session.get('/api/auth/me')).status).toBe(401);
    });

    it('keeps at most the configured number of sessions per user, ending the least recently used', async () => {
      const { email, id } = await agencyUser('recruiter');
      const oldest = await signIn(email);
      await pool.query(`UPDATE sessions SET last_seen_at = now() - interval '5 minutes' WHERE user_id = $1`, [id]);
      const others = [];
      for (let index = 0; index < MAX_SESSIONS; index++) others.push(await signIn(email));
      expect((await oldest.get('/api/auth/me')).status).toBe(401);
      for (const session of others) expect((await session.get('/api/auth/me')).status).toBe(200);
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [id]);
      expect(rows[0].n).toBe(MAX_SESSIONS);
    });

    it('purges ended sessions and spent tokens in the background', async () => {
      const { id } = await agencyUser('recruiter');
      await pool.query(
        `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
         VALUES (decode(md5(random()::text), 'hex'), $1, now() - interval '2 hours', now() - interval '2 hours', now() + interval '1 hour'),
                (decode(md5(random()::text), 'hex'), $1, now(), now(), now() + interval '1 hour')`,
        [id],
      );
      const boss = new PgBoss({ connectionString: database.databaseUrl, schema: 'pgboss' });
      await boss.start();
      try {
        await boss.send('account-purge', {});
      } finally {
        await boss.stop({ graceful: false });
      }
      const deadline = Date.now() + 60_000;
      let remaining = 2;
      while (Date.now() < deadline) {
        const { rows } = await pool.query('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [id]);
        remaining = rows[0].n;
        if (remaining === 1) break;
        await new Promise((next) => setTimeout(next, 250));
      }
      expect(remaining).toBe(1);
    });
  });
});
