import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { SessionStore } from '../core/session';
import { aUser, apiErrorBody } from '../testing/factories';
import { setUpPortalTest } from '../testing/setup';
import { ConfirmEmailNotice } from './confirm-email-notice';
import { ErrorCode } from '@heardback/contracts';

describe('ConfirmEmailNotice', () => {
  let http: HttpTestingController;

  async function render(emailVerified: boolean) {
    http = setUpPortalTest();
    TestBed.inject(SessionStore).update(aUser({ email: 'casey@example.com', emailVerified }));
    const fixture = TestBed.createComponent(ConfirmEmailNotice);
    await fixture.whenStable();
    const view = fixture.nativeElement as HTMLElement;
    const text = () => view.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    const sendAgain = async () => {
      view.querySelector('button')?.click();
      await fixture.whenStable();
    };
    return { fixture, view, text, sendAgain };
  }

  afterEach(() => http.verify());

  it('tells a candidate who has not confirmed their address that updates wait, and where the link went', async () => {
    const { text } = await render(false);
    expect(text()).toContain('Confirm your email address');
    expect(text()).toContain('We sent a link to casey@example.com. Until you follow it, your updates wait here');
  });

  it('sends the link again, and says so', async () => {
    const { text, sendAgain, fixture } = await render(false);
    await sendAgain();
    const request = http.expectOne('/api/me/email-verification');
    expect(request.request.method).toBe('POST');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(text()).toContain('We have sent a new link to casey@example.com.');
  });

  it('says when no link was sent, and why', async () => {
    const { text, sendAgain, fixture } = await render(false);
    await sendAgain();
    http
      .expectOne('/api/me/email-verification')
      .flush(...apiErrorBody(429, ErrorCode.TooManyRequests, 'Too many links: wait a few minutes.'));
    await fixture.whenStable();
    expect(text()).toContain('No link was sent.');
  });

  it('shows nothing once the address is confirmed', async () => {
    const { view } = await render(true);
    expect(view.querySelector('section')).toBeNull();
  });
});
