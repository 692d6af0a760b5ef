import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { UserRole, UserView } from '@heardback/contracts';
import { App } from './app';
import { appRoutes } from './app.routes';
import { NoticeService } from './core/notice';
import { aUserWithRole } from './testing/factories';
import { signedInAs } from './testing/setup';

describe('App', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [provideRouter(appRoutes), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  async function shellAs(user: UserView | null) {
    await signedInAs(http, user);
    const fixture = TestBed.createComponent(App);
    // The shell asks whether the server is in demo mode (see demo-banner.spec.ts).
    http.match('/api/about').forEach((about) => about.flush({ demo: false }));
    await fixture.whenStable();
    return fixture;
  }

  const navLinks = (root: HTMLElement) =>
    Array.from(root.querySelectorAll('nav[aria-label="Main"] a, nav[aria-label="Main"] button'), (element) =>
      element.textContent?.trim(),
    );

  it('names the product and its promise in the header', async () => {
    const fixture = await shellAs(null);

    const header = (fixture.nativeElement as HTMLElement).querySelector('header');
    expect(header?.textContent).toContain('Heardback');
    expect(header?.textContent).toContain('Every candidate hears back.');
  });

  it('keeps the skip link to the main content first', async () => {
    const fixture = await shellAs(null);

    const first = (fixture.nativeElement as HTMLElement).querySelector('a');
    expect(first?.textContent).toBe('Skip to main content');
    expect(first?.getAttribute('href')).toBe('#main');
  });

  it('opens the job board at the site root', async () => {
    const fixture = await shellAs(null);
    const router = TestBed.inject(Router);

    await router.navigateByUrl('/');
    await fixture.whenStable();

    expect(router.url).toBe('/jobs');
    expect((fixture.nativeElement as HTMLElement).querySelector('h1')?.textContent).toBe('Open jobs');
    http.expectOne((request) => request.url === '/api/jobs');
  });

  it.each([
    ['a visitor', null, ['Jobs', 'Sign in', 'Register']],
    ['a candidate', UserRole.Candidate, ['Jobs', 'My applications', 'Profile', 'Your data', 'Sign out']],
    ['a recruiter', UserRole.Recruiter, ['Jobs', 'Recruiting', 'Account', 'Sign out']],
    ['staff', UserRole.Staff, ['Jobs', 'Recruiting', 'Staff', 'Account', 'Sign out']],
  ])('shows %s the navigation for their role', async (_who, role, expected) => {
    const fixture = await shellAs(role ? aUserWithRole(role) : null);

    expect(navLinks(fixture.nativeElement)).toEqual(expected);
  });

  it('gives a page opened from a client’s review link a neutral header, with no way into the site', async () => {
    const fixture = await shellAs(null);
    const router = TestBed.inject(Router);

    await router.navigateByUrl('/client-review');
    await fixture.whenStable();

    const header = (fixture.nativeElement as HTMLElement).querySelector('header') as HTMLElement;
    expect(header.textContent).toContain('Heardback');
    expect(header.querySelectorAll('a')).toHaveLength(0);
    expect(navLinks(fixture.nativeElement)).toEqual([]);
  });

  it('marks the page you are on in the navigation', async () => {
    const fixture = await shellAs(null);
    const router = TestBed.inject(Router);

    await router.navigateByUrl('/sign-in');
    await fixture.whenStable();

    const current = (fixture.nativeElement as HTMLElement).querySelector('nav [aria-current="page"]');
    expect(current?.textContent?.trim()).toBe('Sign in');
  });

  it('signs out, returns to the board and says so', async () => {
    const fixture = await shellAs(aUserWithRole(UserRole.Candidate));
    const root = fixture.nativeElement as HTMLElement;

    Array.from(root.querySelectorAll('button'))
      .find((button) => button.textContent?.trim() === 'Sign out')
      ?.click();
    http.expectOne({ method: 'POST', url: '/api/auth/logout' }).flush(null);
    await fixture.whenStable();
    http.expectOne((request) => request.url === '/api/jobs');
    await fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/jobs');
    expect(navLinks(root)).toEqual(['Jobs', 'Sign in', 'Register']);
    expect(root.querySelector('[aria-live]')?.textContent).toContain('You are signed out.');
  });

  it('shows page notices in a live region, and clears them on the next page', async () => {
    const fixture = await shellAs(null);
    const root = fixture.nativeElement as HTMLElement;
    const router = TestBed.inject(Router);

    TestBed.inject(NoticeService).show('Something to know');
    await fixture.whenStable();
    expect(root.querySelector('[aria-live="polite"]')?.textContent).toContain('Something to know');

    await router.navigateByUrl('/sign-in');
    await fixture.whenStable();
    expect(root.querySelector('[aria-live="polite"]')?.textContent).not.toContain('Something to know');
  });
});
