import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ErrorCode, UserView } from '@heardback/contracts';
import { SignInForm } from './sign-in-form';
import { setUpPortalTest } from '../testing/setup';
import { apiErrorBody, aUser } from '../testing/factories';

const casey = aUser();

describe('SignInForm', () => {
  let fixture: ComponentFixture<SignInForm>;
  let http: HttpTestingController;
  let signedIn: UserView[];

  beforeEach(async () => {
    http = setUpPortalTest();
    fixture = TestBed.createComponent(SignInForm);
    signedIn = [];
    fixture.componentInstance.signedIn.subscribe((user) => signedIn.push(user));
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    (fixture.nativeElement as HTMLElement).remove();
  });

  const root = () => fixture.nativeElement as HTMLElement;
  const field = (label: string) => {
    const labelElement = Array.from(root().querySelectorAll('label')).find((l) => l.textContent?.trim() === label);
    return root().querySelector<HTMLInputElement>(`#${labelElement?.htmlFor}`);
  };
  const type = (label: string, value: string) => {
    const input = field(label) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    root().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  };
  const errorFor = (label: string) => {
    const described = field(label)?.getAttribute('aria-describedby');
    return described ? root().querySelector(`#${described}`)?.textContent?.trim() : undefined;
  };

  it('says what is missing, at the field, without calling the API', async () => {
    await submit();

    expect(errorFor('Email')).toBe('Enter your email address.');
    expect(errorFor('Password')).toBe('Enter your password.');
    expect(field('Email')?.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field('Email'));
    http.expectNone('/api/auth/login');
  });

  it('signs in and tells the page who signed in', async () => {
    type('Email', 'candidate@heardback.test');
    type('Password', 'heardback-demo');
    await submit();

    const request = http.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({
      email: 'candidate@heardback.test',
      password: 'heardback-demo',
    });
    request.flush(casey);
    await fixture.whenStable();

    expect(signedIn).toEqual([casey]);
  });

  it('says the email and password do not match when the API answers 401', async () => {
    type('Email', 'candidate@heardback.test');
    type('Password', 'wrong-password');
    await submit();

    http
      .expectOne('/api/auth/login')
      .flush(...apiErrorBody(401, ErrorCode.InvalidCredentials, 'Wrong email or password'));
    await fixture.whenStable();

    expect(root().querySelector('[role="alert"]')?.textContent).toContain(
      'That email and password do not match an account.',
    );
    expect(root().querySelector('[role="alert"]')?.textContent).toContain(
      'if you have just registered, open the link we emailed you first.',
    );
    expect(signedIn).toEqual([]);
  });

  it('says, in the API’s words, that the address is locked and when to try again (429)', async () => {
    type('Email', 'candidate@heardback.test');
    type('Password', 'heardback-demo');
    await submit();

    const lockedMessage =
      'Too many failed sign-ins for this email address, so it is locked for now. Try again in 15 minutes, or reset your password.';
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 429, code: ErrorCode.TooManyRequests, message: lockedMessage },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '900' } },
      );
    await fixture.whenStable();

    expect(root().querySelector('[role="alert"]')?.textContent?.trim()).toBe(lockedMessage);
    expect(root().querySelector('button[type="submit"]')?.textContent?.trim()).toBe('Sign in');
    expect(signedIn).toEqual([]);
  });

  it('shows the API’s reasons at the field they are about', async () => {
    type('Email', 'someone@localhost');
    type('Password', 'whatever');
    await submit();

    http
      .expectOne('/api/auth/login')
      .flush(
        ...apiErrorBody(400, ErrorCode.ValidationFailed, 'Validation failed', [
          { field: 'email', reasons: ['Enter an email address, such as name@example.com.'] },
        ]),
      );
    await fixture.whenStable();

    expect(errorFor('Email')).toBe('Enter an email address, such as name@example.com.');
    expect(document.activeElement).toBe(field('Email'));

    type('Email', 'someone@example.com');
    await fixture.whenStable();
    expect(errorFor('Email')).toBeUndefined();
  });
});
