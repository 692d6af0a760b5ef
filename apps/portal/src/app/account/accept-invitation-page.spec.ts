import { HttpTestingController } from '@angular/common/http/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ErrorCode, UserRole } from '@heardback/contracts';
import { ResetPasswordPage } from './reset-password-page';
import { apiErrorBody } from '../testing/factories';
import { routeHarness } from '../testing/setup';

/** The reset page opened from an invitation's link (ADR 0082): a first password, in the invitation's words. */
describe('ResetPasswordPage for an invitation', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(
    async () =>
      ({ harness, http } = await routeHarness({
        routes: [
          { path: 'accept-invitation', component: ResetPasswordPage, data: { invitation: true } },
          { path: 'recruiter', children: [] },
        ],
      })),
  );

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;

  it('greets the invited person by name, and their chosen password signs them in', async () => {
    await harness.navigateByUrl('/accept-invitation?token=live-token');
    const asked = http.expectOne({ method: 'POST', url: '/api/auth/invitation/link' });
    expect(asked.request.body).toEqual({ token: 'live-token' });
    asked.flush({ email: 'ines@agency.test', fullName: 'Ines Invited' });
    await harness.fixture.whenStable();

    expect(page().querySelector('h1')?.textContent?.trim()).toBe('Choose your password');
    expect(page().textContent?.replace(/\s+/g, ' ')).toContain(
      'Welcome to Heardback, Ines Invited. Choose the password you will sign in with as ines@agency.test.',
    );
    const password = page().querySelector('input[type="password"]') as HTMLInputElement;
    // Their first password, not a "new" one.
    expect(page().querySelector(`label[for="${password.id}"]`)?.textContent?.trim()).toBe('Password');
    password.value = 'lighthouse keeper at low tide';
    password.dispatchEvent(new Event('input'));
    (page().querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await harness.fixture.whenStable();
    const accept = http.expectOne({ method: 'POST', url: '/api/auth/invitation/accept' });
    expect(accept.request.body).toEqual({ token: 'live-token', password: 'lighthouse keeper at low tide' });
    http.expectNone('/api/auth/password-reset/confirm');
    accept.flush({ id: 'u1', email: 'ines@agency.test', fullName: 'Ines Invited', role: UserRole.Recruiter });
    await harness.fixture.whenStable();
    expect(harness.fixture.debugElement.injector.get(Router).url).toBe('/recruiter');
  });

  it('says a used or expired invitation no longer works, and offers no reset link', async () => {
    await harness.navigateByUrl('/accept-invitation?token=used-token');
    const words = "This invitation has expired or was already used. Ask the agency's staff to send it again.";
    http.expectOne('/api/auth/invitation/link').flush(...apiErrorBody(400, ErrorCode.TokenInvalid, words));
    await harness.fixture.whenStable();

    expect(page().querySelector('[role="alert"] p')?.textContent?.trim()).toBe(words);
    expect(page().querySelector('form')).toBeNull();
    expect(page().textContent).not.toContain('Send me a new link');
    // Someone who already chose their password and opened the email again is shown the way in.
    expect(page().querySelector('[role="alert"] a')?.getAttribute('href')).toBe('/sign-in');
  });
});
