import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { UserRole } from '@heardback/contracts';
import { KeptDrafts } from './kept-drafts';
import { NoticeService } from './notice';
import { SessionStore } from './session';
import { sessionExpiryInterceptor } from './session-expiry';

@Component({
  selector: 'hb-blank',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Blank {}

describe('sessionExpiryInterceptor', () => {
  let http: HttpTestingController;
  let session: SessionStore;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([sessionExpiryInterceptor])),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'me', component: Blank },
          { path: 'sign-in', component: Blank },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionStore);
    router = TestBed.inject(Router);
    session.update({
      id: 'u1',
      email: 'c@example.com',
      fullName: 'C',
      role: UserRole.Candidate,
      emailVerified: true,
      timeZone: null,
    });
    await router.navigateByUrl('/me');
  });

  it('forgets an expired session and asks the person to sign in again, coming back here after', async () => {
    TestBed.inject(HttpClient)
      .get('/api/me/applications')
      .subscribe({ error: () => undefined });
    http.expectOne('/api/me/applications').flush(null, { status: 401, statusText: 'Unauthorized' });
    await new Promise((resolve) => setTimeout(resolve));

    expect(session.user()).toBeNull();
    expect(router.url).toBe('/sign-in?returnUrl=%2Fme');
    expect(TestBed.inject(NoticeService).notice()?.text).toContain('Your session has ended');
  });

  it('keeps what the person was writing, as theirs, before the page goes to sign-in', async () => {
    const keepAll = jest.spyOn(TestBed.inject(KeptDrafts), 'keepAll');
    TestBed.inject(HttpClient)
      .post('/api/me/applications/a1/updates', {})
      .subscribe({ error: () => undefined });
    http.expectOne('/api/me/applications/a1/updates').flush(null, { status: 401, statusText: 'Unauthorized' });
    await new Promise((resolve) => setTimeout(resolve));

    expect(keepAll).toHaveBeenCalledWith('u1');
  });

  it('leaves a wrong password on the sign-in form alone', async () => {
    TestBed.inject(HttpClient)
      .post('/api/auth/login', {})
      .subscribe({ error: () => undefined });
    http.expectOne('/api/auth/login').flush(null, { status: 401, statusText: 'Unauthorized' });
    await new Promise((resolve) => setTimeout(resolve));

    expect(session.user()).not.toBeNull();
    expect(router.url).toBe('/me');
  });
});
