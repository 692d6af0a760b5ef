import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { AgencyUserView, ErrorCode, UserRole } from '@heardback/contracts';
import { EMAIL_HAS_ACCOUNT, StaffUsers } from './staff-users';
import { TEST_NOW, anAgencyUser, apiErrorBody } from '../testing/factories';
import { afterSearchPause, setUpPortalTest } from '../testing/setup';

describe('StaffUsers', () => {
  let fixture: ComponentFixture<StaffUsers>;
  let http: HttpTestingController;

  beforeEach(async () => {
    http = setUpPortalTest({ now: TEST_NOW });
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
  const rowOf = (name: string) =>
    Array.from(view().querySelectorAll('.user-list__item')).find((row) => row.textContent?.includes(name));
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

  it('invites a staff member with no password of ours, says so, and lists them as invited', async () => {
    expect(view().querySelector('input[type="password"]')).toBeNull();
    await fill({ 'user-name': 'Lee Park', 'user-email': 'lee@x.test' });
    Array.from(view().querySelectorAll<HTMLInputElement>('input[type="radio"]'))[1].click();
    await submit();

    const request = http.expectOne({ method: 'POST', url: '/api/users' });
    expect(request.request.body).toEqual({ fullName: 'Lee Park', email: 'lee@x.test', role: 'staff' });
    const LEE = anAgencyUser({
      id: '3',
      email: 'lee@x.test',
      fullName: 'Lee Park',
      invitationSentAt: '2026-05-30T09:00:00Z',
    });
    request.flush(LEE);
    await fixture.whenStable();
    expect(view().textContent).toContain(
      'Invitation sent to Lee Park (staff) at lee@x.test. They can sign in once they have chosen a password from the link.',
    );
    http.expectOne({ method: 'GET', url: '/api/users' }).flush(page([LEE, RIA]));
    await fixture.whenStable();
    const row = rowOf('Lee Park');
    expect(row?.querySelector('hb-invitation-status')?.textContent).toContain('Invited');
    expect(row?.querySelector('hb-invitation-status')?.textContent).toContain('not accepted yet');
    expect(rowOf('Ria Recruiter')?.querySelector('hb-invitation-status button')).toBeNull();
  });

  it('says when an invitation has expired, so staff know to send it again', async () => {
    const search = view().querySelector('#user-search') as HTMLInputElement;
    search.value = 'ria';
    search.dispatchEvent(new Event('input'));
    await afterSearchPause(fixture);
    // Eight days before TEST_NOW: the link worked for seven.
    http.expectOne('/api/users?q=ria').flush(page([{ ...RIA, invitationSentAt: '2026-05-24T11:00:00Z' }]));
    await fixture.whenStable();
    const status = rowOf('Ria Recruiter')?.querySelector('hb-invitation-status');
    expect(status?.querySelector('.badge')?.textContent?.trim()).toBe('Invitation expired');
    expect(status?.textContent).toContain('its link no longer works');
    expect(status?.querySelector('button')?.textContent).toContain('Send the invitation again');
  });

  it('sends a pending invitation again and says the earlier link no longer works', async () => {
    const invited = anAgencyUser({ ...RIA, invitationSentAt: '2026-05-30T09:00:00Z' });
    const search = view().querySelector('#user-search') as HTMLInputElement;
    search.value = 'ria';
    search.dispatchEvent(new Event('input'));
    await afterSearchPause(fixture);
    http.expectOne('/api/users?q=ria').flush(page([invited]));
    await fixture.whenStable();
    const resend = rowOf('Ria Recruiter')?.querySelector('hb-invitation-status button') as HTMLButtonElement;
    expect(resend.textContent?.replace(/\s+/g, ' ').trim()).toBe('Send the invitation again to Ria Recruiter');
    resend.click();
    await fixture.whenStable();
    http
      .expectOne({ method: 'POST', url: '/api/users/2/invitation' })
      .flush({ ...invited, invitationSentAt: '2026-06-01T11:00:00Z' });
    await fixture.whenStable();
    expect(rowOf('Ria Recruiter')?.querySelector('[role="status"]')?.textContent?.trim()).toBe(
      'A new invitation is on its way to ria@x.test, working for 7 days. The earlier link no longer works.',
    );
  });

  it('says under the email when it already has an account', async () => {
    await fill({ 'user-name': 'Sam', 'user-email': 'sam@x.test' });
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
