import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture } from '@angular/core/testing';
import { ErrorCode } from '@heardback/contracts';
import { StaffClients } from './staff-clients';
import { apiErrorBody } from '../testing/factories';
import { renderComponent } from '../testing/setup';

describe('StaffClients', () => {
  let fixture: ComponentFixture<StaffClients>;
  let http: HttpTestingController;

  beforeEach(async () => ({ fixture, http } = await renderComponent(StaffClients)));

  afterEach(() => http.verify());

  const view = () => fixture.nativeElement as HTMLElement;
  const names = () => Array.from(view().querySelectorAll('.client-list__item')).map((i) => i.textContent?.trim());
  const nameBox = () => view().querySelector('#client-name') as HTMLInputElement;

  async function add(name: string) {
    nameBox().value = name;
    nameBox().dispatchEvent(new Event('input'));
    (view().querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
  }

  it('lists the clients alphabetically', async () => {
    http.expectOne('/api/clients').flush([
      { id: '2', name: 'Orchard Retail' },
      { id: '1', name: 'Bluefin Health' },
    ]);
    await fixture.whenStable();
    expect(names()).toEqual(['Bluefin Health', 'Orchard Retail']);
    expect(view().querySelector('.status-line')?.textContent?.trim()).toBe('2 clients');
    // Each opens its own page, with its contacts and settings.
    expect(view().querySelector('.client-list__item a')?.getAttribute('href')).toBe('/staff/clients/1');
  });

  it('adds a client, shows it in the list and says so', async () => {
    http.expectOne('/api/clients').flush([{ id: '1', name: 'Bluefin Health' }]);
    await fixture.whenStable();

    await add('  Acme Robotics ');
    const request = http.expectOne({ method: 'POST', url: '/api/clients' });
    expect(request.request.body).toEqual({ name: 'Acme Robotics' });
    request.flush({ id: '3', name: 'Acme Robotics' });
    await fixture.whenStable();

    expect(names()).toEqual(['Acme Robotics', 'Bluefin Health']);
    expect(view().textContent).toContain('“Acme Robotics” added.');
    expect(nameBox().value).toBe('');
  });

  it('says under the name when the client already exists (409)', async () => {
    http.expectOne('/api/clients').flush([]);
    await fixture.whenStable();

    await add('Bluefin Health');
    http
      .expectOne({ method: 'POST', url: '/api/clients' })
      .flush(...apiErrorBody(409, ErrorCode.ClientNameTaken, 'A client named "Bluefin Health" already exists.'));
    await fixture.whenStable();

    expect(nameBox().getAttribute('aria-invalid')).toBe('true');
    expect(view().querySelector('#client-name-error')?.textContent?.trim()).toBe(
      'A client named "Bluefin Health" already exists.',
    );
    expect(document.activeElement).toBe(nameBox());
  });

  it('sends nothing for a blank name', async () => {
    http.expectOne('/api/clients').flush([]);
    await fixture.whenStable();
    await add('   ');
    http.expectNone({ method: 'POST', url: '/api/clients' });
    expect(view().querySelector('#client-name-error')?.textContent?.trim()).toBe('Type the client’s name.');
  });

  it('says when there are no clients yet, and when they cannot be loaded', async () => {
    http.expectOne('/api/clients').flush(...apiErrorBody(500, ErrorCode.Internal, 'boom'));
    await fixture.whenStable();
    expect(view().querySelector('[role="alert"]')?.textContent).toContain("We couldn't load the clients");

    (
      Array.from(view().querySelectorAll('button')).find(
        (b) => b.textContent?.trim() === 'Try again',
      ) as HTMLButtonElement
    ).click();
    http.expectOne('/api/clients').flush([]);
    await fixture.whenStable();
    expect(view().textContent).toContain('There are no clients yet.');
  });
});
