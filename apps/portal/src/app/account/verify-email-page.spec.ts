import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { ErrorCode } from '@heardback/contracts';
import { SessionStore } from '../core/session';
import { VerifyEmailPage } from './verify-email-page';
import { aUser, apiErrorBody } from '../testing/factories';
import { routeHarness } from '../testing/setup';

describe('VerifyEmailPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(
    async () =>
      ({ harness, http } = await routeHarness({ routes: [{ path: 'verify-email', component: VerifyEmailPage }] })),
  );

  afterEach(() => http.verify());

  const text = () => (harness.routeNativeElement as HTMLElement).textContent ?? '';

  it('confirms the address with the token from the link, and remembers it for the signed-in person', async () => {
    const session = TestBed.inject(SessionStore);
    session.update(aUser({ emailVerified: false }));
    await harness.navigateByUrl('/verify-email?token=abc123');
    expect(text()).toContain('Confirming your address…');

    const request = http.expectOne({ method: 'POST', url: '/api/auth/verify-email' });
    expect(request.request.body).toEqual({ token: 'abc123' });
    request.flush(null);
    await harness.fixture.whenStable();

    expect(text()).toContain('your email address is confirmed');
    expect(text()).toContain('See your applications');
    expect(session.user()?.emailVerified).toBe(true);
  });

  it('says why when the link no longer works, and where to get a new one', async () => {
    await harness.navigateByUrl('/verify-email?token=used');
    http
      .expectOne('/api/auth/verify-email')
      .flush(...apiErrorBody(400, ErrorCode.TokenInvalid, 'This link has expired or was already used.'));
    await harness.fixture.whenStable();

    expect(text()).toContain('This link has expired or was already used.');
    expect(text()).toContain('Sign in to ask for a new link');
  });

  it('sends nothing when opened without a token, and says where the link comes from', async () => {
    await harness.navigateByUrl('/verify-email');
    await harness.fixture.whenStable();

    http.expectNone('/api/auth/verify-email');
    expect(text()).toContain('This page opens from the link in a verification email.');
  });
});
