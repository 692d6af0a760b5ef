import { ErrorCode, RegisterResult, SignedInView, UserView } from '@heardback/contracts';
import { ApiSession, asError } from '../support/api-client';
import { closeDatabase, database } from '../support/database';
import { PASSWORD, registerCandidate, signInAsAgency, uniqueEmail } from '../support/factories';

describe('accounts and sessions', () => {
  afterAll(closeDatabase);

  it('registers a candidate, signs them in with an httpOnly SameSite=Lax cookie, and stores only an argon2id hash', async () => {
    const session = new ApiSession();
    const email = uniqueEmail('Mixed.Case');
    const response = await session.post<RegisterResult>('/api/auth/register', {
      email: email.toUpperCase(),
      password: PASSWORD,
      fullName: '  Ada Lovelace ',
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ email: email.toLowerCase(), checkEmail: true });
    const cookie = response.headers.getSetCookie().find((value) => value.startsWith('hb_session=')) ?? '';
    expect(cookie).toMatch(/^hb_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const { rows } = await database().query('SELECT password_hash FROM users WHERE email = $1', [email.toLowerCase()]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect((await session.get<UserView>('/api/auth/me')).body).toMatchObject({
      email: email.toLowerCase(),
      fullName: 'Ada Lovelace',
      role: 'candidate',
      emailVerified: false,
    });
  });

  it('makes no second account with the same email, whatever its case, and answers as for a new one', async () => {
    const { email } = await registerCandidate();
    const fresh = await new ApiSession().post('/api/auth/register', {
      email: uniqueEmail('fresh'),
      password: PASSWORD,
      fullName: 'Copy',
    });
    const copy = new ApiSession();
    const again = await copy.post('/api/auth/register', {
      email: email.toUpperCase(),
      password: PASSWORD,
      fullName: 'Copy',
    });
    expect(again.status).toBe(fresh.status);
    expect(Object.keys(again.body as object)).toEqual(Object.keys(fresh.body as object));
    expect(
      again.headers.getSetCookie().map((cookie) => cookie.replace(/=.*?;/, '=;').replace(/Expires=[^;]+/, '')),
    ).toEqual(fresh.headers.getSetCookie().map((cookie) => cookie.replace(/=.*?;/, '=;').replace(/Expires=[^;]+/, '')));
    // The copy's session signs nobody in, and the owner's account is untouched.
    expect((await copy.get('/api/auth/me')).status).toBe(401);
    const { rows } = await database().query('SELECT full_name FROM users WHERE email = $1', [email]);
    expect(rows).toEqual([{ full_name: 'Test Candidate' }]);
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
    const { rows } = await database().query('SELECT 1 FROM users WHERE email = $1', [email]);
    expect(rows).toHaveLength(0);
  });

  it('refuses a short password and says how long it must be', async () => {
    const response = await new ApiSession().post('/api/auth/register', {
      email: uniqueEmail('short'),
      password: 'short',
      fullName: 'S',
    });
    expect(response.status).toBe(400);
    expect(asError(response).details).toEqual([{ field: 'password', reasons: ['Use at least 12 characters.'] }]);
  });

  it('lets staff create recruiter accounts that can sign in', async () => {
    const staff = await signInAsAgency();
    const email = uniqueEmail('recruiter');
    const created = await staff.post<UserView>('/api/users', {
      email,
      password: PASSWORD,
      fullName: 'New Recruiter',
      role: 'recruiter',
    });
    expect(created.status).toBe(201);
    expect(created.body.role).toBe('recruiter');
    const login = await new ApiSession().post<UserView>('/api/auth/login', { email, password: PASSWORD });
    expect(login.body.role).toBe('recruiter');
    const candidateRole = await staff.post('/api/users', {
      email: uniqueEmail('c'),
      password: PASSWORD,
      fullName: 'C',
      role: 'candidate',
    });
    expect(candidateRole.status).toBe(400);
  });
});
