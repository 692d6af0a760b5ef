import {
  ErrorCode,
  RegisterResult,
  RegistrationConfirmedView,
  SignedInView,
  UserRole,
  UserView,
} from '@heardback/contracts';
import * as argon2 from 'argon2';
import { ApiResponse, ApiSession, asError } from '../support/api-client';
import { closeDatabase, database } from '../support/database';
import {
  FINISH_REGISTRATION_SUBJECT,
  inviteAndAccept,
  PASSWORD,
  registerCandidate,
  registrationTokenFor,
  signInAsAgency,
  uniqueEmail,
} from '../support/factories';

/** What a person reads when the link to finish registering does not work (notifications/account-messages.ts). */
const LINK_INVALID = /^This link to finish creating your account has expired or was already used\./;
const ADDRESS_TAKEN =
  'This email address already has an account. Sign in, or reset your password if you do not know it.';
const OTHER_PASSWORD = 'amber meadow telescope';

const register = (session: ApiSession, body: Record<string, unknown>) =>
  session.post<RegisterResult>('/api/auth/register', { password: PASSWORD, fullName: 'Reg Istrant', ...body });
const confirm = (session: ApiSession, token: string, password = PASSWORD) =>
  session.post<RegistrationConfirmedView>('/api/auth/register/confirm', { token, password });
const signedInUser = async (session: ApiSession) => (await session.get<SignedInView>('/api/auth/session')).body.user;
const sessionCookieOf = (response: ApiResponse) =>
  response.headers.getSetCookie().find((value) => value.startsWith('hb_session='));
const login = (email: string, password: string) => new ApiSession().post('/api/auth/login', { email, password });
const usersAt = async (email: string) =>
  (await database().query('SELECT id, full_name FROM users WHERE email = $1', [email.toLowerCase()])).rows;
const registrationsOf = async (email: string) =>
  (
    await database().query<{ n: number }>('SELECT count(*)::int AS n FROM registrations WHERE email = $1', [
      email.toLowerCase(),
    ])
  ).rows[0].n;
const sessionsAt = async (email: string) =>
  (
    await database().query<{ n: number }>(
      'SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1',
      [email.toLowerCase()],
    )
  ).rows[0].n;

/** A link that does not work: 400 in the words that say what to do, and the browser that followed it signed in as no one. */
async function expectDeadLink(token: string): Promise<void> {
  const browser = new ApiSession();
  const refused = await confirm(browser, token);
  expect(refused.status).toBe(400);
  expect(asError(refused)).toMatchObject({
    code: ErrorCode.TokenInvalid,
    message: expect.stringMatching(LINK_INVALID),
  });
  expect(sessionCookieOf(refused)).toBeUndefined();
  expect(await signedInUser(browser)).toBeNull();
}

describe('accounts and sessions', () => {
  afterAll(closeDatabase);

  describe('registering (ADR 0067: no account, and no one signed in, until the emailed link is followed)', () => {
    it('answers 202 and signs no one in; the link makes the account, verified, and signs that browser in with an httpOnly SameSite=Lax cookie; only an argon2id hash is kept', async () => {
      const session = new ApiSession();
      const email = uniqueEmail('Mixed.Case').toLowerCase();
      const response = await register(session, {
        email: email.toUpperCase(),
        fullName: '  Ada Lovelace ',
        timeZone: 'America/Chicago',
      });
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ email, checkEmail: true });
      expect(sessionCookieOf(response)).toBeUndefined();
      expect(await signedInUser(session)).toBeNull();
      expect((await session.get('/api/auth/me')).status).toBe(401);
      // Nothing is made until the link is followed; what was typed waits, the password as a hash only.
      expect(await usersAt(email)).toEqual([]);
      expect((await login(email, PASSWORD)).status).toBe(401);
      const { rows: waiting } = await database().query('SELECT * FROM registrations WHERE email = $1', [email]);
      expect(waiting).toHaveLength(1);
      expect(waiting[0].password_hash).toMatch(/^\$argon2id\$/);
      expect(JSON.stringify(waiting)).not.toContain(PASSWORD);
      const { rows: mails } = await database().query(
        'SELECT kind, recipient_id, subject, body FROM notifications WHERE recipient_email = $1',
        [email],
      );
      expect(mails).toEqual([
        {
          kind: 'email_verification',
          recipient_id: null,
          subject: FINISH_REGISTRATION_SUBJECT,
          body: expect.stringMatching(/^Hello Ada,[\s\S]*\/finish-registration\?token=/),
        },
      ]);

      const confirmed = await confirm(session, await registrationTokenFor(email));
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toEqual({
        user: expect.objectContaining({
          email,
          fullName: 'Ada Lovelace',
          role: UserRole.Candidate,
          emailVerified: true,
          timeZone: 'America/Chicago',
        }),
        returnTo: null,
      });
      const cookie = sessionCookieOf(confirmed) ?? '';
      expect(cookie).toMatch(/^hb_session=[\w-]{40,};/);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Lax');
      const me = await session.get<UserView>('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        id: confirmed.body.user.id,
        email,
        fullName: 'Ada Lovelace',
        role: 'candidate',
        emailVerified: true,
        timeZone: 'America/Chicago',
      });
      const { rows } = await database().query('SELECT password_hash FROM users WHERE email = $1', [email]);
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
      expect(await registrationsOf(email)).toBe(0);
      expect((await login(email, PASSWORD)).status).toBe(200);
      // The email that made the account is now the account's (its data export lists it, its erasure deletes it).
      const { rows: given } = await database().query(
        'SELECT recipient_id FROM notifications WHERE recipient_email = $1',
        [email],
      );
      expect(given).toEqual([{ recipient_id: confirmed.body.user.id }]);
    });

    it('answers a taken address exactly as a new one, signs neither browser in, and leaves the owner’s account as it was', async () => {
      const owner = await registerCandidate('Owner Ofit');
      const freshEmail = uniqueEmail('fresh');
      const fresh = new ApiSession();
      const copy = new ApiSession();
      const toNew = await register(fresh, { email: freshEmail, password: OTHER_PASSWORD, fullName: 'Copy' });
      const toTaken = await register(copy, {
        email: owner.email.toUpperCase(),
        password: OTHER_PASSWORD,
        fullName: 'Copy',
      });
      expect([toNew.status, toTaken.status]).toEqual([202, 202]);
      expect(toNew.body).toEqual({ email: freshEmail, checkEmail: true });
      expect(toTaken.body).toEqual({ email: owner.email, checkEmail: true });
      const cookiesSet = (response: ApiResponse) =>
        response.headers.getSetCookie().map((cookie) => cookie.replace(/=.*?;/, '=;').replace(/Expires=[^;]+/, ''));
      expect(cookiesSet(toTaken)).toEqual(cookiesSet(toNew));
      expect(sessionCookieOf(toNew)).toBeUndefined();
      for (const browser of [fresh, copy]) {
        const answer = await browser.get<SignedInView>('/api/auth/session');
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual({ user: null });
      }
      // The new address has no account until its link is followed; the taken one gets no second.
      expect(await usersAt(freshEmail)).toEqual([]);
      expect(await usersAt(owner.email)).toEqual([{ id: owner.id, full_name: 'Owner Ofit' }]);
      expect(await registrationsOf(owner.email)).toBe(0);
      expect((await login(owner.email, OTHER_PASSWORD)).status).toBe(401);
      expect((await login(owner.email, PASSWORD)).status).toBe(200);
      const { rows: told } = await database().query(
        'SELECT subject FROM notifications WHERE recipient_id = $1 ORDER BY sequence',
        [owner.id],
      );
      // Their own link to finish registering, given to the account it made; then the note that someone tried.
      expect(told).toEqual([
        { subject: FINISH_REGISTRATION_SUBJECT },
        { subject: 'Someone tried to register with your email address' },
      ]);

      expect((await confirm(fresh, await registrationTokenFor(freshEmail), OTHER_PASSWORD)).status).toBe(200);
      expect(await usersAt(freshEmail)).toEqual([{ id: expect.any(String), full_name: 'Copy' }]);
    });

    it('lets no one who registered an address first take it: the link followed makes the account with its own password, and the other link is dead', async () => {
      const email = uniqueEmail('contested');
      const first = new ApiSession();
      expect((await register(first, { email, password: OTHER_PASSWORD, fullName: 'Mallory First' })).status).toBe(202);
      const firstToken = await registrationTokenFor(email);
      const owner = new ApiSession();
      expect((await register(owner, { email, password: PASSWORD, fullName: 'Olga Owner' })).status).toBe(202);
      const ownerToken = await registrationTokenFor(email);
      expect(ownerToken).not.toBe(firstToken);
      expect(await registrationsOf(email)).toBe(2);

      const confirmed = await confirm(owner, ownerToken);
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.user).toMatchObject({ email, fullName: 'Olga Owner', emailVerified: true });
      expect((await signedInUser(owner))?.id).toBe(confirmed.body.user.id);
      expect(await registrationsOf(email)).toBe(0);
      expect((await login(email, PASSWORD)).status).toBe(200);
      const refused = await login(email, OTHER_PASSWORD);
      expect(refused.status).toBe(401);
      expect(asError(refused).code).toBe(ErrorCode.InvalidCredentials);

      await expectDeadLink(firstToken);
      expect(await signedInUser(first)).toBeNull();
      expect(await usersAt(email)).toEqual([{ id: confirmed.body.user.id, full_name: 'Olga Owner' }]);
    });

    it('finishes a link only with the password it was made with: the owner cannot be handed a stranger’s account, nor anyone signed in to one by a link sent to them', async () => {
      const email = uniqueEmail('lured');
      const stranger = new ApiSession();
      expect((await register(stranger, { email, password: OTHER_PASSWORD, fullName: 'Mallory First' })).status).toBe(
        202,
      );
      const strangersLink = await registrationTokenFor(email);

      // The owner (or anyone the link is sent to) opens it and types their own password: refused, at the field.
      const owner = new ApiSession();
      const refused = await confirm(owner, strangersLink, PASSWORD);
      expect(refused.status).toBe(400);
      expect(asError(refused).details).toEqual([
        { field: 'password', reasons: [expect.stringMatching(/^This is not the password this link was made with\./)] },
      ]);
      expect(sessionCookieOf(refused)).toBeUndefined();
      expect(await signedInUser(owner)).toBeNull();
      expect(await usersAt(email)).toEqual([]);

      // Nothing was made, so the owner registers and finishes with their own link and password.
      expect((await register(owner, { email, fullName: 'Olga Owner' })).status).toBe(202);
      const confirmed = await confirm(owner, await registrationTokenFor(email), PASSWORD);
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.user).toMatchObject({ email, fullName: 'Olga Owner' });
      expect((await login(email, OTHER_PASSWORD)).status).toBe(401);
      await expectDeadLink(strangersLink);
    });

    it('makes one account when two links of one address are finished at the same moment, and says the other is used', async () => {
      const email = uniqueEmail('twice');
      expect((await register(new ApiSession(), { email })).status).toBe(202);
      const firstLink = await registrationTokenFor(email);
      expect((await register(new ApiSession(), { email })).status).toBe(202);
      const secondLink = await registrationTokenFor(email);
      const answers = await Promise.all([confirm(new ApiSession(), firstLink), confirm(new ApiSession(), secondLink)]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
      expect(asError(answers.find((answer) => answer.status === 400) as ApiResponse).code).toBe(ErrorCode.TokenInvalid);
      expect(await usersAt(email)).toHaveLength(1);
      expect(await registrationsOf(email)).toBe(0);
    });

    it('takes a link once, even opened twice at the same moment, and refuses an unknown or expired one; registering again sends a link that works', async () => {
      const email = uniqueEmail('once');
      expect((await register(new ApiSession(), { email })).status).toBe(202);
      const token = await registrationTokenFor(email);
      const [one, two] = [new ApiSession(), new ApiSession()];
      const answers = await Promise.all([confirm(one, token), confirm(two, token)]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
      expect(asError(answers.find((answer) => answer.status === 400) as ApiResponse).message).toMatch(LINK_INVALID);
      expect((await Promise.all([signedInUser(one), signedInUser(two)])).filter(Boolean)).toHaveLength(1);
      await expectDeadLink(token);
      expect(await usersAt(email)).toHaveLength(1);
      expect(await sessionsAt(email)).toBe(1);

      await expectDeadLink('not-a-token-anyone-was-sent');
      await expectDeadLink(`${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`);

      const late = uniqueEmail('late');
      expect((await register(new ApiSession(), { email: late })).status).toBe(202);
      const lateToken = await registrationTokenFor(late);
      // Its time runs out: the registration is rewritten as if made its whole lifetime and a minute ago.
      await database().query(
        `UPDATE registrations SET created_at = created_at - (expires_at - created_at) - interval '1 minute',
                                  expires_at = created_at - interval '1 minute'
          WHERE email = $1`,
        [late],
      );
      await expectDeadLink(lateToken);
      expect(await usersAt(late)).toEqual([]);
      expect((await register(new ApiSession(), { email: late })).status).toBe(202);
      const again = await registrationTokenFor(late);
      expect(again).not.toBe(lateToken);
      expect((await confirm(new ApiSession(), again)).status).toBe(200);
    });

    it('gives back the page to return to once the link is followed, and refuses one off this site, naming returnTo', async () => {
      const email = uniqueEmail('returning');
      const returnTo = '/jobs/3f1c2a?from=search';
      expect((await register(new ApiSession(), { email, returnTo })).status).toBe(202);
      const confirmed = await confirm(new ApiSession(), await registrationTokenFor(email));
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.returnTo).toBe(returnTo);

      for (const elsewhere of ['//evil.example', 'https://evil.example', '/\\evil.example', '/\t/evil.example']) {
        const refusedEmail = uniqueEmail('redirected');
        const refused = await register(new ApiSession(), { email: refusedEmail, returnTo: elsewhere });
        expect(refused.status).toBe(400);
        expect(asError(refused).code).toBe(ErrorCode.ValidationFailed);
        expect(asError(refused).details?.map((detail) => detail.field)).toEqual(['returnTo']);
        expect(await registrationsOf(refusedEmail)).toBe(0);
      }
    });

    it('says the address already has an account, and signs no one in, when it got one between registering and following the link', async () => {
      const email = uniqueEmail('overtaken');
      const browser = new ApiSession();
      expect((await register(browser, { email, fullName: 'Late Comer' })).status).toBe(202);
      const token = await registrationTokenFor(email);
      const hash = await argon2.hash(OTHER_PASSWORD, { type: argon2.argon2id });
      const { rows } = await database().query<{ id: string }>(
        `INSERT INTO users (email, password_hash, full_name, role) VALUES ($1, $2, 'First Holder', 'candidate') RETURNING id`,
        [email, hash],
      );

      const refused = await confirm(browser, token);
      expect(refused.status).toBe(409);
      expect(asError(refused)).toMatchObject({ code: ErrorCode.EmailTaken, message: ADDRESS_TAKEN });
      expect(sessionCookieOf(refused)).toBeUndefined();
      expect(await signedInUser(browser)).toBeNull();
      expect(await usersAt(email)).toEqual([{ id: rows[0].id, full_name: 'First Holder' }]);
      expect(await sessionsAt(email)).toBe(0);
      expect((await login(email, PASSWORD)).status).toBe(401);
      expect((await login(email, OTHER_PASSWORD)).status).toBe(200);
      await expectDeadLink(token);
      // The link went to that account's owner: it is theirs now (their export lists it, their erasure deletes it).
      const { rows: mailed } = await database().query(
        `SELECT recipient_id FROM notifications WHERE recipient_email = $1 AND subject = $2`,
        [email, FINISH_REGISTRATION_SUBJECT],
      );
      expect(mailed).toEqual([{ recipient_id: rows[0].id }]);
    });
  });

  it('signs in with the right password only, without saying which part was wrong', async () => {
    const { email } = await registerCandidate();
    const wrong = await new ApiSession().post('/api/auth/login', { email, password: 'not the password' });
    const unknown = await new ApiSession().post('/api/auth/login', {
      email: uniqueEmail('nobody'),
      password: PASSWORD,
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect((await new ApiSession().post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
  });

  it('ends the session on the server at logout, so a copied cookie stops working', async () => {
    const { session } = await registerCandidate();
    const stolen = session.sessionCookie;
    expect((await session.post('/api/auth/logout')).status).toBe(204);
    const replay = new ApiSession();
    replay.sessionCookie = stolen;
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  it('answers who is signed in with 200 for everyone: the user, or null for a visitor or an ended session', async () => {
    const visitor = await new ApiSession().get<SignedInView>('/api/auth/session');
    expect(visitor.status).toBe(200);
    expect(visitor.body).toEqual({ user: null });

    const { session, email } = await registerCandidate();
    const signedIn = await session.get<SignedInView>('/api/auth/session');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ email, role: 'candidate' });

    const stolen = session.sessionCookie;
    await session.post('/api/auth/logout');
    const replay = new ApiSession();
    replay.sessionCookie = stolen;
    expect((await replay.get<SignedInView>('/api/auth/session')).body).toEqual({ user: null });
    // /api/auth/me keeps its meaning for callers that need a signed-in user.
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses state-changing requests that do not echo the XSRF token, and changes nothing', async () => {
    const forged = new ApiSession({ sendXsrfHeader: false });
    const email = uniqueEmail('forged');
    const response = await forged.post('/api/auth/register', { email, password: PASSWORD, fullName: 'Forged' });
    expect(response.status).toBe(403);
    expect(asError(response)).toMatchObject({
      code: ErrorCode.SecurityCheckFailed,
      message: expect.stringContaining('Reload the page'),
    });
    expect(await usersAt(email)).toEqual([]);
    expect(await registrationsOf(email)).toBe(0);
    const { rows: mails } = await database().query('SELECT 1 FROM notifications WHERE recipient_email = $1', [email]);
    expect(mails).toEqual([]);

    // Nor can another site have a browser follow someone's link, signing it in to their account.
    const other = uniqueEmail('forged-link');
    expect((await register(new ApiSession(), { email: other })).status).toBe(202);
    const token = await registrationTokenFor(other);
    const lured = await forged.post('/api/auth/register/confirm', { token, password: PASSWORD });
    expect(lured.status).toBe(403);
    expect(sessionCookieOf(lured)).toBeUndefined();
    expect(await usersAt(other)).toEqual([]);
    expect((await confirm(new ApiSession(), token)).status).toBe(200);
  });

  it('refuses a short password and says how long it must be', async () => {
    const email = uniqueEmail('short');
    const response = await new ApiSession().post('/api/auth/register', {
      email,
      password: 'short',
      fullName: 'S',
    });
    expect(response.status).toBe(400);
    expect(asError(response).details).toEqual([{ field: 'password', reasons: ['Use at least 12 characters.'] }]);
    expect(await registrationsOf(email)).toBe(0);
  });

  it('lets staff invite recruiter accounts, which sign in with the password the recruiter chose', async () => {
    const staff = await signInAsAgency();
    const email = uniqueEmail('recruiter');
    const { view } = await inviteAndAccept(staff, { email, fullName: 'New Recruiter', role: UserRole.Recruiter });
    expect(view.role).toBe('recruiter');
    const login = await new ApiSession().post<UserView>('/api/auth/login', { email, password: PASSWORD });
    expect(login.body.role).toBe('recruiter');
    const candidateRole = await staff.post('/api/users', { email: uniqueEmail('c'), fullName: 'C', role: 'candidate' });
    expect(candidateRole.status).toBe(400);
  });
});
