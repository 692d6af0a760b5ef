import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ErrorCode } from '@heardback/contracts';
import { PrivacyNoticePage } from './privacy-notice-page';
import { setUpPortalTest } from '../testing/setup';
import { apiErrorBody } from '../testing/factories';

const current = { version: 1, text: 'Who we are\nA recruitment agency.', publishedAt: '2026-12-01T09:00:00Z' };

describe('PrivacyNoticePage', () => {
  let fixture: ComponentFixture<PrivacyNoticePage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    http = setUpPortalTest();
    fixture = TestBed.createComponent(PrivacyNoticePage);
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: '/api/privacy-notice' }).flush(current);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const box = () => root().querySelector('#privacy-notice-text') as HTMLTextAreaElement;
  const type = async (value: string) => {
    box().value = value;
    box().dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  const publish = async () => {
    root().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  };

  it('starts from the current version and previews what candidates will read', async () => {
    expect(box().value).toBe(current.text);
    await type('Who we are\nA recruitment agency in six countries.\n\nYour rights\nExport, erase, withdraw.');
    const preview = root().querySelector('[aria-labelledby="preview-heading"]');
    expect(Array.from(preview?.querySelectorAll('.notice-text__heading') ?? []).map((p) => p.textContent)).toEqual([
      'Who we are',
      'Your rights',
    ]);
  });

  it('refuses to publish the same words again, at the field', async () => {
    await publish();
    http.expectNone({ method: 'POST', url: '/api/privacy-notices' });
    expect(root().querySelector('#privacy-notice-text-error')?.textContent).toContain('This is the current version');
    expect(document.activeElement).toBe(box());
  });

  it('publishes a new version based on the one shown, and says so', async () => {
    await type('Who we are\nA recruitment agency, revised.');
    expect(root().querySelector('button[type="submit"]')?.textContent?.trim()).toBe('Publish as version 2');
    await publish();
    const request = http.expectOne({ method: 'POST', url: '/api/privacy-notices' });
    expect(request.request.body).toEqual({ text: 'Who we are\nA recruitment agency, revised.', basedOnVersion: 1 });
    request.flush({ ...current, version: 2, text: 'Who we are\nA recruitment agency, revised.' });
    await fixture.whenStable();
    expect(root().textContent).toContain('Version 2 is published: candidates consent to it from now on.');
  });

  it('says when someone else published meanwhile', async () => {
    await type('Something new');
    await publish();
    http
      .expectOne({ method: 'POST', url: '/api/privacy-notices' })
      .flush(...apiErrorBody(409, ErrorCode.PrivacyNoticeChanged, 'Version 2 was published'));
    await fixture.whenStable();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('Someone published another version');
  });
});
