import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture } from '@angular/core/testing';
import { ErrorCode, UserRole, UserView } from '@heardback/contracts';
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

  it('creates the account with the name trimmed and tells the page', async () => {
    const registered: UserView[] = [];
    fixture.componentInstance.registered.subscribe((user) => registered.push(user));
    fillIn();
    await submit();

    const request = http.expectOne({ method: 'POST', url: '/api/auth/register' });
    expect(request.request.body).toEqual({
      fullName: 'Robin Example',
      email: 'robin@example.com',
      password: 'a-long-password',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    const robin: UserView = {
      id: 'u9',
      email: 'robin@example.com',
      fullName: 'Robin Example',
      role: UserRole.Candidate,
      emailVerified: false,
      timeZone: null,
    };
    request.flush({ email: 'robin@example.com', checkEmail: true }, { status: 201, statusText: 'Created' });
    http.expectOne({ method: 'GET', url: '/api/auth/session' }).flush({ user: robin });

    expect(registered).toEqual([robin]);
  });

  it('when the address already has an account, signs nobody in, says to check the email and offers to sign in', async () => {
    const registered: UserView[] = [];
    fixture.componentInstance.registered.subscribe((user) => registered.push(user));
    const wantsSignIn = jest.fn();
    fixture.componentInstance.signInInstead.subscribe(wantsSignIn);
    fillIn();
    await submit();

    // The API answers a taken address exactly like a new one; only "who am I?" tells them apart.
    http
      .expectOne('/api/auth/register')
      .flush({ email: 'robin@example.com', checkEmail: true }, { status: 201, statusText: 'Created' });
    http.expectOne('/api/auth/session').flush({ user: null });
    await fixture.whenStable();

    expect(registered).toEqual([]);
    expect(root().textContent).toContain('We have sent a message to robin@example.com');
    Array.from(root().querySelectorAll('button'))
      .find((b) => b.textContent?.includes('Sign in instead'))
      ?.click();
    expect(wantsSignIn).toHaveBeenCalled();
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
