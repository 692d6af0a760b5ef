import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture } from '@angular/core/testing';
import { ErrorCode } from '@heardback/contracts';
import { RegisterForm } from './register-form';
import { renderComponent } from '../testing/setup';
import { apiErrorBody } from '../testing/factories';

describe('RegisterForm', () => {
  let fixture: ComponentFixture<RegisterForm>;
  let http: HttpTestingController;

  beforeEach(async () => ({ fixture, http } = await renderComponent(RegisterForm)));

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const input = (id: string) => root().querySelector<HTMLInputElement>(`#register-${id}`) as HTMLInputElement;
  const type = (id: string, value: string) => {
    input(id).value = value;
    input(id).dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    root().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  };
  const errorText = (id: string) => root().querySelector(`#register-${id}-error`)?.textContent?.trim();

  function fillIn(): void {
    type('full-name', '  Robin Example ');
    type('email', 'robin@example.com');
    type('password', 'a-long-password');
  }

  it('checks the password length the API requires before sending anything', async () => {
    type('full-name', 'Robin Example');
    type('email', 'robin@example.com');
    type('password', 'short');
    await submit();

    expect(errorText('password')).toBe('Password must be at least 12 characters.');
    expect(input('password').getAttribute('aria-describedby')).toContain('register-password-error');
    http.expectNone('/api/auth/register');
  });

  it('shows the password rule before anything is typed, and refuses a common password before sending', async () => {
    expect(root().querySelector('#register-password-hint')?.textContent).toContain('Use at least 12 characters');
    type('full-name', 'Robin Example');
    type('email', 'robin@example.com');
    type('password', 'password1234');
    await submit();

    expect(errorText('password')).toContain('one of the most common passwords');
    http.expectNone('/api/auth/register');
  });

  it('asks for the account with the name trimmed and the page to come back to, then says to check the email', async () => {
    fixture.componentRef.setInput('returnTo', '/jobs/42');
    fillIn();
    await submit();

    const request = http.expectOne({ method: 'POST', url: '/api/auth/register' });
    expect(request.request.body).toEqual({
      fullName: 'Robin Example',
      email: 'robin@example.com',
      password: 'a-long-password',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      returnTo: '/jobs/42',
    });
    request.flush({ email: 'robin@example.com', checkEmail: true }, { status: 202, statusText: 'Accepted' });
    await fixture.whenStable();

    // No one is signed in by registering, so nothing asks who is.
    http.expectNone('/api/auth/session');
    expect(root().querySelector('form')).toBeNull();
    const sent = root().querySelector('[role="status"]')?.textContent ?? '';
    expect(sent).toContain('Check your email');
    expect(sent).toContain('We have sent a link to robin@example.com. Open it within 48 hours and enter the password');
    expect(document.activeElement?.id).toBe('register-sent');
  });

  it('says the same for a taken address, offers to sign in, and gives the form back for another address', async () => {
    const wantsSignIn = jest.fn();
    fixture.componentInstance.signInInstead.subscribe(wantsSignIn);
    fillIn();
    await submit();
    http
      .expectOne('/api/auth/register')
      .flush({ email: 'robin@example.com', checkEmail: true }, { status: 202, statusText: 'Accepted' });
    await fixture.whenStable();

    const button = (label: string) =>
      Array.from(root().querySelectorAll('button')).find((one) => one.textContent?.includes(label));
    expect(root().textContent).toContain('If this address already has an account, the email says so');
    button('Sign in instead')?.click();
    expect(wantsSignIn).toHaveBeenCalled();

    button('Use another address')?.click();
    await fixture.whenStable();
    expect(input('email').value).toBe('robin@example.com');
    expect(document.activeElement).toBe(input('email'));
  });

  it('shows each of the API’s validation reasons at its own field', async () => {
    fillIn();
    await submit();

    http.expectOne('/api/auth/register').flush(
      ...apiErrorBody(400, ErrorCode.ValidationFailed, 'Validation failed', [
        { field: 'fullName', reasons: ['Enter your full name.'] },
        { field: 'password', reasons: ['Use at least 12 characters.'] },
      ]),
    );
    await fixture.whenStable();

    expect(errorText('full-name')).toBe('Enter your full name.');
    expect(errorText('password')).toBe('Use at least 12 characters.');
    expect(errorText('email')).toBeUndefined();
  });
});
