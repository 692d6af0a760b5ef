import {
  ApiError,
  ErrorCode,
  FINISH_REGISTRATION_PAGE_PATH,
  RegisterResult,
  RegistrationConfirmedView,
} from '@heardback/contracts';
import { ApiResponse, ApiSession, asError } from '../support/api-client';
import { accountApi } from '../support/account-api';
import { tokenFrom } from '../support/mailbox';
import { ApiProcess, startApiProcess } from '../support/api-server';
import { PASSWORD, applyRequest, uniqueEmail } from '../support/factories';

jest.setTimeout(120_000);

const WRONG = 'not-the-password-Tq47';
const LOCKOUT_FAILURES = 5; // the default: 5 failures in 15 minutes
const LOCKOUT_SECONDS = 15 * 60;
const REGISTRATIONS_PER_ADDRESS = 5; // the default: 5 an hour

/**
 * Throttling and lockout (issue 8, item 2), over HTTP against the built API. This API trusts the
 * loopback proxy, so each test calls from client addresses of its own (X-Forwarded-For), and has
 * low per-client limits so they are reached in a few requests; the lockout keeps its default.
 */
describe('throttling and lockout', () => {
  const harness = accountApi({
    maxSessions: 10,
    env: {
      TRUST_PROXY: 'loopback',
      RATE_LIMIT_SIGN_IN_FAILURES_PER_CLIENT: '8/15m',
      RATE_LIMIT_REGISTRATIONS_PER_CLIENT: '3/1h',
      RATE_LIMIT_PASSWORD_RESETS_PER_ACCOUNT: '2/1h',
      RATE_LIMIT_PASSWORD_RESETS_PER_CLIENT: '4/1h',
      RATE_LIMIT_MAILING_ACTIONS_PER_ACCOUNT: '3/1h',
    },
  });
  const { browser, expectStatus, agencyUser, signIn, register, openJob } = harness;

  let clients = 0;
  /** A client address no other test has called from. */
  const newClient = () => `198.51.100.${++clients}`;

  const login = (email: string, password: string, client: string, api?: ApiProcess) =>
    (api ? new ApiSession({ baseUrl: api.url, headers: { 'x-forwarded-for': client } }) : browser(client)).post(
      '/api/auth/login',
      { email, password },
    );

  async function failTimes(times: number, email: string, client: string): Promise<void> {
    for (let failure = 0; failure < times; failure++) await expectStatus(login(email, WRONG, client), 401);
  }

  /** A 429 in the API's error shape that says, in its message and its Retry-After header, when to try again. */
  function expectTooMany(response: ApiResponse, maxSeconds: number, words: RegExp): void {
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
    expect(response.body).toEqual({
      statusCode: 429,
      code: ErrorCode.TooManyRequests,
      message: expect.stringMatching(words),
    });
    expect((response.body as ApiError).message).toMatch(/Try again in \d+ (minutes?|hours)/);
  }

  /** A registration of `email` from `client`, with the test password. */
  const registerAt = (email: string, client: string) =>
    browser(client).post('/api/auth/register', { email, password: PASSWORD, fullName: 'Reg Istrant' });
  const registrationsOf = async (email: string) =>
    (await harness.pool.query('SELECT count(*)::int AS n FROM registrations WHERE email = $1', [email])).rows[0].n;
  const mailsTo = async (email: string) =>
    (await harness.pool.query('SELECT count(*)::int AS n FROM notifications WHERE recipient_email = $1', [email]))
      .rows[0].n;

  /** Every counter's window ends 15 minutes sooner, as if 15 minutes had passed. */
  const fifteenMinutesPass = () =>
    harness.pool.query(`UPDATE rate_limits SET expire = expire - $1`, [LOCKOUT_SECONDS * 1000]);

  const lockedMails = async (userId: string) =>
    (
      await harness.pool.query(
        `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND subject LIKE 'Several failed sign-ins%'`,
        [userId],
      )
    ).rows[0].n;

  describe('per account', () => {
    it('locks an address after 5 failed sign-ins, refuses even the right password with 429, and tells the owner once', async () => {
      const owner = await agencyUser('recruiter');
      const client = newClient();
      await failTimes(LOCKOUT_FAILURES, owner.email, client);

      const right = await login(owner.email, PASSWORD, client);
      expectTooMany(right, LOCKOUT_SECONDS, /^Too many failed sign-ins for this email address/);
      // The lock is on the address, wherever the next attempt comes from; knocking does not extend it.
      expectTooMany(await login(owner.email, PASSWORD, newClient()), LOCKOUT_SECONDS, /for this email address/);
      expectTooMany(await login(owner.email.toUpperCase(), WRONG, client), LOCKOUT_SECONDS, /for this email/);

      const [mail] = await harness.mailbox.waitFor(owner.email, 1);
      expect(mail.subject).toBe('Several failed sign-ins to your Heardback account');
      expect(mail.body).toContain('your account is locked for 15 minutes');
      expect(mail.body).toContain('If it was not you, reset your password now: http://portal.test/forgot-password');
      expect(await lockedMails(owner.id)).toBe(1);

      const log = harness.output.join('');
      expect(log).toContain('"event":"sign_in_locked"');
      expect(log).not.toContain(WRONG);
      expect(log).not.toContain(PASSWORD);
    });

    it('answers an address with no account exactly as one with an account, and mails nobody', async () => {
      const client = newClient();
      const nobody = uniqueEmail('nobody');
      await failTimes(LOCKOUT_FAILURES, nobody, client);
      const refused = await login(nobody, PASSWORD, client);
      expectTooMany(refused, LOCKOUT_SECONDS, /^Too many failed sign-ins for this email address/);
      expect(await harness.mailbox.to(nobody)).toEqual([]);
    });

    it('lifts the lock when its window has passed', async () => {
      const owner = await agencyUser('staff');
      const client = newClient();
      await failTimes(LOCKOUT_FAILURES, owner.email, client);
      expect((await login(owner.email, PASSWORD, client)).status).toBe(429);

      await fifteenMinutesPass();
      await signIn(owner.email, PASSWORD, client);
    });

    it('starts the count again after a successful sign-in', async () => {
      const owner = await agencyUser('recruiter');
      for (let round = 0; round < 2; round++) {
        // A client of its own per round, so only the address's count is carried from one to the next.
        const client = newClient();
        // Without the reset, the 5th failure overall would lock the address.
        await failTimes(LOCKOUT_FAILURES - 1, owner.email, client);
        await signIn(owner.email, PASSWORD, client);
      }
      expect(await lockedMails(owner.id)).toBe(0);
    });

    it('counts a wrong current password, when changing it, as a failed sign-in', async () => {
      const candidate = await register(newClient());
      const change = (currentPassword: string) =>
        candidate.session.post('/api/me/password', { currentPassword, newPassword: 'amber meadow telescope' });
      for (let failure = 0; failure < LOCKOUT_FAILURES; failure++) await expectStatus(change(WRONG), 400);
      expectTooMany(await change(PASSWORD), LOCKOUT_SECONDS, /^Too many failed sign-ins for this email address/);
      expectTooMany(await login(candidate.email, PASSWORD, newClient()), LOCKOUT_SECONDS, /for this email address/);
    });

    it('counts failures at one address together across two API instances on one database', async () => {
      const owner = await agencyUser('recruiter');
      const client = newClient();
      const second = await startApiProcess({
        databaseUrl: harness.database.databaseUrl,
        env: { ...harness.env, RUN_BACKGROUND: 'false', RUN_MIGRATIONS: 'false' },
      });
      try {
        for (let failure = 0; failure < LOCKOUT_FAILURES; failure++) {
          await expectStatus(login(owner.email, WRONG, client, failure % 2 === 0 ? undefined : second), 401);
        }
        expectTooMany(await login(owner.email, PASSWORD, client, second), LOCKOUT_SECONDS, /for this email address/);
        expectTooMany(await login(owner.email, PASSWORD, client), LOCKOUT_SECONDS, /for this email address/);
      } finally {
        await second.stop();
      }
      await harness.mailbox.waitFor(owner.email, 1);
      expect(await lockedMails(owner.id)).toBe(1);
    });
  });

  describe('per client address', () => {
    it('refuses sign-in from an address after 8 failures at any accounts; another address signs in', async () => {
      const owner = await agencyUser('staff');
      const client = newClient();
      for (let failure = 0; failure < 8; failure++) {
        await expectStatus(login(uniqueEmail('guess'), WRONG, client), 401);
      }
      expectTooMany(
        await login(owner.email, PASSWORD, client),
        LOCKOUT_SECONDS,
        /^Too many attempts from your network/,
      );
      await signIn(owner.email, PASSWORD, newClient());
    });

    it('does not count successful sign-ins against the address', async () => {
      const owner = await agencyUser('recruiter');
      const client = newClient();
      for (let signIns = 0; signIns < 10; signIns++) await signIn(owner.email, PASSWORD, client);
    });

    it('limits registrations per address, keeping and mailing nothing past the limit; another address registers', async () => {
      const client = newClient();
      for (let registration = 0; registration < 3; registration++) await register(client);
      const email = uniqueEmail('fourth');
      const fourth = await registerAt(email, client);
      expectTooMany(fourth, 3600, /^Too many attempts from your network/);
      const { rows } = await harness.pool.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [email]);
      expect(rows[0].n).toBe(0);
      expect(await registrationsOf(email)).toBe(0);
      expect(await mailsTo(email)).toBe(0);
      await register(newClient());
    });

    it('limits registrations of one email address to 5 an hour from anywhere, new or taken alike; the same client registers another address', async () => {
      const registerFromAnywhere = async (email: string) => {
        for (let registration = 0; registration < REGISTRATIONS_PER_ADDRESS; registration++) {
          await expectStatus(registerAt(email, newClient()), 202);
        }
        const client = newClient();
        const refused = await registerAt(email, client);
        expectTooMany(refused, 3600, /^Too many registrations for this email address/);
        return { refused, client };
      };

      const fresh = uniqueEmail('popular');
      const toNew = await registerFromAnywhere(fresh);
      expect(await registrationsOf(fresh)).toBe(REGISTRATIONS_PER_ADDRESS);
      await harness.mailbox.waitFor(fresh, REGISTRATIONS_PER_ADDRESS);
      // The client was refused for the address, not for itself: another address from it is accepted.
      const other = uniqueEmail('unrelated');
      await expectStatus(registerAt(other, toNew.client), 202);
      expect(await registrationsOf(other)).toBe(1);

      // An address with an account reaches the same limit, in the same words: its owner is told 5 times, no more.
      const owner = await agencyUser('recruiter');
      const toTaken = await registerFromAnywhere(owner.email);
      expect(toTaken.refused.body).toEqual(toNew.refused.body);
      await harness.mailbox.waitFor(owner.email, REGISTRATIONS_PER_ADDRESS);
      expect(await mailsTo(owner.email)).toBe(REGISTRATIONS_PER_ADDRESS);
      expect(await mailsTo(fresh)).toBe(REGISTRATIONS_PER_ADDRESS);
      expect(await registrationsOf(owner.email)).toBe(0);
    });

    it('counts the +tags of one address as the one inbox they all reach', async () => {
      const [local, domain] = uniqueEmail('tagged').split('@');
      for (let tag = 1; tag <= REGISTRATIONS_PER_ADDRESS; tag++) {
        await expectStatus(registerAt(`${local}+${tag}@${domain}`, newClient()), 202);
      }
      const sixth = `${local}+${REGISTRATIONS_PER_ADDRESS + 1}@${domain}`;
      expectTooMany(await registerAt(sixth, newClient()), 3600, /^Too many registrations for this email address/);
      expect(await registrationsOf(sixth)).toBe(0);
    });

    it('does not let a stranger who uses up an address’s registrations keep its owner out: a link they were sent starts again with the owner’s own name and password', async () => {
      const email = uniqueEmail('besieged');
      const strangers = 'amber meadow telescope';
      for (let registration = 0; registration < REGISTRATIONS_PER_ADDRESS; registration++) {
        await expectStatus(
          browser(newClient()).post('/api/auth/register', { email, password: strangers, fullName: 'Mallory' }),
          202,
        );
      }
      expectTooMany(await registerAt(email, newClient()), 3600, /^Too many registrations for this email address/);
      const strangersLinks = (await harness.mailbox.waitFor(email, REGISTRATIONS_PER_ADDRESS)).map((mail) =>
        tokenFrom(mail, FINISH_REGISTRATION_PAGE_PATH),
      );
      const finish = (session: ApiSession, token: string, password: string) =>
        session.post<RegistrationConfirmedView>('/api/auth/register/confirm', { token, password });

      // The owner opens one: their password is not the one it was made with, so they start it again.
      const owner = browser(newClient());
      const refused = await finish(owner, strangersLinks[0], PASSWORD);
      expect(refused.status).toBe(400);
      expect(asError(refused).details?.map((detail) => detail.field)).toEqual(['password']);
      const restarted = await owner.post<RegisterResult>('/api/auth/register/restart', {
        token: strangersLinks[0],
        fullName: 'Olga Owner',
        password: PASSWORD,
        timeZone: 'Europe/Paris',
      });
      expect(restarted.status).toBe(202);
      expect(restarted.body).toEqual({ email, checkEmail: true });
      const mails = await harness.mailbox.waitFor(email, REGISTRATIONS_PER_ADDRESS + 1);
      const ownersLink = tokenFrom(mails[mails.length - 1], FINISH_REGISTRATION_PAGE_PATH);
      expect(strangersLinks).not.toContain(ownersLink);

      // The link started again is spent, and the new one is the owner's: the stranger's password does not finish it.
      expect(asError(await finish(owner, strangersLinks[0], strangers)).code).toBe(ErrorCode.TokenInvalid);
      expect(asError(await finish(browser(newClient()), ownersLink, strangers)).details?.[0].field).toBe('password');
      const confirmed = await expectStatus(finish(owner, ownersLink, PASSWORD), 200);
      expect(confirmed.body.user).toMatchObject({
        email,
        fullName: 'Olga Owner',
        timeZone: 'Europe/Paris',
        emailVerified: true,
      });
      expect(await registrationsOf(email)).toBe(0);
      expect(asError(await finish(browser(newClient()), strangersLinks[1], strangers)).code).toBe(
        ErrorCode.TokenInvalid,
      );
      expect((await login(email, strangers, newClient())).status).toBe(401);
      expect((await login(email, PASSWORD, newClient())).status).toBe(200);
    });

    it('limits the passwords tried on one link to 10 in 15 minutes from anywhere, the right one included past it; starting it again still works', async () => {
      const email = uniqueEmail('guessed');
      await expectStatus(registerAt(email, newClient()), 202);
      const [mail] = await harness.mailbox.waitFor(email, 1);
      const link = tokenFrom(mail, FINISH_REGISTRATION_PAGE_PATH);
      const finishFromAnywhere = (token: string, password: string) =>
        browser(newClient()).post<RegistrationConfirmedView>('/api/auth/register/confirm', { token, password });
      for (let guess = 1; guess <= 10; guess++) {
        expect((await finishFromAnywhere(link, `wrong guess number ${guess}`)).status).toBe(400);
      }
      expectTooMany(await finishFromAnywhere(link, PASSWORD), 900, /^Too many attempts with this link/);
      expect(await registrationsOf(email)).toBe(1);

      const restarted = await browser(newClient()).post('/api/auth/register/restart', {
        token: link,
        fullName: 'Reg Istrant',
        password: PASSWORD,
      });
      expect(restarted.status).toBe(202);
      const mails = await harness.mailbox.waitFor(email, 2);
      const newLink = tokenFrom(mails[mails.length - 1], FINISH_REGISTRATION_PAGE_PATH);
      await expectStatus(finishFromAnywhere(newLink, PASSWORD), 200);
    });

    it('limits restarts of one address’s registrations to 5 an hour, each spending its link, apart from its registrations', async () => {
      const email = uniqueEmail('restless');
      await expectStatus(registerAt(email, newClient()), 202);
      let link = tokenFrom((await harness.mailbox.waitFor(email, 1))[0], FINISH_REGISTRATION_PAGE_PATH);
      const restart = (token: string) =>
        browser(newClient()).post('/api/auth/register/restart', {
          token,
          fullName: 'Reg Istrant',
          password: PASSWORD,
        });
      for (let restarts = 1; restarts <= 5; restarts++) {
        await expectStatus(restart(link), 202);
        const mails = await harness.mailbox.waitFor(email, restarts + 1);
        link = tokenFrom(mails[mails.length - 1], FINISH_REGISTRATION_PAGE_PATH);
      }
      expectTooMany(await restart(link), 3600, /^Too many registrations for this email address/);
      expect(await mailsTo(email)).toBe(6);
      // The link refused is still live, and registering the address is counted apart.
      expect(await registrationsOf(email)).toBe(1);
      await expectStatus(registerAt(email, newClient()), 202);
    });

    it('limits password-reset requests per address and per client, whether or not the address has an account', async () => {
      const owner = await agencyUser('recruiter');
      const reset = (email: string, client: string) => browser(client).post('/api/auth/password-reset', { email });
      await expectStatus(reset(owner.email, newClient()), 202);
      await expectStatus(reset(owner.email, newClient()), 202);
      expectTooMany(await reset(owner.email, newClient()), 3600, /^Too many attempts for this account/);
      await harness.mailbox.waitFor(owner.email, 2);
      const { rows } = await harness.pool.query(
        `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND subject = 'Reset your Heardback password'`,
        [owner.id],
      );
      expect(rows[0].n).toBe(2);

      const client = newClient();
      for (let request = 0; request < 4; request++) await expectStatus(reset(uniqueEmail('anyone'), client), 202);
      expectTooMany(await reset(uniqueEmail('anyone'), client), 3600, /^Too many attempts from your network/);
    });

    it('limits the signed-in actions that send mail per account: a new verification link, applying', async () => {
      const staffUser = await agencyUser('staff');
      const jobId = await openJob(await signIn(staffUser.email, PASSWORD, newClient()));
      const candidate = await register(newClient());
      for (let request = 0; request < 3; request++) {
        await expectStatus(candidate.session.post('/api/me/email-verification'), 202);
      }
      const apply = await candidate.session.post(
        `/api/jobs/${jobId}/applications`,
        await applyRequest(candidate.session),
      );
      expectTooMany(apply, 3600, /^Too many attempts for this account/);
      const { rows } = await harness.pool.query('SELECT count(*)::int AS n FROM applications WHERE candidate_id = $1', [
        candidate.id,
      ]);
      expect(rows[0].n).toBe(0);
    });
  });

  it('purges counters an hour past their window in the background, and keeps live ones', async () => {
    const now = `(extract(epoch FROM now()) * 1000)::bigint`;
    await harness.pool.query(
      `INSERT INTO rate_limits (key, points, expire)
       VALUES ('test:ended', 3, ${now} - 2 * 3600000), ('test:live', 3, ${now} + 3600000)`,
    );
    const keys = async () =>
      (await harness.pool.query(`SELECT key FROM rate_limits WHERE key LIKE 'test:%' ORDER BY key`)).rows.map(
        (row: { key: string }) => row.key,
      );
    await harness.purgeInBackground(async () => (await keys()).length === 1);
    expect(await keys()).toEqual(['test:live']);
  });
});
