import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ErrorCode, UserRole } from '@heardback/contracts';
import { StaffUsers } from './staff-users';
import { apiErrorBody } from '../testing/factories';
import { setUpPortalTest } from '../testing/setup';

describe('StaffUsers', () => {
  let fixture: ComponentFixture<StaffUsers>;
  let http: HttpTestingController;

  beforeEach(async () => {
    http = setUpPortalTest();
    fixture = TestBed.createComponent(StaffUsers);
    await fixture.whenStable();
    http.expectOne('/api/users').flush([
      { id: '1', email: 'sam@x.test', fullName: 'Sam Staff', role: UserRole.Staff, createdAt: '2026-01-05T10:00:00Z' },
      {
        id: '2',
        email: 'ria@x.test',
        fullName: 'Ria Recruiter',
        role: UserRole.Recruiter,
        createdAt: '2026-02-05T10:00:00Z',
      },
    ]);
    await fixture.whenStable();
  });

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
    expect(items.map((item) => item.querySelector('.user-list__name')?.textContent?.trim())).toEqual([
      'Ria Recruiter',
      'Sam Staff',
    ]);
    expect(items[0].querySelector('.badge')?.textContent?.trim()).toBe('Recruiter');
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
    http.expectOne({ method: 'GET', url: '/api/users' }).flush([]);
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

    expect(view().querySelector('#user-email-error')?.textContent?.trim()).toBe(
      'An account with this email already exists.',
    );
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
    const sam = {
      id: '1',
      email: 'sam@x.test',
      fullName: 'Sam Staff',
      role: UserRole.Staff,
      createdAt: '2026-01-05T10:00:00Z',
    };
    request.flush({ ...sam, disabledAt: null, isAgencyLead: true });
    await fixture.whenStable();
    http.expectOne('/api/users').flush([{ ...sam, disabledAt: null, isAgencyLead: true }]);
    await fixture.whenStable();
    const lead = view().querySelector('hb-agency-lead-toggle');
    expect(lead?.querySelector('.badge')?.textContent?.trim()).toBe('Agency lead');
    expect(lead?.querySelector('button')?.getAttribute('aria-pressed')).toBe('true');
  });
});
