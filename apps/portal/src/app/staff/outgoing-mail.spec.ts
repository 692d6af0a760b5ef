import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { ErrorCode } from '@heardback/contracts';
import { OutgoingMail, mailRows } from './outgoing-mail';
import { aMail, apiErrorBody } from '../testing/factories';
import { renderComponent, routeHarness } from '../testing/setup';
import { RouterTestingHarness } from '@angular/router/testing';

describe('mailRows', () => {
  it('marks failed and given-up mail as problems, in words', () => {
    const rows = mailRows([
      aMail({ id: 'ok' }),
      aMail({ id: 'retry', status: 'failed', attempts: 3, lastError: '451 try later', sentAt: null }),
      aMail({ id: 'dead', status: 'failed', attempts: 8, givenUpReason: 'mailbox does not exist', sentAt: null }),
      aMail({ id: 'wait', status: 'pending', attempts: 0, sentAt: null }),
      aMail({ id: 'held', status: 'pending', attempts: 0, sentAt: null, heldUntilVerified: true }),
    ]);
    expect(rows.map((row) => [row.status, row.problem, row.attempts])).toEqual([
      ['Sent', false, '1 attempt'],
      ['Failed, will retry', true, '3 attempts'],
      ['Given up', true, '8 attempts'],
      ['Waiting to send', false, '0 attempts'],
      ['Held: address not confirmed yet', false, '0 attempts'],
    ]);
    expect(rows[3].sent).toBeNull();
  });
});

describe('OutgoingMail', () => {
  let fixture: ComponentFixture<OutgoingMail>;
  let http: HttpTestingController;

  beforeEach(async () => ({ fixture, http } = await renderComponent(OutgoingMail)));

  afterEach(() => http.verify());

  const view = () => fixture.nativeElement as HTMLElement;
  const status = () => view().querySelector('[role="status"]')?.textContent?.trim();
  const rows = () => Array.from(view().querySelectorAll('[data-testid="mail"]'));

  async function answer(body: object | string | null, options?: { status: number; statusText: string }) {
    const page = Array.isArray(body) ? { items: body, nextCursor: null } : body;
    http.expectOne('/api/agency/notifications').flush(page, options);
    await fixture.whenStable();
  }

  it('shows subject, recipient, status, attempts, the problem and the body behind a disclosure', async () => {
    expect(status()).toBe('Loading outgoing mail…');
    await answer([
      aMail(),
      aMail({
        id: 'n2',
        subject: 'Reminder',
        kind: 'feedback_reminder',
        recipientEmail: 'riley@agency.test',
        status: 'failed',
        attempts: 2,
        lastError: 'connection refused',
        sentAt: null,
      }),
    ]);
    expect(status()).toBe('2 emails, 1 failing or given up');
    const [first, second] = rows();
    expect(first.querySelector('h2')?.textContent?.trim()).toBe('News on your application');
    expect(first.textContent).toContain('To ana@example.test · To a candidate');
    expect(mailRows([aMail({ recipientName: 'Ana Silva' })])[0].to).toBe('Ana Silva <ana@example.test>');
    expect(first.querySelector('.badge')?.textContent?.trim()).toBe('Sent');
    expect(first.querySelector('details')?.hasAttribute('open')).toBe(false);
    expect(first.querySelector('details pre')?.textContent).toContain('the client decides on Friday');
    expect(second.querySelector('.badge')?.textContent?.trim()).toBe('Failed, will retry');
    expect(second.textContent).toContain('Last error: connection refused');
    expect(second.textContent).toContain('2 attempts');
    expect(second.classList).toContain('staff-row--alarm');
  });

  it('says when no mail has been sent', async () => {
    await answer([]);
    expect(status()).toBe('No mail yet');
    expect(rows()).toHaveLength(0);
  });

  it('says what went wrong', async () => {
    await answer(...apiErrorBody(403, ErrorCode.Forbidden, 'no'));
    expect(view().querySelector('[role="alert"]')?.textContent).toContain('not allowed');
  });
});

describe('OutgoingMail filters', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(
    async () => ({ harness, http } = await routeHarness({ routes: [{ path: 'staff/mail', component: OutgoingMail }] })),
  );

  afterEach(() => http.verify());

  const view = () => harness.routeNativeElement as HTMLElement;

  it('reads the filters from the link, shows them in the form, and asks the API for that mail only', async () => {
    await harness.navigateByUrl('/staff/mail?recipient=ana&status=failed&kind=escalation', OutgoingMail);
    http
      .expectOne('/api/agency/notifications?recipient=ana&status=failed&kind=escalation')
      .flush({ items: [], nextCursor: null });
    await harness.fixture.whenStable();

    expect((view().querySelector('#mail-recipient') as HTMLInputElement).value).toBe('ana');
    expect((view().querySelector('#mail-status') as HTMLSelectElement).value).toBe('failed');
    expect(view().querySelector('label[for="mail-kind"]')?.textContent?.trim()).toBe('Kind');
    expect(view().querySelector('[role="status"]')?.textContent?.trim()).toBe('No mail matches these filters');
  });

  it('puts the chosen filters in the URL, so the link can be shared', async () => {
    await harness.navigateByUrl('/staff/mail', OutgoingMail);
    http.expectOne('/api/agency/notifications').flush({ items: [], nextCursor: null });
    await harness.fixture.whenStable();

    const recipient = view().querySelector('#mail-recipient') as HTMLInputElement;
    recipient.value = 'riley@';
    recipient.dispatchEvent(new Event('input'));
    (view().querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();

    http.expectOne('/api/agency/notifications?recipient=riley@').flush({ items: [], nextCursor: null });
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/staff/mail?recipient=riley@');
  });

  it('loads older mail with the cursor and adds it below', async () => {
    await harness.navigateByUrl('/staff/mail?kind=escalation', OutgoingMail);
    http
      .expectOne('/api/agency/notifications?kind=escalation')
      .flush({ items: [aMail({ id: 'a' })], nextCursor: 'next-page' });
    await harness.fixture.whenStable();

    (
      Array.from(view().querySelectorAll('button')).find((b) =>
        b.textContent?.includes('Load more'),
      ) as HTMLButtonElement
    ).click();
    http
      .expectOne('/api/agency/notifications?kind=escalation&cursor=next-page')
      .flush({ items: [aMail({ id: 'b', subject: 'Older' })], nextCursor: null });
    await harness.fixture.whenStable();

    expect(view().querySelectorAll('[data-testid="mail"]')).toHaveLength(2);
    expect(view().textContent).not.toContain('Load more');
    // Focus moves to the first new email, not back to the top of the page.
    await new Promise((next) => setTimeout(next));
    expect(document.activeElement?.getAttribute('data-index')).toBe('1');
  });
});
