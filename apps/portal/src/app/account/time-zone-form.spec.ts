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

  async function render(timeZone: string | null) {
    http = setUpPortalTest({ now: new Date('2026-01-08T15:00:00.000Z') });
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
  const choose = async (zone: string) => {
    select().value = zone;
    select().dispatchEvent(new Event('change'));
    root().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  };

  it('starts at the zone in use: the saved one, else the browser’s', async () => {
    await render(null);
    expect(select().value).toBe(browserTimeZone());
    TestBed.resetTestingModule();
    await render('Asia/Tokyo');
    expect(select().value).toBe('Asia/Tokyo');
    expect(root().textContent).toContain('GMT+9');
  });

  it('saves the chosen zone, and every time on the pages follows it', async () => {
    await render(null);
    await choose('America/New_York');

    const request = http.expectOne({ method: 'PATCH', url: '/api/me/profile' });
    expect(request.request.body).toEqual({ fullName: 'Casey Candidate', timeZone: 'America/New_York' });
    request.flush(aUser({ timeZone: 'America/New_York' }));
    await fixture.whenStable();

    expect(currentTimeZone()).toBe('America/New_York');
    expect(root().textContent).toContain('Saved. Times are now shown in America/New_York.');
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
