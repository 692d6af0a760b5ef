import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ErrorCode } from '@heardback/contracts';
import { ConsentSettings } from './consent-settings';
import { setUpPortalTest } from '../testing/setup';
import { apiErrorBody } from '../testing/factories';

const notice = { version: 2, text: 'Who we are\nA recruitment agency.', publishedAt: '2026-12-01T09:00:00Z' };

describe('ConsentSettings', () => {
  let fixture: ComponentFixture<ConsentSettings>;
  let http: HttpTestingController;

  async function open(talentPool: { noticeVersion: number; givenAt: string } | null, openApplications = 2) {
    http = setUpPortalTest();
    fixture = TestBed.createComponent(ConsentSettings);
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: '/api/me/consents' }).flush({ talentPool, openApplications });
    http.expectOne({ method: 'GET', url: '/api/privacy-notice' }).flush(notice);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const text = () => (fixture.nativeElement as HTMLElement).textContent?.replace(/\s+/g, ' ') ?? '';
  const button = (name: string) =>
    Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === name,
    ) as HTMLButtonElement;

  it('says the application consent ends by withdrawing the application, and offers the notice to read', async () => {
    await open(null);
    expect(text()).toContain('It covers your 2 open applications.');
    expect(text()).toContain('To withdraw that consent, withdraw the application');
    expect(text()).toContain('Read the privacy notice (version 2)');
    expect(text()).toContain('Off. Recruiters consider you only for the jobs you apply to.');
  });

  it('gives the talent-pool consent under the notice version shown', async () => {
    await open(null);
    button('Consider me for other jobs').click();
    const request = http.expectOne({ method: 'POST', url: '/api/me/consents/talent-pool' });
    expect(request.request.body).toEqual({ privacyNoticeVersion: 2 });
    request.flush({ talentPool: { noticeVersion: 2, givenAt: '2026-12-02T10:00:00Z' }, openApplications: 2 });
    await fixture.whenStable();

    expect(text()).toContain('Recruiters may now consider you for other jobs.');
    expect(text()).toContain('(privacy notice version 2)');
    expect(button('Stop considering me for other jobs')).toBeDefined();
  });

  it('withdraws the talent-pool consent at any time', async () => {
    await open({ noticeVersion: 1, givenAt: '2026-11-02T10:00:00Z' });
    button('Stop considering me for other jobs').click();
    http
      .expectOne({ method: 'DELETE', url: '/api/me/consents/talent-pool' })
      .flush({ talentPool: null, openApplications: 2 });
    await fixture.whenStable();

    expect(text()).toContain('Done: recruiters will consider you only for the jobs you apply to.');
  });

  it('reloads the notice when it changed before the candidate agreed', async () => {
    await open(null);
    button('Consider me for other jobs').click();
    http
      .expectOne({ method: 'POST', url: '/api/me/consents/talent-pool' })
      .flush(...apiErrorBody(409, ErrorCode.PrivacyNoticeChanged, 'The privacy notice has changed'));
    await fixture.whenStable();
    http.expectOne('/api/me/consents').flush({ talentPool: null, openApplications: 2 });
    http.expectOne('/api/privacy-notice').flush({ ...notice, version: 3 });
    await fixture.whenStable();

    expect(text()).toContain('The privacy notice has just changed. Read the new version, then choose again.');
    expect(text()).toContain('Read the privacy notice (version 3)');
  });
});
