import { ChangeDetectionStrategy, Component } from '@angular/core';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ErrorCode, UserRole } from '@heardback/contracts';
import { NoticeService } from '../core/notice';
import { SessionStore } from '../core/session';
import { FinishRegistrationPage } from './finish-registration-page';
import { aUser, apiErrorBody } from '../testing/factories';
import { routeHarness } from '../testing/setup';

@Component({ template: 'Somewhere else', changeDetection: ChangeDetectionStrategy.OnPush })
class Elsewhere {}

describe('FinishRegistrationPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(
    async () =>
      ({ harness, http } = await routeHarness({
        routes: [
          { path: 'finish-registration', component: FinishRegistrationPage },
          { path: '**', component: Elsewhere },
        ],
      })),
  );

  afterEach(() => http.verify());

  const root = () => harness.routeNativeElement as HTMLElement;
  const text = () => root().textContent ?? '';
  const password = () => root().querySelector<HTMLInputElement>('#finish-registration-password') as HTMLInputElement;
  const robin = aUser({ fullName: 'Robin Example', role: UserRole.Candidate, emailVerified: true });

  /** Opens the page from a link; the API names the address it is for. */
  async function openLink(token: string, email = 'olga@example.com'): Promise<void> {
    await harness.navigateByUrl(`/finish-registration?token=${token}`);
    const named = http.expectOne({ method: 'POST', url: '/api/auth/register/link' });
    expect(named.request.body).toEqual({ token });
    named.flush({ email });
    await harness.fixture.whenStable();
  }

  async function finishWith(typed: string): Promise<void> {
    password().value = typed;
    password().dispatchEvent(new Event('input'));
    root().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await harness.fixture.whenStable();
  }

  it('uses nothing up on opening: it names the address the link is for and asks for the password chosen when registering', async () => {
    await openLink('abc123');

    http.expectNone('/api/auth/register/confirm');
    expect(text()).toContain('This link finishes an account for olga@example.com.');
    expect(text()).toContain('Enter the password you chose when you registered.');
    expect(password().getAttribute('autocomplete')).toBe('current-password');
  });

  it('makes the account with the link and the password, signs in, says so and goes back to the job', async () => {
    await openLink('abc123');
    await finishWith('a-long-password');

    const request = http.expectOne({ method: 'POST', url: '/api/auth/register/confirm' });
    expect(request.request.body).toEqual({ token: 'abc123', password: 'a-long-password' });
    request.flush({ user: robin, returnTo: '/jobs/job-1' });
    await harness.fixture.whenStable();

    expect(TestBed.inject(SessionStore).user()).toEqual(robin);
    expect(TestBed.inject(Router).url).toBe('/jobs/job-1');
    expect(TestBed.inject(NoticeService).notice()).toEqual({
      text: `Your account for ${robin.email} is ready, and you are signed in.`,
      tone: 'success',
    });
  });

  it('goes to the candidate’s home when there is no page to go back to, or one off the site', async () => {
    await openLink('abc123');
    await finishWith('a-long-password');
    http.expectOne('/api/auth/register/confirm').flush({ user: robin, returnTo: '//evil.example' });
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/me');
  });

  it('asks for the password before sending, and shows the API’s refusal of a wrong one at the field', async () => {
    await openLink('abc123');
    await finishWith('');
    http.expectNone('/api/auth/register/confirm');
    expect(text()).toContain('Enter the password you chose when you registered.');

    await finishWith('not-the-one');
    http
      .expectOne('/api/auth/register/confirm')
      .flush(
        ...apiErrorBody(400, ErrorCode.ValidationFailed, 'Validation failed', [
          { field: 'password', reasons: ['This is not the password this link was made with.'] },
        ]),
      );
    await harness.fixture.whenStable();

    expect(root().querySelector('#finish-registration-password-error')?.textContent).toContain(
      'This is not the password this link was made with.',
    );
    expect(document.activeElement).toBe(password());
    expect(TestBed.inject(SessionStore).user()).toBeNull();
  });

  it('says why when the link no longer works, and offers to sign in or register again', async () => {
    await openLink('used');
    await finishWith('a-long-password');
    http
      .expectOne('/api/auth/register/confirm')
      .flush(...apiErrorBody(400, ErrorCode.TokenInvalid, 'This link has expired or was already used.'));
    await harness.fixture.whenStable();

    expect(text()).toContain('This link has expired or was already used.');
    expect(text()).toContain('If you opened this link before, your account is already made');
    expect(text()).toContain('Register again');
    expect(password()).toBeNull();
    expect(document.activeElement?.textContent).toContain('This link has expired or was already used.');
  });

  it('says at once when the link no longer works, before any password is typed', async () => {
    await harness.navigateByUrl('/finish-registration?token=used');
    http
      .expectOne('/api/auth/register/link')
      .flush(...apiErrorBody(400, ErrorCode.TokenInvalid, 'This link has expired or was already used.'));
    await harness.fixture.whenStable();

    expect(text()).toContain('This link has expired or was already used.');
    expect(password()).toBeNull();
    http.expectNone('/api/auth/register/confirm');
  });

  it('opened again in the browser it signed in, says who is signed in and where to go instead of registering again', async () => {
    TestBed.inject(SessionStore).update(robin);
    await openLink('used');
    await finishWith('a-long-password');
    http
      .expectOne('/api/auth/register/confirm')
      .flush(...apiErrorBody(400, ErrorCode.TokenInvalid, 'This link has expired or was already used.'));
    await harness.fixture.whenStable();

    expect(text()).toContain('You are signed in as Robin Example.');
    expect(text()).toContain('Go to your page');
    expect(text()).not.toContain('Register again');
  });

  it('when the address got an account meanwhile, offers to sign in or reset the password', async () => {
    await openLink('late');
    await finishWith('a-long-password');
    http
      .expectOne('/api/auth/register/confirm')
      .flush(...apiErrorBody(409, ErrorCode.EmailTaken, 'This email address already has an account.'));
    await harness.fixture.whenStable();

    expect(text()).toContain('This email address already has an account.');
    expect(text()).toContain('Reset your password');
    expect(text()).not.toContain('Register again');
  });

  describe('starting again with a new password', () => {
    const field = (id: string) =>
      root().querySelector<HTMLInputElement>(`#restart-registration-${id}`) as HTMLInputElement;
    const button = (label: string) =>
      Array.from(root().querySelectorAll<HTMLButtonElement>('button')).find(
        (each) => each.textContent?.trim() === label,
      );

    async function startAgain(): Promise<void> {
      await openLink('abc123');
      button('Start again with a new password')?.click();
      await harness.fixture.whenStable();
    }

    async function send(fullName: string, newPassword: string): Promise<void> {
      for (const [id, value] of [
        ['full-name', fullName],
        ['password', newPassword],
      ]) {
        field(id).value = value;
        field(id).dispatchEvent(new Event('input'));
      }
      button('Send me a new link')?.click();
      await harness.fixture.whenStable();
    }

    it('asks for a name and a new password, sends them with the link, and says a new link went to the address', async () => {
      await startAgain();
      expect(password()).toBeNull();
      expect(text()).toMatch(/We will email a new link to\s+olga@example.com,\s+and this one will stop working\./);
      expect(document.activeElement).toBe(field('full-name'));
      expect(field('password').getAttribute('autocomplete')).toBe('new-password');

      await send('  Olga Owner ', 'violet harbour lantern');
      const request = http.expectOne({ method: 'POST', url: '/api/auth/register/restart' });
      expect(request.request.body).toEqual({
        token: 'abc123',
        fullName: 'Olga Owner',
        password: 'violet harbour lantern',
        timeZone: expect.any(String),
      });
      request.flush({ email: 'olga@example.com', checkEmail: true });
      await harness.fixture.whenStable();

      expect(text()).toContain('We have sent a new link to olga@example.com.');
      expect(text()).toContain('The link you opened here no longer works.');
      expect(document.activeElement?.id).toBe('restart-registration-sent');
      expect(TestBed.inject(SessionStore).user()).toBeNull();
    });

    it('checks the name and password before sending, and shows the API’s reason at its field', async () => {
      await startAgain();
      await send('', 'short');
      http.expectNone('/api/auth/register/restart');
      expect(text()).toContain('Enter your full name.');
      expect(root().querySelector('#restart-registration-password-error')?.textContent).toMatch(/^\s*Password /);
      expect(document.activeElement).toBe(field('full-name'));

      await send('Olga Owner', 'violet harbour lantern');
      http
        .expectOne('/api/auth/register/restart')
        .flush(
          ...apiErrorBody(400, ErrorCode.ValidationFailed, 'Validation failed', [
            { field: 'password', reasons: ['is too like your email address'] },
          ]),
        );
      await harness.fixture.whenStable();
      expect(root().querySelector('#restart-registration-password-error')?.textContent).toContain(
        'is too like your email address',
      );
      expect(document.activeElement).toBe(field('password'));
    });

    it('says why when the link stopped working meanwhile, and goes back to the password on request', async () => {
      await startAgain();
      button('Back to the password')?.click();
      await harness.fixture.whenStable();
      expect(document.activeElement).toBe(password());

      button('Start again with a new password')?.click();
      await harness.fixture.whenStable();
      await send('Olga Owner', 'violet harbour lantern');
      http
        .expectOne('/api/auth/register/restart')
        .flush(...apiErrorBody(400, ErrorCode.TokenInvalid, 'This link has expired or was already used.'));
      await harness.fixture.whenStable();
      expect(text()).toContain('This link has expired or was already used.');
      expect(document.activeElement?.textContent).toContain('This link has expired or was already used.');
    });
  });

  it('sends nothing when opened without a token, and says where the link comes from', async () => {
    await harness.navigateByUrl('/finish-registration');
    await harness.fixture.whenStable();

    http.expectNone('/api/auth/register/confirm');
    expect(text()).toContain('This page opens from the link in the email we send when you register.');
  });
});
