import { HttpTestingController } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { CLIENT_CONTACTS_MAX, ErrorCode, UserRole } from '@heardback/contracts';
import { ClientPage } from './client-page';
import { AUTO_PUBLISH_EXPLAINED } from './client-settings';
import { anAgencyUser, apiErrorBody } from '../testing/factories';
import { aClientContact, aClientDetail } from '../testing/client-factories';
import { routeHarness } from '../testing/setup';
import { PICKER_OPTIONS, PICKER_PAUSE_MS } from '../core/search-picker';

describe('ClientPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  const grace = aClientContact();
  const alan = aClientContact({ id: 'contact-2', fullName: 'Alan Turing', email: 'alan@northwind.example', role: '' });
  const ada = aClientContact({
    id: 'contact-3',
    fullName: 'Ada Lovelace',
    email: 'ada@northwind.example',
    archivedAt: '2026-11-01T10:00:00.000Z',
  });
  const owner = anAgencyUser({ id: 'owner-1', fullName: 'Olive Owner', role: UserRole.Recruiter });

  beforeEach(async () => {
    ({ harness, http } = await routeHarness({ routes: [{ path: 'staff/clients/:id', component: ClientPage }] }));
  });

  afterEach(() => http.verify());

  const view = () => harness.routeNativeElement as HTMLElement;
  const button = (text: string) =>
    Array.from(view().querySelectorAll('button')).find((b) => b.textContent?.replace(/\s+/g, ' ').trim() === text) as
      | HTMLButtonElement
      | undefined;
  const liveNames = () =>
    Array.from(view().querySelectorAll('[aria-label="Contacts"] .contact__name')).map((e) => e.textContent?.trim());
  const archivedNames = () =>
    Array.from(view().querySelectorAll('[aria-label="Archived contacts"] .contact__name')).map((e) =>
      e.textContent?.trim(),
    );

  async function open(detail = aClientDetail({ contacts: [alan, grace, ada], archivedContactsTotal: 1 })) {
    await harness.navigateByUrl('/staff/clients/client-1');
    http.expectOne('/api/clients/client-1').flush(detail);
    await harness.fixture.whenStable();
  }

  async function type(id: string, value: string) {
    const input = view().querySelector(`#${id}`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
  }

  it('shows the client’s live contacts with their roles and emails, and the archived ones apart', async () => {
    await open();
    expect(view().querySelector('h1')?.textContent?.trim()).toBe('Northwind Logistics');
    expect(liveNames()).toEqual(['Alan Turing', 'Grace Hopper']);
    expect(view().querySelector('[aria-label="Contacts"]')?.textContent).toContain('CTO');
    expect(view().querySelector('[aria-label="Contacts"]')?.textContent).toContain('grace@northwind.example');
    expect(archivedNames()).toEqual(['Ada Lovelace, CTO']);
    expect(view().querySelector('.client-page__archived summary')?.textContent).toContain('Archived contacts (1)');
    expect(view().querySelector('.status-line')?.textContent?.trim()).toBe('2 contacts');
  });

  it('adds a contact and lists it by name', async () => {
    await open();
    await type('contact-new-name', ' Barbara Liskov ');
    await type('contact-new-email', 'barbara@northwind.example');
    await type('contact-new-role', 'Head of Research');
    button('Add contact')?.click();
    const request = http.expectOne({ method: 'POST', url: '/api/clients/client-1/contacts' });
    expect(request.request.body).toEqual({
      fullName: 'Barbara Liskov',
      email: 'barbara@northwind.example',
      role: 'Head of Research',
    });
    request.flush(
      aClientContact({
        id: 'contact-4',
        fullName: 'Barbara Liskov',
        email: 'barbara@northwind.example',
        role: 'Head of Research',
      }),
    );
    await harness.fixture.whenStable();
    expect(liveNames()).toEqual(['Alan Turing', 'Barbara Liskov', 'Grace Hopper']);
    expect(view().querySelector('.status-line')?.textContent).toContain('Barbara Liskov added.');
    expect((view().querySelector('#contact-new-name') as HTMLInputElement).value).toBe('');
  });

  it('sends nothing without a name or with a malformed email, and says what to fix', async () => {
    await open();
    await type('contact-new-email', 'not-an-email');
    button('Add contact')?.click();
    await harness.fixture.whenStable();
    http.expectNone({ method: 'POST', url: '/api/clients/client-1/contacts' });
    expect(view().querySelector('#contact-new-name-error')?.textContent?.trim()).toBe('Type the contact’s name.');
    expect(view().querySelector('#contact-new-email-error')?.textContent).toContain('Type an email address');
  });

  it('says at the email when another contact of the client has it (409)', async () => {
    await open();
    await type('contact-new-name', 'Grace Again');
    await type('contact-new-email', 'grace@northwind.example');
    button('Add contact')?.click();
    http
      .expectOne({ method: 'POST', url: '/api/clients/client-1/contacts' })
      .flush(
        ...apiErrorBody(
          409,
          ErrorCode.ClientContactEmailTaken,
          'Another contact of this client has this email: edit that contact instead.',
        ),
      );
    await harness.fixture.whenStable();
    expect(view().querySelector('#contact-new-email-error')?.textContent?.trim()).toBe(
      'Another contact of this client has this email: edit that contact instead.',
    );
    expect(liveNames()).toEqual(['Alan Turing', 'Grace Hopper']);
  });

  it('edits a contact in place', async () => {
    await open();
    button('Edit Grace Hopper')?.click();
    await harness.fixture.whenStable();
    expect((view().querySelector('#contact-contact-1-email') as HTMLInputElement).value).toBe(
      'grace@northwind.example',
    );
    await type('contact-contact-1-role', 'Chief Technology Officer');
    button('Save contact')?.click();
    const request = http.expectOne({ method: 'PATCH', url: '/api/clients/client-1/contacts/contact-1' });
    expect(request.request.body).toEqual({
      fullName: 'Grace Hopper',
      email: 'grace@northwind.example',
      role: 'Chief Technology Officer',
    });
    request.flush({ ...grace, role: 'Chief Technology Officer' });
    await harness.fixture.whenStable();
    expect(view().querySelector('#contact-contact-1-email')).toBeNull();
    expect(view().querySelector('[aria-label="Contacts"]')?.textContent).toContain('Chief Technology Officer');
  });

  it('archives a contact only once confirmed, then lists it as archived', async () => {
    await open();
    button('Archive Grace Hopper')?.click();
    await harness.fixture.whenStable();
    expect(view().textContent).toContain('They will no longer be offered as an interviewer.');
    button('Keep')?.click();
    await harness.fixture.whenStable();
    http.expectNone({ method: 'POST', url: '/api/clients/client-1/contacts/contact-1/archive' });
    expect(liveNames()).toEqual(['Alan Turing', 'Grace Hopper']);

    button('Archive Grace Hopper')?.click();
    await harness.fixture.whenStable();
    button('Archive')?.click();
    http
      .expectOne({ method: 'POST', url: '/api/clients/client-1/contacts/contact-1/archive' })
      .flush({ ...grace, archivedAt: '2026-12-03T09:00:00.000Z' });
    await harness.fixture.whenStable();
    expect(liveNames()).toEqual(['Alan Turing']);
    expect(archivedNames()).toEqual(['Ada Lovelace, CTO', 'Grace Hopper, CTO']);
    expect(view().querySelector('.client-page__archived summary')?.textContent).toContain('Archived contacts (2)');
  });

  it('offers no form once the client has as many contacts as allowed', async () => {
    const many = Array.from({ length: CLIENT_CONTACTS_MAX }, (_, index) =>
      aClientContact({ id: `c-${index}`, fullName: `Contact ${index}`, email: `c${index}@northwind.example` }),
    );
    await open(aClientDetail({ contacts: many }));
    expect(view().querySelector('#contact-new-name')).toBeNull();
    expect(view().textContent).toContain(`This client has ${CLIENT_CONTACTS_MAX} contacts, the most it can have.`);
  });

  it('sets the account owner from the active agency people and turns auto-publish on, explaining it', async () => {
    await open();
    expect(view().textContent).toContain(AUTO_PUBLISH_EXPLAINED);
    const box = view().querySelector('#client-account-owner') as HTMLInputElement;
    expect(box.getAttribute('role')).toBe('combobox');
    // Empty means nobody, and the box says so.
    expect(box.value).toBe('');
    expect(box.placeholder).toBe('Nobody (the agency leads)');
    box.value = 'oli';
    box.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, PICKER_PAUSE_MS + 50));
    // Only people who can sign in can own a client's escalations.
    http
      .expectOne(`/api/users?q=oli&limit=${PICKER_OPTIONS}&active=true`)
      .flush({ items: [owner], nextCursor: null, total: 1 });
    await harness.fixture.whenStable();
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    const toggle = view().querySelector('input[role="switch"]') as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    toggle.click();
    await harness.fixture.whenStable();
    button('Save settings')?.click();
    const request = http.expectOne({ method: 'PATCH', url: '/api/clients/client-1' });
    expect(request.request.body).toEqual({ accountOwnerId: 'owner-1', autoPublishClientFeedback: true });
    request.flush(
      aClientDetail({
        contacts: [alan, grace, ada],
        archivedContactsTotal: 1,
        accountOwner: { id: 'owner-1', fullName: 'Olive Owner', active: true },
        autoPublishClientFeedback: true,
      }),
    );
    await harness.fixture.whenStable();
    expect(view().textContent).toContain('Settings saved.');
    expect((view().querySelector('#client-account-owner') as HTMLInputElement).value).toBe('Olive Owner');
    expect((view().querySelector('input[role="switch"]') as HTMLInputElement).checked).toBe(true);
  });

  it('keeps a disabled account owner visible as such rather than showing nobody', async () => {
    await harness.navigateByUrl('/staff/clients/client-1');
    http
      .expectOne('/api/clients/client-1')
      .flush(aClientDetail({ accountOwner: { id: 'gone-1', fullName: 'Gone Person', active: false } }));
    await harness.fixture.whenStable();
    const box = view().querySelector('#client-account-owner') as HTMLInputElement;
    expect(box.value).toBe('Gone Person (no longer active)');
    // Saved untouched, the owner is not sent: the API refuses a disabled one, and other settings must still save.
    (view().querySelector('input[role="switch"]') as HTMLInputElement).click();
    await harness.fixture.whenStable();
    button('Save settings')?.click();
    const request = http.expectOne({ method: 'PATCH', url: '/api/clients/client-1' });
    expect(request.request.body).toEqual({ autoPublishClientFeedback: true });
    request.flush(
      aClientDetail({
        accountOwner: { id: 'gone-1', fullName: 'Gone Person', active: false },
        autoPublishClientFeedback: true,
      }),
    );
    await harness.fixture.whenStable();
    expect(view().textContent).toContain('Settings saved.');
    expect(box.value).toBe('Gone Person (no longer active)');
  });

  it('refuses a name typed but not chosen, rather than saving nobody as the owner', async () => {
    await open();
    const box = view().querySelector('#client-account-owner') as HTMLInputElement;
    box.value = 'Olive Own';
    box.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
    button('Save settings')?.click();
    await harness.fixture.whenStable();
    http.expectNone({ method: 'PATCH', url: '/api/clients/client-1' });
    expect(view().querySelector('#client-account-owner-error')?.textContent?.trim()).toBe(
      'Choose the person from the list as you type, or empty the box for nobody.',
    );
    await new Promise((resolve) => setTimeout(resolve, PICKER_PAUSE_MS + 50));
    http.expectOne((request) => request.url === '/api/users').flush({ items: [owner], nextCursor: null, total: 1 });
  });

  it('says so when there is no such client', async () => {
    await harness.navigateByUrl('/staff/clients/client-1');
    http
      .expectOne('/api/clients/client-1')
      .flush(...apiErrorBody(404, ErrorCode.NotFound, 'This client does not exist.'));
    await harness.fixture.whenStable();
    expect(view().textContent).toContain('There is no such client');
  });
});
