import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { AgencyUserView, ErrorCode, UserRole } from '@heardback/contracts';
import { EMAIL_HAS_ACCOUNT, StaffUsers } from './staff-users';
import { anAgencyUser, apiErrorBody } from '../testing/factories';
import { afterSearchPause, setUpPortalTest } from '../testing/setup';

describe('StaffUsers', () => {
  let fixture: ComponentFixture<StaffUsers>;
  let http: HttpTestingController;

  beforeEach(async () => {
    http = setUpPortalTest();
    fixture = TestBed.createComponent(StaffUsers);
    await fixture.whenStable();
    // The API's order is by name; the page keeps it.
    http.expectOne('/api/users').flush(page([RIA, SAM], 2));
    await fixture.whenStable();
  });

  const SAM = anAgencyUser({ id: '1', email: 'sam@x.test', fullName: 'Sam Staff', role: UserRole.Staff });
  const RIA = anAgencyUser({ id: '2', email: 'ria@x.test', fullName: 'Ria Recruiter', role: UserRole.Recruiter });
  const page = (items: AgencyUserView[], total = items.length, nextCursor: string | null = null) => ({
    items,
    nextCursor,
    total,
  });
  const names = () => Array.from(view().querySelectorAll('.user-list__name'), (name) => name.textContent?.trim());
  const status = () => view().querySelector('.status-line')?.textContent?.trim();
  const loadMoreButton = () =>
    Array.from(view().querySelectorAll('button')).find((button) => button.textContent?.includes('Load more'));

  afterEach(() => http.verify());

  const view = () => fixture.nativeElement as HTMLElement;
  const input = (id: string) => view().querySelector(`#${id}`) as HTMLInputElement;

  async function fill(values: Record<string, string>) {
    for (const [id, value] of Object.entries(values)) {
      input(id).value = value;
      input(id).dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
  }

  async function submit() {
    (view().querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
  }

  it('lists the agency accounts with their roles', () => {
    const items = Array.from(view().querySelectorAll('.user-list__item'));
    expect(names()).toEqual(['Ria Recruiter', 'Sam Staff']);
    expect(items[0].querySelector('.badge')?.textContent?.trim()).toBe('Recruiter');
    expect(status()).toBe('2 accounts');
    expect(loadMoreButton()).toBeUndefined();
  });

  it('pages through many accounts with the true total, and lands on the first new one', async () => {
    const search = view().querySelector('#user-search') as HTMLInputElement;
    search.value = 'x.test';
    search.dispatchEvent(new Event('input'));
    await afterSearchPause(fixture);
    http.expectOne('/api/users?q=x.test').flush(page([RIA], 2, 'next-page'));
    await fixture.whenStable();
    expect(status()).toBe('1 of 2 accounts whose name or email contains “x.test”');

    loadMoreButton()?.click();
    http.expectOne('/api/users?q=x.test&cursor=next-page').flush(page([SAM], 2));
    await fixture.whenStable();
    expect(names()).toEqual(['Ria Recruiter', 'Sam Staff']);
    expect(status()).toBe('2 accounts whose name or email contains “x.test”');
    expect(loadMoreButton()).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve));
    expect(document.activeElement?.textContent?.trim()).toBe('Sam Staff');
  });

  it('says so when no account matches the search', async () => {
    const search = view().querySelector('#user-search') as HTMLInputElement;
    search.value = 'nobody';
    search.dispatchEvent(new Event('input'));
    await afterSearchPause(fixture);
    http.expectOne('/api/users?q=nobody').flush(page([]));
    await fixture.whenStable();
    expect(status()).toBe('No account’s name or email contains “nobody”');
    expect(view().querySelector('.notice')?.textContent?.trim()).toBe(
      'No account’s name or email contains what you typed. Check the spelling.',
    );
  });

  it('creates a staff account, says so, and lists it', async () => {
    await fill({ 'user-name': 'Lee Park', 'user-email': 'lee@x.test', 'user-password': 'a long password' });
    Array.from(view().querySelectorAll<HTMLInputElement>('input[type="radio"]'))[1].click();
    await submit();

    const request = http.expectOne({ method: 'POST', url: '/api/users' });
    expect(request.request.body).toEqual({
      fullName: 'Lee Park',
      email: 'lee@x.test',
      password: 'a long password',
      role: 'staff',
    });
    request.flush({ id: '3', email: 'lee@x.test', fullName: 'Lee Park', role: UserRole.Staff });
    await fixture.whenStable();
    expect(view().textContent).toContain('Account created for Lee Park (staff).');
    http.expectOne({ method: 'GET', url: '/api/users' }).flush(page([]));
  });

  it('checks the password length before sending', async () => {
    await fill({ 'user-name': 'Lee Park', 'user-email': 'lee@x.test', 'user-password': 'short' });
    await submit();
    http.expectNone({ method: 'POST', url: '/api/users' });
    expect(view().querySelector('#user-password-error')?.textContent?.trim()).toBe('Use at least 12 characters.');
    expect(document.activeElement).toBe(input('user-password'));
  });

  it('says under the email when it already has an account', async () => {
    await fill({ 'user-name': 'Sam', 'user-email': 'sam@x.test', 'user-password': 'a long password' });
    await submit();
    http
      .expectOne({ method: 'POST', url: '/api/users' })
      .flush(...apiErrorBody(409, ErrorCode.EmailTaken, 'An account with this email already exists.'));
    await fixture.whenStable();

    expect(view().querySelector('#user-email-error')?.textContent?.trim()).toBe(EMAIL_HAS_ACCOUNT);
    expect(document.activeElement).toBe(input('user-email'));
  });

  it('makes a staff member an agency lead (only staff have the switch), then shows it', async () => {
    const rows = Array.from(view().querySelectorAll('.user-list__item'));
    const ria = rows.find((row) => row.textContent?.includes('Ria Recruiter'));
    expect(ria?.querySelector('hb-agency-lead-toggle')).toBeNull();
    const toggle = Array.from(view().querySelectorAll('hb-agency-lead-toggle button')).find((button) =>
      button.textContent?.includes('Sam Staff'),
    ) as HTMLButtonElement;
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    toggle.click();
    await fixture.whenStable();
    const request = http.expectOne({ method: 'PUT', url: '/api/users/1/agency-lead' });
    expect(request.request.body).toEqual({ isAgencyLead: true });
    request.flush({ ...SAM, isAgencyLead: true });
    await fixture.whenStable();
    // The row shows the API's copy in place: the list is not asked for again, so pages loaded stay.
    http.expectNone('/api/users');
    expect(names()).toEqual(['Ria Recruiter', 'Sam Staff']);
    const lead = view().querySelector('hb-agency-lead-toggle');
    expect(lead?.querySelector('.badge')?.textContent?.trim()).toBe('Agency lead');
    expect(lead?.querySelector('button')?.getAttribute('aria-pressed')).toBe('true');
  });
});
