import {
  ApplicationView,
  ErrorCode,
  FINISH_REGISTRATION_PAGE_PATH,
  NotificationPage,
  SignedInView,
  UserAccessResult,
  UserView,
} from '@heardback/contracts';
import { asError } from '../support/api-client';
import { accountApi } from '../support/account-api';
import { FINISH_REGISTRATION_SUBJECT, PASSWORD, applyRequest, uniqueEmail } from '../support/factories';
import { tokenFrom } from '../support/mailbox';
import { future } from '../support/future-dates';
import { until } from '../support/outbox-waits';

jest.setTimeout(120_000);

const OWNER_PASSWORD = 'copper kettle on a winter porch';
const NEW_PASSWORD = 'amber meadow telescope';
const MAX_SESSIONS = 4;

/** account lifecycle, over HTTP against the built API (issue 8). */
describe('account lifecycle', () => {
  const harness = accountApi({ maxSessions: MAX_SESSIONS });
  const { browser, expectStatus, agencyUser, signIn, register, openJob } = harness;

  /**
   * A self-registered account is verified from the start (following the emailed link proves the
   * address, ADR 0067); accounts made before that, unverified until their link was followed, are
   * made so here in SQL.
   */
  const unverify = (userId: string) =>
    harness.pool.query('UPDATE users SET email_verified_at = NULL WHERE id = $1', [userId]);

  describe('email verification', () => {
    it('mails an unverified address only its verification link, holds the rest, and sends it in order once verified', async () => {
      const staffUser = await agencyUser('staff');
      const staff = await signIn(staffUser.email);
      const jobId = await openJob(staff);
      const candidate = await register();
      await unverify(candidate.id);
      await expectStatus(candidate.session.post('/api/me/email-verification'), 202);
      // Applying works in the same visit, before the address is verified.
      const applied = await expectStatus(
        candidate.session.post<ApplicationView>(
          `/api/jobs/${jobId}/applications`,
          await applyRequest(candidate.session),
        ),
        201,
      );
      // Something the agency does that the candidate must hear about: held until the address is verified.
      await expectStatus(
        staff.post(`/api/applications/${applied.body.id}/stages/${applied.body.stages[0].id}/schedule`, {
          startsAt: future('2030-03-04T10:00:00.000Z'),
          endsAt: future('2030-03-04T11:00:00.000Z'),
          location: 'Video call',
          interviewers: ['Hiring manager'],
          version: applied.body.version,
        }),
        200,
      );
      const [finish, verification] = await harness.mailbox.waitFor(candidate.email, 2);
      expect([finish.subject, verification.subject]).toEqual([
        FINISH_REGISTRATION_SUBJECT,
        'Confirm your email address for Heardback',
      ]);

      // A later email to someone verified goes out, so the sender has passed the held one by.
      await expectStatus(browser().post('/api/auth/password-reset', { email: staffUser.email }), 202);
      await harness.mailbox.waitFor(staffUser.email, 1);
      expect(await harness.mailbox.to(candidate.email)).toHaveLength(2);
      const held = await harness.pool.query(
        `SELECT status, attempts FROM notifications WHERE recipient_id = $1 AND kind = 'candidate_update'`,
        [candidate.id],
      );
      // The application's receipt (ADR 0083) and the interview booked: both held.
      expect(held.rows).toEqual([
        { status: 'pending', attempts: 0 },
        { status: 'pending', attempts: 0 },
      ]);
      // Staff's outgoing mail says why it waits; the emails with links (to verify, to finish registering) are not held.
      const outgoing = await expectStatus(
        staff.get<NotificationPage>(`/api/agency/notifications?recipient=${encodeURIComponent(candidate.email)}`),
        200,
      );
      expect(outgoing.body.items.map((mail) => [mail.kind, mail.heldUntilVerified]).sort()).toEqual([
        ['candidate_update', true],
        ['candidate_update', true],
        ['email_verification', false],
        ['email_verification', false],
      ]);

      // The recruiter sees that the address is not verified.
      const applicationId = (
        await harness.pool.query('SELECT id FROM applications WHERE candidate_id = $1', [candidate.id])
      ).rows[0].id;
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
      const mails = await harness.mailbox.waitFor(candidate.email, 4);
      // Held in order, sent in order once verified.
      expect(mails.map((mail) => mail.subject)).toEqual([
        FINISH_REGISTRATION_SUBJECT,
        'Confirm your email address for Heardback',
        'Application received: Platform Engineer at ' + mails[2].subject.split(' at ')[1],
        'Interview booked: Platform Engineer at ' + mails[3].subject.split(' at ')[1],
      ]);
      expect((await candidate.session.get<UserView>('/api/auth/me')).body.emailVerified).toBe(true);
      const verified = await staff.get<{ candidate: { emailVerified: boolean } }>(`/api/applications/${applicationId}`);
      expect(verified.body.candidate.emailVerified).toBe(true);

      // The link works once.
      const again = await browser().post('/api/auth/verify-email', { token });
      expect(again.status).toBe(400);
      expect(asError(again).code).toBe(ErrorCode.TokenInvalid);
    });

    it('sends the link again on request, but not twice within a minute, and none to a verified address', async () => {
      const candidate = await register();
      await harness.mailbox.waitFor(candidate.email, 1);
      const verificationsSent = async () =>
        (
          await harness.pool.query(
            `SELECT count(*)::int AS n FROM notifications
              WHERE recipient_id = $1 AND kind = 'email_verification' AND subject <> $2`,
            [candidate.id, FINISH_REGISTRATION_SUBJECT],
          )
        ).rows[0].n;
      await expectStatus(candidate.session.post('/api/me/email-verification'), 202);
      expect(await verificationsSent()).toBe(0);

      await unverify(candidate.id);
      await expectStatus(candidate.session.post('/api/me/email-verification'), 202);
      await expectStatus(candidate.session.post('/api/me/email-verification'), 202);
      expect(await verificationsSent()).toBe(1);
    });

    it('tells the owner, not the visitor, when someone registers with a taken address', async () => {
      const staffUser = await agencyUser('staff');
      const visitor = browser();
      const answer = await visitor.post('/api/auth/register', {
        email: staffUser.email.toUpperCase(),
        password: NEW_PASSWORD,
        fullName: 'Mallory',
      });
      expect(answer.status).toBe(202);
      expect(answer.body).toEqual({ email: staffUser.email, checkEmail: true });
      expect((await visitor.get<SignedInView>('/api/auth/session')).body).toEqual({ user: null });
      expect((await visitor.get('/api/auth/me')).status).toBe(401);
      const [mail] = await harness.mailbox.waitFor(staffUser.email, 1);
      expect(mail.subject).toBe('Someone tried to register with your email address');
      expect(mail.body).toContain('http://portal.test/forgot-password');
      // The owner's password still works; the visitor's does not.
      await signIn(staffUser.email);
      expect((await browser().post('/api/auth/login', { email: staffUser.email, password: NEW_PASSWORD })).status).toBe(
        401,
      );
      expect(await harness.mailbox.to(staffUser.email)).toHaveLength(1);
    });

    it('sends the owner of a taken, unverified address a link to set their own password, which ends the sessions someone else may hold', async () => {
      // An unverified account, as made before registering needed its link: its password may be a stranger's.
      const candidate = await register();
      await harness.mailbox.waitFor(candidate.email, 1);
      await unverify(candidate.id);
      const visitor = browser();
      const answer = await expectStatus(
        visitor.post('/api/auth/register', { email: candidate.email, password: NEW_PASSWORD, fullName: 'Mallory' }),
        202,
      );
      expect(answer.body).toEqual({ email: candidate.email, checkEmail: true });
      expect((await visitor.get<SignedInView>('/api/auth/session')).body).toEqual({ user: null });
      const mails = await harness.mailbox.waitFor(candidate.email, 2);
      expect(mails.map((mail) => mail.subject)).toEqual([FINISH_REGISTRATION_SUBJECT, 'Reset your Heardback password']);
      expect(mails[1].body).toContain('Hello Casey,');
      const { rows } = await harness.pool.query('SELECT count(*)::int AS n FROM registrations WHERE email = $1', [
        candidate.email,
      ]);
      expect(rows[0].n).toBe(0);

      const owner = browser();
      const confirmed = await expectStatus(
        owner.post<UserView>('/api/auth/password-reset/confirm', {
          token: tokenFrom(mails[1], '/reset-password'),
          password: OWNER_PASSWORD,
        }),
        200,
      );
      expect(confirmed.body.emailVerified).toBe(true);
      // Whoever held the account before is signed out, and neither earlier password works.
      expect((await candidate.session.get('/api/auth/me')).status).toBe(401);
      for (const password of [PASSWORD, NEW_PASSWORD]) {
        expect((await browser().post('/api/auth/login', { email: candidate.email, password })).status).toBe(401);
      }
      await signIn(candidate.email, OWNER_PASSWORD);
    });

    it('shows staff no working link to finish registering, and keeps none in the outbox once sent', async () => {
      const staff = await signIn((await agencyUser('staff')).email);
      const email = uniqueEmail('unfinished');
      await expectStatus(
        browser().post('/api/auth/register', { email, password: PASSWORD, fullName: 'Una Finished' }),
        202,
      );
      const [mail] = await harness.mailbox.waitFor(email, 1);
      expect(mail.subject).toBe(FINISH_REGISTRATION_SUBJECT);
      const token = tokenFrom(mail, FINISH_REGISTRATION_PAGE_PATH);

      // Whoever holds the key makes the account and is signed in to it: staff must not read it.
      const outgoing = await expectStatus(
        staff.get<NotificationPage>(`/api/agency/notifications?recipient=${encodeURIComponent(email)}`),
        200,
      );
      expect(outgoing.body.items).toHaveLength(1);
      expect(JSON.stringify(outgoing.body)).not.toContain(token);
      expect(outgoing.body.items[0].body).toMatch(/\/finish-registration\?token=\(link (hidden|sent)\)/);

      const kept = async () =>
        (
          await harness.pool.query<{ status: string; body: string }>(
            'SELECT status, body FROM notifications WHERE recipient_email = $1',
            [email],
          )
        ).rows;
      await until(async () => (await kept()).every((sent) => sent.status === 'sent'), 'it is marked sent');
      for (const sent of await kept()) {
        expect(sent.body).not.toContain(token);
        expect(sent.body).toMatch(/\/finish-registration\?token=\(link sent\)/);
      }
      // The link still works from the inbox.
      await expectStatus(browser().post('/api/auth/register/confirm', { token, password: PASSWORD }), 200);
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
      await unverify(candidate.id);
      const otherDevice = await signIn(candidate.email);
      const unknown = await browser().post('/api/auth/password-reset', { email: uniqueEmail('nobody') });
      const known = await browser().post('/api/auth/password-reset', { email: candidate.email });
      expect([known.status, unknown.status]).toEqual([202, 202]);
      expect(known.body).toEqual(unknown.body);

      // An unverified owner still gets the link (it proves the address), after the link that made the account.
      const mails = await harness.mailbox.waitFor(candidate.email, 2);
      const reset = mails.find((mail) => mail.subject === 'Reset your Heardback password');
      if (!reset) throw new Error('no reset email');
      expect(reset.body).toContain('30 minutes');
      const token = tokenFrom(reset, '/reset-password');
      // Opening the link names its account and uses nothing up; a link that is no link is refused.
      const opened = await expectStatus(browser().post('/api/auth/password-reset/link', { token }), 200);
      expect(opened.body).toEqual({ email: candidate.email });
      const forged = await browser().post('/api/auth/password-reset/link', { token: 'not-a-token' });
      expect(asError(forged).code).toBe(ErrorCode.TokenInvalid);

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
      // Opened again once used, the link says so before anyone types a password.
      const usedLink = await browser().post('/api/auth/password-reset/link', { token });
      expect(usedLink.status).toBe(400);
      expect(asError(usedLink).code).toBe(ErrorCode.TokenInvalid);
      expect((await browser().post('/api/auth/login', { email: candidate.email, password: PASSWORD })).status).toBe(
        401,
      );
      await signIn(candidate.email, NEW_PASSWORD);
    });

    it('keeps no working link in the outbox once sent, and shows staff none before', async () => {
      const staff = await signIn((await agencyUser('staff')).email);
      const candidate = await register();
      await harness.mailbox.waitFor(candidate.email, 1);
      await unverify(candidate.id);
      await expectStatus(candidate.session.post('/api/me/email-verification'), 202);
      await expectStatus(browser().post('/api/auth/password-reset', { email: candidate.email }), 202);
      const mails = await harness.mailbox.waitFor(candidate.email, 3);
      const reset = mails.find((mail) => mail.subject.startsWith('Reset'));
      const verification = mails.find((mail) => mail.subject.startsWith('Confirm'));
      if (!reset || !verification) throw new Error('expected a reset and a verification email');
      const tokens = [tokenFrom(reset, '/reset-password'), tokenFrom(verification, '/verify-email')];

      const outgoing = await expectStatus(
        staff.get<NotificationPage>(`/api/agency/notifications?recipient=${encodeURIComponent(candidate.email)}`),
        200,
      );
      // The link that made the account has a test of its own ('shows staff no working link to finish registering').
      const withLinks = outgoing.body.items.filter((mail) => mail.subject !== FINISH_REGISTRATION_SUBJECT);
      expect(withLinks).toHaveLength(2);
      for (const token of tokens) expect(JSON.stringify(outgoing.body)).not.toContain(token);
      // Hidden while it waits, blanked once sent: which of the two depends on how fast the outbox is.
      for (const mail of withLinks) {
        expect(mail.body).toMatch(/\/(verify-email|reset-password)\?token=\(link (hidden|sent)\)/);
      }

      const kept = async () =>
        (
          await harness.pool.query<{ status: string; body: string }>(
            'SELECT status, body FROM notifications WHERE recipient_id = $1',
            [candidate.id],
          )
        ).rows;
      await until(async () => (await kept()).every((mail) => mail.status === 'sent'), 'all are marked sent');
      for (const mail of await kept()) {
        for (const token of tokens) expect(mail.body).not.toContain(token);
        expect(mail.body).toMatch(/\/(verify-email|reset-password|finish-registration)\?token=\(link sent\)/);
      }
      // The links still work from the inbox.
      await expectStatus(browser().post('/api/auth/verify-email', { token: tokens[1] }), 204);
    });

    it('refuses a reset link after 30 minutes', async () => {
      const candidate = await register();
      await expectStatus(browser().post('/api/auth/password-reset', { email: candidate.email }), 202);
      const reset = (await harness.mailbox.waitFor(candidate.email, 2)).find((mail) =>
        mail.subject.startsWith('Reset'),
      );
      if (!reset) throw new Error('no reset email');
      await harness.pool.query(
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
      expect(asError(wrong).details).toEqual([
        { field: 'currentPassword', reasons: ['This is not your current password.'] },
      ]);
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
      await expectStatus(
        candidate.session.post(`/api/jobs/${jobId}/applications`, await applyRequest(candidate.session)),
        201,
      );

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
      // Their own id in capitals is still their own id.
      const selfInCapitals = await staff.post(`/api/users/${staffUser.id.toUpperCase()}/disable`);
      expect(selfInCapitals.status).toBe(403);
      const recruiter = await signIn((await agencyUser('recruiter')).email);
      expect((await recruiter.post(`/api/users/${staffUser.id}/disable`)).status).toBe(403);
      expect((await staff.post('/api/users/00000000-0000-4000-8000-000000000000/disable')).status).toBe(404);
      expect((await staff.get('/api/auth/me')).status).toBe(200);
    });
  });
});
