import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { UserRole } from '@heardback/contracts';
import { SessionStore } from '../core/session';
import { aUserWithRole } from '../testing/factories';
import { setUpPortalTest } from '../testing/setup';
import { AgencyAccountPage } from './agency-account-page';

describe('AgencyAccountPage', () => {
  let fixture: ComponentFixture<AgencyAccountPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    http = setUpPortalTest({ now: new Date('2026-12-08T10:00:00.000Z') });
    TestBed.inject(SessionStore).update({ ...aUserWithRole(UserRole.Staff), agencyMail: 'daily' });
    fixture = TestBed.createComponent(AgencyAccountPage);
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: '/api/me/sessions' }).flush([]);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;

  it('shows who they are, then how we email them first among their settings', () => {
    expect(root().querySelector('h1')?.textContent).toBe('Your account');
    expect(root().textContent).toContain('You are signed in as agency staff.');
    const headings = Array.from(root().querySelectorAll('h2')).map((heading) => heading.textContent?.trim());
    expect(headings).toEqual(['How we email you', 'Your time zone', 'Change your password', 'Where you are signed in']);
    // Each section is named by its heading.
    for (const section of Array.from(root().querySelectorAll('section'))) {
      expect(root().querySelector(`#${section.getAttribute('aria-labelledby')}`)).not.toBeNull();
    }
  });

  it('starts the mail question at their saved choice', () => {
    const checked = root().querySelector<HTMLInputElement>('input[type="radio"]:checked');
    expect(checked?.closest('label')?.querySelector('.choice__label')?.textContent).toBe('Daily digest');
  });
});
