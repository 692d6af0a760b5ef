import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ErrorCode, SessionView } from '@heardback/contracts';
import { SessionStore } from '../core/session';
import { ProfilePage } from './profile-page';
import { setUpPortalTest } from '../testing/setup';
import { aDocument, apiErrorBody, aUser } from '../testing/factories';

const casey = aUser();

const sessions: SessionView[] = [
  {
    id: 's1',
    createdAt: '2026-12-01T09:00:00Z',
    lastSeenAt: '2026-12-02T09:00:00Z',
    expiresAt: '2026-12-31T09:00:00Z',
    device: 'Firefox on Linux',
    current: true,
  },
  {
    id: 's2',
    createdAt: '2026-11-20T09:00:00Z',
    lastSeenAt: '2026-11-21T09:00:00Z',
    expiresAt: '2026-12-20T09:00:00Z',
    device: 'Safari on iOS',
    current: false,
  },
];

describe('ProfilePage', () => {
  let fixture: ComponentFixture<ProfilePage>;
  let http: HttpTestingController;
  let session: SessionStore;

  beforeEach(async () => {
    http = setUpPortalTest();
    session = TestBed.inject(SessionStore);
    session.update(casey);
    fixture = TestBed.createComponent(ProfilePage);
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: '/api/me/sessions' }).flush(sessions);
    http.expectOne({ method: 'GET', url: '/api/me/documents' }).flush({ items: [aDocument()], max: 20 });
    http.expectOne({ method: 'GET', url: '/api/me/consents' }).flush({ talentPool: null, openApplications: 0 });
    http
      .expectOne({ method: 'GET', url: '/api/privacy-notice' })
      .flush({ version: 1, text: 'Who we are', publishedAt: '2026-12-01T09:00:00Z' });
    await fixture.whenStable();
  });

  it('shows the candidate’s documents and contact details in sections of their own', async () => {
    const headings = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('h2'), (h) => h.textContent);
    expect(headings).toContain('Your CV and documents');
    expect(headings).toContain('How the agency can reach you');
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Ana Silva CV.pdf');
  });

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const nameBox = () => root().querySelector<HTMLInputElement>('#profile-full-name') as HTMLInputElement;
  const typeName = (value: string) => {
    nameBox().value = value;
    nameBox().dispatchEvent(new Event('input'));
  };
  const save = async () => {
    root().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  };

  it('shows the name and email the agency has', () => {
    const text = root().textContent ?? '';
    expect(text).toContain('Casey Candidate');
    expect(text).toContain('candidate@heardback.test');
    expect(nameBox().value).toBe('Casey Candidate');
  });

  it('saves a new name, says so, and the whole page uses it', async () => {
    typeName(' Casey C. Candidate ');
    await save();

    const request = http.expectOne({ method: 'PATCH', url: '/api/me/profile' });
    expect(request.request.body).toEqual({ fullName: 'Casey C. Candidate' });
    request.flush({ ...casey, fullName: 'Casey C. Candidate' });
    await fixture.whenStable();

    expect(root().querySelector('[role="status"]')?.textContent).toContain(
      'Saved. The agency now sees your name as Casey C. Candidate.',
    );
    expect(session.user()?.fullName).toBe('Casey C. Candidate');
  });

  it('refuses an empty name at the field, without calling the API', async () => {
    typeName('   ');
    await save();

    expect(root().querySelector('#profile-full-name-error')?.textContent).toContain('Enter your full name.');
    expect(nameBox().getAttribute('aria-invalid')).toBe('true');
    http.expectNone('/api/me/profile');
  });

  it('shows the API’s reason at the field', async () => {
    typeName('x'.repeat(10));
    await save();

    http
      .expectOne('/api/me/profile')
      .flush(
        ...apiErrorBody(400, ErrorCode.ValidationFailed, 'Validation failed', [
          { field: 'fullName', reasons: ['Write at most 120 characters.'] },
        ]),
      );
    await fixture.whenStable();

    expect(root().querySelector('#profile-full-name-error')?.textContent).toContain('Write at most 120 characters.');
    expect(session.user()?.fullName).toBe('Casey Candidate');
  });

  it('lists where the candidate is signed in and signs out another device', async () => {
    const text = root().textContent ?? '';
    expect(text).toContain('Firefox on Linux');
    expect(text).toContain('This device');
    const signOutPhone = Array.from(root().querySelectorAll('button')).find(
      (button) => button.textContent?.trim() === 'Sign out Safari on iOS',
    );
    expect(Array.from(root().querySelectorAll('button')).some((b) => b.textContent?.includes('Firefox on Linux'))).toBe(
      false,
    );
    signOutPhone?.click();
    http
      .expectOne({ method: 'DELETE', url: '/api/me/sessions/s2' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(root().textContent).not.toContain('Safari on iOS is signed in');
    expect(root().textContent).toContain('Safari on iOS is signed out.');
  });

  it('changes the password with the current one, checking the rule first', async () => {
    const current = root().querySelector<HTMLInputElement>('#current-password') as HTMLInputElement;
    const next = root().querySelector<HTMLInputElement>('#new-password') as HTMLInputElement;
    current.value = 'old password here';
    current.dispatchEvent(new Event('input'));
    next.value = 'qwerty123456';
    next.dispatchEvent(new Event('input'));
    const changeButton = () =>
      Array.from(root().querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Change password');
    changeButton()?.click();
    await fixture.whenStable();
    expect(root().querySelector('#new-password-error')?.textContent).toContain('most common passwords');
    http.expectNone('/api/me/password');

    next.value = 'amber meadow telescope';
    next.dispatchEvent(new Event('input'));
    changeButton()?.click();
    const request = http.expectOne({ method: 'POST', url: '/api/me/password' });
    expect(request.request.body).toEqual({
      currentPassword: 'old password here',
      newPassword: 'amber meadow telescope',
    });
    request.flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne({ method: 'GET', url: '/api/me/sessions' }).flush([sessions[0]]);
    await fixture.whenStable();
    expect(root().textContent).toContain('You have been signed out on every other device.');
  });
});
