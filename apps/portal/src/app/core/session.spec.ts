import { HttpTestingController } from '@angular/common/http/testing';
import { ErrorCode, UserRole } from '@heardback/contracts';
import { SessionStore } from './session';
import { serviceUnderTest } from '../testing/setup';
import { apiErrorBody, aUser } from '../testing/factories';

const casey = aUser({ id: 'user-1' });

describe('SessionStore', () => {
  let store: SessionStore;
  let http: HttpTestingController;

  beforeEach(() => ({ service: store, http } = serviceUnderTest(SessionStore)));

  afterEach(() => {
    http.verify();
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });

  it('remembers who the session cookie belongs to after asking GET /api/auth/session', async () => {
    const loading = store.load();
    http.expectOne({ method: 'GET', url: '/api/auth/session' }).flush({ user: casey });
    await loading;

    expect(store.user()).toEqual(casey);
    expect(store.role()).toBe(UserRole.Candidate);
    expect(store.loaded()).toBe(true);
  });

  it('treats an answer with no user as a visitor', async () => {
    const loading = store.load();
    http.expectOne('/api/auth/session').flush({ user: null });
    await loading;

    expect(store.user()).toBeNull();
    expect(store.loaded()).toBe(true);
  });

  it('treats a failed check as a visitor, so the public pages still open', async () => {
    const loading = store.load();
    http.expectOne('/api/auth/session').flush(...apiErrorBody(503, ErrorCode.DatabaseUnavailable, 'Try again'));
    await loading;

    expect(store.user()).toBeNull();
    expect(store.loaded()).toBe(true);
  });

  it('asks the API only once however many guards wait for the answer', async () => {
    const first = store.whenLoaded();
    const second = store.whenLoaded();
    http.expectOne('/api/auth/session').flush({ user: casey });
    await Promise.all([first, second]);

    expect(store.user()).toEqual(casey);
  });

  it('signs in with POST /api/auth/login and remembers the user', () => {
    store.signIn({ email: casey.email, password: 'heardback-demo' }).subscribe();

    const request = http.expectOne({
      method: 'POST',
      url: '/api/auth/login',
    });
    expect(request.request.body).toEqual({
      email: casey.email,
      password: 'heardback-demo',
    });
    request.flush(casey);
    expect(store.user()).toEqual(casey);
  });

  it('registers with POST /api/auth/register and stays a visitor: the emailed link signs the person in', () => {
    store.register({ email: 'new@example.com', password: 'long-enough-1', fullName: 'New Person' }).subscribe();

    http
      .expectOne({ method: 'POST', url: '/api/auth/register' })
      .flush({ email: 'new@example.com', checkEmail: true }, { status: 202, statusText: 'Accepted' });
    http.expectNone('/api/auth/session');
    expect(store.user()).toBeNull();
  });

  it('signs out with POST /api/auth/logout and forgets the user', async () => {
    store.update(casey);

    const signingOut = store.signOut();
    http.expectOne({ method: 'POST', url: '/api/auth/logout' }).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    await signingOut;

    expect(store.user()).toBeNull();
  });

  it('forgets the user on sign-out even when the server cannot be reached', async () => {
    store.update(casey);

    const signingOut = store.signOut();
    http.expectOne('/api/auth/logout').error(new ProgressEvent('error'), { status: 0 });
    await signingOut;

    expect(store.user()).toBeNull();
  });

  it('sends the XSRF-TOKEN cookie back in X-XSRF-TOKEN on its POSTs, as the API requires', () => {
    document.cookie = 'XSRF-TOKEN=token-from-the-api';

    store.signIn({ email: casey.email, password: 'x' }).subscribe();

    const request = http.expectOne('/api/auth/login');
    expect(request.request.headers.get('X-XSRF-TOKEN')).toBe('token-from-the-api');
    request.flush(casey);
  });
});
