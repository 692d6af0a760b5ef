import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ErrorCode, UserRole, UserView } from '@heardback/contracts';
import { SessionStore } from '../core/session';
import { ProfilePage } from './profile-page';
import { setUpPortalTest } from '../testing/setup';

const casey: UserView = {
  id: 'u1',
  email: 'candidate@heardback.test',
  fullName: 'Casey Candidate',
  role: UserRole.Candidate,
};

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

    http.expectOne('/api/me/profile').flush(
      {
        statusCode: 400,
        code: ErrorCode.ValidationFailed,
        message: 'Validation failed',
        details: [{ field: 'fullName', reasons: ['must be shorter than or equal to 120 characters'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    expect(root().querySelector('#profile-full-name-error')?.textContent).toContain(
      'Full name must be shorter than or equal to 120 characters.',
    );
    expect(session.user()?.fullName).toBe('Casey Candidate');
  });
});
