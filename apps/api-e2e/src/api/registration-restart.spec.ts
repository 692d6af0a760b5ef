import {
  ErrorCode,
  RegisterResult,
  RegistrationConfirmedView,
  RegistrationLinkView,
  SignedInView,
  UserRole,
} from '@heardback/contracts';
import { ApiResponse, ApiSession, asError } from '../support/api-client';
import { closeDatabase, database } from '../support/database';
import { FINISH_REGISTRATION_SUBJECT, PASSWORD, registrationTokenFor, uniqueEmail } from '../support/factories';

const FIRST_PASSWORD = 'amber meadow telescope';

const register = (email: string, body: Record<string, unknown> = {}) =>
  new ApiSession().post<RegisterResult>('/api/auth/register', {
    email,
    password: FIRST_PASSWORD,
    fullName: 'First Typist',
    ...body,
  });
const restart = (session: ApiSession, token: string, body: Record<string, unknown> = {}) =>
  session.post<RegisterResult>('/api/auth/register/restart', {
    token,
    fullName: 'Olga Owner',
    password: PASSWORD,
    ...body,
  });
const finish = (session: ApiSession, token: string, password: string) =>
  session.post<RegistrationConfirmedView>('/api/auth/register/confirm', { token, password });
const linksSentTo = async (email: string) =>
  (
    await database().query<{ n: number }>(
      'SELECT count(*)::int AS n FROM notifications WHERE recipient_email = $1 AND subject = $2',
      [email, FINISH_REGISTRATION_SUBJECT],
    )
  ).rows[0].n;
const fieldsOf = (response: ApiResponse) => asError(response).details?.map((detail) => detail.field);

/**
 * Starting a registration again from its link (ADR 0068): for whoever holds a live link to finish
 * registering but not the password it was made with (forgotten, or a stranger registered their address
 * first). The per-address limit a stranger can use up is in throttling.spec.ts.
 */
describe('starting a registration again from its link', () => {
  afterAll(closeDatabase);

  it('sends a new link to the same address, with the new name and password and no page to come back to, and signs no one in; the old link is spent', async () => {
    const email = uniqueEmail('restarted');
    await register(email, { returnTo: '/jobs/3f1c2a' });
    const firstLink = await registrationTokenFor(email);

    const browser = new ApiSession();
    const restarted = await restart(browser, firstLink, { fullName: '  Olga Owner ', timeZone: 'Asia/Tokyo' });
    expect(restarted.status).toBe(202);
    expect(restarted.body).toEqual({ email, checkEmail: true });
    expect(restarted.headers.getSetCookie().some((cookie) => cookie.startsWith('hb_session='))).toBe(false);
    expect((await browser.get<SignedInView>('/api/auth/session')).body.user).toBeNull();
    expect(await linksSentTo(email)).toBe(2);
    const newLink = await registrationTokenFor(email);
    expect(newLink).not.toBe(firstLink);

    // The old link neither finishes nor starts again; the new one takes the new password only.
    expect(asError(await finish(new ApiSession(), firstLink, FIRST_PASSWORD)).code).toBe(ErrorCode.TokenInvalid);
    expect(asError(await restart(new ApiSession(), firstLink)).code).toBe(ErrorCode.TokenInvalid);
    expect(fieldsOf(await finish(new ApiSession(), newLink, FIRST_PASSWORD))).toEqual(['password']);
    const confirmed = await finish(browser, newLink, PASSWORD);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({
      user: expect.objectContaining({ email, fullName: 'Olga Owner', timeZone: 'Asia/Tokyo', emailVerified: true }),
      // The page to come back to was the first registrant's choice, who may be a stranger.
      returnTo: null,
    });
    expect((await browser.get<SignedInView>('/api/auth/session')).body.user?.email).toBe(email);
  });

  it('names the address a live link is for without using it up, and says when a link no longer works', async () => {
    const email = uniqueEmail('named');
    await register(email);
    const link = await registrationTokenFor(email);
    const named = await new ApiSession().post<RegistrationLinkView>('/api/auth/register/link', { token: link });
    expect(named.status).toBe(200);
    expect(named.body).toEqual({ email });
    expect((await finish(new ApiSession(), link, FIRST_PASSWORD)).status).toBe(200);

    const spent = await new ApiSession().post('/api/auth/register/link', { token: link });
    expect(spent.status).toBe(400);
    expect(asError(spent).code).toBe(ErrorCode.TokenInvalid);
    expect(fieldsOf(await new ApiSession().post('/api/auth/register/link', {}))).toEqual(['token']);
  });

  it('leaves no live link for an address once it has an account, when one link is started again as another is finished', async () => {
    for (let round = 0; round < 3; round++) {
      const email = uniqueEmail('raced');
      await register(email);
      const strangersLink = await registrationTokenFor(email);
      await register(email, { password: PASSWORD, fullName: 'Olga Owner' });
      const ownersLink = await registrationTokenFor(email);
      const [restarted, finished] = await Promise.all([
        restart(new ApiSession(), strangersLink, { password: 'violet harbour lantern' }),
        finish(new ApiSession(), ownersLink, PASSWORD),
      ]);
      expect(finished.status).toBe(200);
      expect([202, 400, 409]).toContain(restarted.status);
      expect((await database().query('SELECT 1 FROM users WHERE email = $1', [email])).rowCount).toBe(1);
      expect((await database().query('SELECT 1 FROM registrations WHERE email = $1', [email])).rowCount).toBe(0);
    }
  });

  it('refuses a missing name, a weak password or a bad time zone at its field, and an unknown link, leaving the link as it was', async () => {
    const email = uniqueEmail('kept');
    await register(email);
    const link = await registrationTokenFor(email);

    expect(fieldsOf(await restart(new ApiSession(), link, { fullName: '   ' }))).toEqual(['fullName']);
    expect(fieldsOf(await restart(new ApiSession(), link, { password: 'short' }))).toEqual(['password']);
    expect(fieldsOf(await restart(new ApiSession(), link, { password: 'Password-1234' }))).toEqual(['password']);
    expect(fieldsOf(await restart(new ApiSession(), link, { timeZone: 'Mars/Olympus' }))).toEqual(['timeZone']);
    const unknown = await restart(new ApiSession(), 'not-a-token-anyone-was-sent');
    expect(unknown.status).toBe(400);
    expect(asError(unknown).code).toBe(ErrorCode.TokenInvalid);

    expect(await linksSentTo(email)).toBe(1);
    const confirmed = await finish(new ApiSession(), link, FIRST_PASSWORD);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.user.fullName).toBe('First Typist');
  });

  it('refuses a link whose address has an account, and sends nothing: spent by the link that made it, or live when one was made another way', async () => {
    const email = uniqueEmail('beaten');
    await register(email);
    const strangersLink = await registrationTokenFor(email);
    await register(email, { password: PASSWORD, fullName: 'Olga Owner' });
    expect((await finish(new ApiSession(), await registrationTokenFor(email), PASSWORD)).status).toBe(200);
    expect(asError(await restart(new ApiSession(), strangersLink)).code).toBe(ErrorCode.TokenInvalid);
    expect(await linksSentTo(email)).toBe(2);

    const invited = uniqueEmail('invited');
    await register(invited);
    const link = await registrationTokenFor(invited);
    // Staff made an account at the address meanwhile (links to finish registering are not the only way).
    await database().query(
      `INSERT INTO users (email, password_hash, full_name, role) VALUES ($1, 'not-a-hash', 'Riley Recruiter', $2)`,
      [invited, UserRole.Recruiter],
    );
    const taken = await restart(new ApiSession(), link);
    expect(taken.status).toBe(409);
    expect(asError(taken).code).toBe(ErrorCode.EmailTaken);
    expect(await linksSentTo(invited)).toBe(1);
  });
});
