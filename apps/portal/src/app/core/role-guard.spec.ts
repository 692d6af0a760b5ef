import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { UserRole, UserView } from '@heardback/contracts';
import { NoticeService } from './notice';
import { requireRole } from './role-guard';
import { SessionStore } from './session';
import { aUser } from '../testing/factories';

@Component({
  selector: 'hb-blank',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Blank {}

const user = (role: UserRole): UserView =>
  aUser({ id: `${role}-1`, role, email: `${role}@heardback.test`, fullName: `A ${role}` });

describe('requireRole', () => {
  let router: Router;
  let session: SessionStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'jobs', component: Blank },
          { path: 'sign-in', component: Blank },
          {
            path: 'me',
            canMatch: [requireRole(UserRole.Candidate)],
            children: [
              { path: '', component: Blank },
              { path: 'applications/:id', component: Blank },
            ],
          },
          {
            path: 'recruiter',
            canMatch: [requireRole(UserRole.Recruiter, UserRole.Staff)],
            component: Blank,
          },
          {
            path: 'staff',
            canMatch: [requireRole(UserRole.Staff)],
            component: Blank,
          },
        ]),
      ],
    });
    router = TestBed.inject(Router);
    session = TestBed.inject(SessionStore);
    // The startup check has answered; tests set who is signed in.
    jest.spyOn(session, 'whenLoaded').mockResolvedValue();
  });

  it('sends a visitor to sign in, remembering the page they wanted', async () => {
    await router.navigateByUrl('/me/applications/app-1');

    expect(router.url).toBe('/sign-in?returnUrl=%2Fme%2Fapplications%2Fapp-1');
  });

  it('lets the role the area is for in', async () => {
    session.update(user(UserRole.Candidate));

    await router.navigateByUrl('/me/applications/app-1');

    expect(router.url).toBe('/me/applications/app-1');
  });

  it('lets staff into the recruiters’ area too', async () => {
    session.update(user(UserRole.Staff));

    await router.navigateByUrl('/recruiter');

    expect(router.url).toBe('/recruiter');
  });

  it('sends a candidate who opens a recruiter page home, saying why', async () => {
    session.update(user(UserRole.Candidate));

    await router.navigateByUrl('/recruiter');

    expect(router.url).toBe('/me');
    expect(TestBed.inject(NoticeService).notice()?.text).toBe(
      'That page is for recruiters. You are signed in as a candidate.',
    );
  });

  it('sends a recruiter who opens a staff page to their own queue, saying why', async () => {
    session.update(user(UserRole.Recruiter));

    await router.navigateByUrl('/staff');

    expect(router.url).toBe('/recruiter');
    expect(TestBed.inject(NoticeService).notice()?.text).toBe(
      'That page is for agency staff. You are signed in as a recruiter.',
    );
  });
});
