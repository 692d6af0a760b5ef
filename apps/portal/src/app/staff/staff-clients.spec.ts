import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture } from '@angular/core/testing';
import { ErrorCode } from '@heardback/contracts';
import { StaffClients } from './staff-clients';
import { apiErrorBody } from '../testing/factories';
import { afterSearchPause, renderComponent } from '../testing/setup';

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

  const page = (items: { id: string; name: string }[], total = items.length, nextCursor: string | null = null) => ({
    items,
    nextCursor,
    total,
  });

  it('lists the clients in the API’s order (by name), with the true total, and loads more', async () => {
    http.expectOne('/api/clients').flush(
      page(
        [
          { id: '1', name: 'Bluefin Health' },
          { id: '2', name: 'Orchard Retail' },
        ],
        3,
        'next-page',
      ),
    );
    await fixture.whenStable();
    expect(names()).toEqual(['Bluefin Health', 'Orchard Retail']);
    expect(view().querySelector('.status-line')?.textContent?.trim()).toBe('2 of 3 clients');

    (
      Array.from(view().querySelectorAll('button')).find((b) => b.textContent?.includes('Load more')) as HTMLElement
    ).click();
    http.expectOne('/api/clients?cursor=next-page').flush(page([{ id: '3', name: 'Zephyr Foods' }], 3));
    await fixture.whenStable();
    expect(names()).toEqual(['Bluefin Health', 'Orchard Retail', 'Zephyr Foods']);
    expect(view().querySelector('.status-line')?.textContent?.trim()).toBe('3 clients');
    expect(Array.from(view().querySelectorAll('button')).some((b) => b.textContent?.includes('Load more'))).toBe(false);
    // Each opens its own page, with its contacts and settings.
    expect(view().querySelector('.client-list__item a')?.getAttribute('href')).toBe('/staff/clients/1');
  });

  it('searches the names as one types', async () => {
    http.expectOne('/api/clients').flush(page([{ id: '1', name: 'Bluefin Health' }], 1));
    await fixture.whenStable();
    const search = view().querySelector('#client-search') as HTMLInputElement;
    search.value = 'orch';
    search.dispatchEvent(new Event('input'));
    await afterSearchPause(fixture);
    http.expectOne('/api/clients?q=orch').flush(page([{ id: '2', name: 'Orchard Retail' }], 1));
    await fixture.whenStable();
    expect(names()).toEqual(['Orchard Retail']);
    expect(view().querySelector('.status-line')?.textContent?.trim()).toBe('1 client whose name contains “orch”');
  });

  it('adds a client, lists the clients again and says so, with a link to it', async () => {
    http.expectOne('/api/clients').flush(page([{ id: '1', name: 'Bluefin Health' }]));
    await fixture.whenStable();

    await add('  Acme Robotics ');
    const request = http.expectOne({ method: 'POST', url: '/api/clients' });
    expect(request.request.body).toEqual({ name: 'Acme Robotics' });
    request.flush({ id: '3', name: 'Acme Robotics' });
    await fixture.whenStable();
    http.expectOne('/api/clients').flush(
      page([
        { id: '3', name: 'Acme Robotics' },
        { id: '1', name: 'Bluefin Health' },
      ]),
    );
    await fixture.whenStable();

    expect(names()).toEqual(['Acme Robotics', 'Bluefin Health']);
    expect(view().textContent).toContain('“Acme Robotics” added.');
    expect(view().querySelector('.client-form__added a')?.getAttribute('href')).toBe('/staff/clients/3');
    expect(nameBox().value).toBe('');
  });

  it('says under the name when the client already exists (409)', async () => {
    http.expectOne('/api/clients').flush(page([]));
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
    http.expectOne('/api/clients').flush(page([]));
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
    http.expectOne('/api/clients').flush(page([]));
    await fixture.whenStable();
    expect(view().textContent).toContain('There are no clients yet.');
  });
});
