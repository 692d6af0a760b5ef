import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ErrorCode, NotificationView } from '@heardback/contracts';
import { apiErrorBody } from '../recruiter/testing/agency-factories';
import { OutgoingMail, mailRows } from './outgoing-mail';

function aMail(overrides: Partial<NotificationView> = {}): NotificationView {
  return {
    id: 'n1',
    kind: 'candidate_update',
    recipientEmail: 'ana@example.test',
    subject: 'News on your application',
    body: 'Hello Ana,\n\nMessage from Riley: the client decides on Friday.',
    status: 'sent',
    attempts: 1,
    lastError: null,
    givenUpReason: null,
    createdAt: '2026-11-20T09:00:00.000Z',
    sentAt: '2026-11-20T09:00:05.000Z',
    ...overrides,
  };
}

describe('mailRows', () => {
  it('marks failed and given-up mail as problems, in words', () => {
    const rows = mailRows([
      aMail({ id: 'ok' }),
      aMail({ id: 'retry', status: 'failed', attempts: 3, lastError: '451 try later', sentAt: null }),
      aMail({ id: 'dead', status: 'failed', attempts: 8, givenUpReason: 'mailbox does not exist', sentAt: null }),
      aMail({ id: 'wait', status: 'pending', attempts: 0, sentAt: null }),
    ]);
    expect(rows.map((row) => [row.status, row.problem, row.attempts])).toEqual([
      ['Sent', false, '1 attempt'],
      ['Failed, will retry', true, '3 attempts'],
      ['Given up', true, '8 attempts'],
      ['Waiting to send', false, '0 attempts'],
    ]);
    expect(rows[3].sent).toBeNull();
  });
});

describe('OutgoingMail', () => {
  let fixture: ComponentFixture<OutgoingMail>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OutgoingMail);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const view = () => fixture.nativeElement as HTMLElement;
  const status = () => view().querySelector('[role="status"]')?.textContent?.trim();
  const rows = () => Array.from(view().querySelectorAll('[data-testid="mail"]'));

  async function answer(body: object | string | null, options?: { status: number; statusText: string }) {
    http.expectOne('/api/agency/notifications').flush(body, options);
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
