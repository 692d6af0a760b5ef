import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ErrorCode } from '@heardback/contracts';
import { SessionStore } from '../core/session';
import { browserTimeZone, currentTimeZone, setViewerTimeZone } from '../core/viewer-time-zone';
import { apiErrorBody, aUser } from '../testing/factories';
import { setUpPortalTest } from '../testing/setup';
import { TimeZoneForm } from './time-zone-form';

describe('TimeZoneForm', () => {
  let fixture: ComponentFixture<TimeZoneForm>;
  let http: HttpTestingController;
  let session: SessionStore;

  async function render(timeZone: string | null, now = new Date('2026-01-08T15:00:00.000Z')) {
    http = setUpPortalTest({ now });
    session = TestBed.inject(SessionStore);
    session.update(aUser({ timeZone }));
    fixture = TestBed.createComponent(TimeZoneForm);
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    setViewerTimeZone(null);
  });

  const root = () => fixture.nativeElement as HTMLElement;
  const select = () => root().querySelector<HTMLSelectElement>('#profile-time-zone') as HTMLSelectElement;
  const group = (region: string) => root().querySelector<HTMLOptGroupElement>(`optgroup[label="${region}"]`);
  const option = (zone: string) => select().querySelector<HTMLOptionElement>(`option[value="${zone}"]`);
  const choose = async (zone: string) => {
    select().value = zone;
    select().dispatchEvent(new Event('change'));
    root().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  };

  it('lists the zones by region, each named by its city and its offset today', async () => {
    await render(null);

    expect(Array.from(select().querySelectorAll('optgroup'), (each) => each.label)).toEqual([
      'Africa',
      'Americas',
      'Asia',
      'Atlantic Ocean',
      'Australia',
      'Europe',
      'Indian Ocean',
      'Pacific Ocean',
      'Other',
    ]);
    const london = group('Europe')?.querySelector<HTMLOptionElement>('option[value="Europe/London"]');
    expect(london?.textContent?.trim()).toMatch(/^London — GMT \(.+\)$/);
    expect(option('Asia/Tokyo')?.textContent?.trim()).toMatch(/^Tokyo — GMT\+9 \(.+\)$/);
    expect(option('America/Argentina/Ushuaia')?.textContent?.trim()).toMatch(/^Ushuaia, Argentina — GMT-3/);
    // Within a region, by city, so typing a city's first letters in the select finds it.
    const europe = Array.from(group('Europe')?.querySelectorAll('option') ?? [], (each) => each.textContent ?? '');
    expect(europe).toEqual([...europe].sort((a, b) => a.localeCompare(b)));
  });

  it('gives each zone the offset it has on the day the page is read', async () => {
    await render(null, new Date('2026-07-08T15:00:00.000Z'));
    expect(option('Europe/London')?.textContent?.trim()).toMatch(/^London — GMT\+1/);
  });

  it('starts at the zone in use: the saved one, else the browser’s', async () => {
    await render(null);
    expect(select().value).toBe(browserTimeZone());
    TestBed.resetTestingModule();
    await render('Asia/Tokyo');
    expect(select().value).toBe('Asia/Tokyo');
    expect(select().selectedOptions[0].textContent?.trim()).toMatch(/^Tokyo — GMT\+9/);
    expect(root().textContent).toContain('GMT+9');
  });

  it('offers UTC under Other, although browsers do not list it', async () => {
    // Browsers list canonical zones only, and "UTC" is an alias.
    expect(Intl.supportedValuesOf('timeZone')).not.toContain('UTC');
    await render('Asia/Tokyo');
    expect(group('Other')?.querySelector('option[value="UTC"]')?.textContent?.trim()).toBe('UTC — GMT');

    TestBed.resetTestingModule();
    await render('UTC');
    expect(select().value).toBe('UTC');
    expect(select().querySelectorAll('option[value="UTC"]')).toHaveLength(1);
  });

  it('keeps a zone in use that the browser does not list, chosen once', async () => {
    // "Asia/Kolkata" is the alias; the browser lists "Asia/Calcutta".
    expect(Intl.supportedValuesOf('timeZone')).not.toContain('Asia/Kolkata');
    await render('Asia/Kolkata');

    expect(select().value).toBe('Asia/Kolkata');
    expect(select().querySelectorAll('option[value="Asia/Kolkata"]')).toHaveLength(1);
    expect(group('Asia')?.querySelector('option[value="Asia/Kolkata"]')?.textContent?.trim()).toMatch(
      /^Kolkata — GMT\+5:30/,
    );
  });

  it('names a city as people name it now, whatever the browser’s id keeps', async () => {
    await render('Asia/Tokyo');
    expect(option('Asia/Calcutta')?.textContent?.trim()).toMatch(/^Kolkata — GMT\+5:30/);
    expect(option('Europe/Kiev')?.textContent?.trim()).toMatch(/^Kyiv — GMT\+2/);
    expect(option('Asia/Saigon')?.textContent?.trim()).toMatch(/^Ho Chi Minh City — GMT\+7/);
  });

  it('saves the chosen zone, and every time on the pages follows it', async () => {
    await render(null);
    await choose('America/New_York');

    const request = http.expectOne({ method: 'PATCH', url: '/api/me/profile' });
    expect(request.request.body).toEqual({ fullName: 'Casey Candidate', timeZone: 'America/New_York' });
    request.flush(aUser({ timeZone: 'America/New_York' }));
    await fixture.whenStable();

    expect(currentTimeZone()).toBe('America/New_York');
    expect(root().querySelector('[role="status"]')?.textContent?.trim()).toBe(
      'Saved. Times are now shown in New York — GMT-5 (Eastern Time).',
    );
  });

  it('shows the API’s reason beside the select when it refuses the zone', async () => {
    await render(null);
    await choose('Europe/London');
    http
      .expectOne({ method: 'PATCH', url: '/api/me/profile' })
      .flush(
        ...apiErrorBody(400, ErrorCode.ValidationFailed, 'Check the highlighted fields.', [
          { field: 'timeZone', reasons: ['Enter a time zone name such as Europe/London.'] },
        ]),
      );
    await fixture.whenStable();

    expect(root().querySelector('.field__error')?.textContent).toBe('Enter a time zone name such as Europe/London.');
  });
});
