import { ChangeDetectionStrategy, Component } from '@angular/core';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { UserRole } from '@heardback/contracts';
import { SignInPage } from './sign-in-page';
import { aUser } from '../testing/factories';
import { routeHarness } from '../testing/setup';

/** A page whose code takes a while to arrive, as a lazily loaded home does. */
@Component({ template: 'Your applications', changeDetection: ChangeDetectionStrategy.OnPush })
class SlowHome {}

describe('SignInPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let homeReleased: boolean;
  let releaseHome: (() => void) | null;

  beforeEach(async () => {
    homeReleased = false;
    releaseHome = null;
    ({ harness, http } = await routeHarness({
      routes: [
        { path: 'sign-in', component: SignInPage },
        {
          path: 'me',
          loadComponent: () =>
            new Promise<typeof SlowHome>((resolve) => {
              releaseHome = () => resolve(SlowHome);
              if (homeReleased) releaseHome();
            }),
        },
      ],
    }));
  });

  afterEach(() => http.verify());

  const text = () => (harness.routeNativeElement as HTMLElement).textContent ?? '';

  it('says it is opening the next page, not "you are signed in as", while that page loads', async () => {
    await harness.navigateByUrl('/sign-in');
    const root = harness.routeNativeElement as HTMLElement;
    for (const [id, value] of [
      ['sign-in-email', 'casey@example.com'],
      ['sign-in-password', 'a-long-password'],
    ]) {
      const input = root.querySelector<HTMLInputElement>(`#${id}`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    http.expectOne('/api/auth/login').flush(aUser({ fullName: 'Casey Candidate', role: UserRole.Candidate }));
    harness.detectChanges();

    expect(text()).toContain('Signed in. Opening your page…');
    expect(text()).not.toContain('You are signed in as');
    homeReleased = true;
    releaseHome?.();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/me');
  });
});
