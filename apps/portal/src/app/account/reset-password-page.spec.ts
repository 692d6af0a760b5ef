import { HttpTestingController } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { ErrorCode } from '@heardback/contracts';
import { ResetPasswordPage } from './reset-password-page';
import { apiErrorBody } from '../testing/factories';
import { routeHarness } from '../testing/setup';

describe('ResetPasswordPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(
    async () =>
      ({ harness, http } = await routeHarness({ routes: [{ path: 'reset-password', component: ResetPasswordPage }] })),
  );

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;

  it('names the account the link is for, without using the link up', async () => {
    await harness.navigateByUrl('/reset-password?token=live-token');
    const asked = http.expectOne({ method: 'POST', url: '/api/auth/password-reset/link' });
    expect(asked.request.body).toEqual({ token: 'live-token' });
    asked.flush({ email: 'ada@example.test' });
    await harness.fixture.whenStable();

    expect(page().textContent).toContain('A new password for ada@example.test.');
    expect(page().querySelector('form')).not.toBeNull();
    expect(page().querySelector('label[for="reset-password"]')?.textContent?.trim()).toBe('New password');
    http.expectNone('/api/auth/password-reset/confirm');
  });

  it('says a used or expired link no longer works before a password is typed, and offers a new one', async () => {
    await harness.navigateByUrl('/reset-password?token=used-token');
    http
      .expectOne('/api/auth/password-reset/link')
      .flush(...apiErrorBody(400, ErrorCode.TokenInvalid, 'This password reset link has expired or was already used.'));
    await harness.fixture.whenStable();

    expect(page().querySelector('[role="alert"]')?.textContent).toContain('expired or was already used');
    expect(page().querySelector('form')).toBeNull();
    expect(page().textContent).toContain('Send me a new link');
  });

  it('keeps the form when the check itself fails: saving will say what is wrong', async () => {
    await harness.navigateByUrl('/reset-password?token=some-token');
    http
      .expectOne('/api/auth/password-reset/link')
      .flush(...apiErrorBody(503, ErrorCode.DatabaseUnavailable, 'Try again.'));
    await harness.fixture.whenStable();
    expect(page().querySelector('form')).not.toBeNull();
  });
});
