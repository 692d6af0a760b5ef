import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ApplicationStatus, ApplicationView, ErrorCode, PayPeriod } from '@heardback/contracts';
import { ApplicationDecisions } from './application-decisions';
import { anApplication, anOffer, apiErrorBody, TEST_NOW } from '../testing/factories';
import { localDateTimeToIso } from '../core/local-date-time';
import { setUpPortalTest } from '../testing/setup';

describe('ApplicationDecisions', () => {
  let fixture: ComponentFixture<ApplicationDecisions>;
  let http: HttpTestingController;
  let changed: ApplicationView[];
  let staleCount: number;
  let goToFeedbackCount: number;

  beforeEach(async () => {
    http = setUpPortalTest({ now: TEST_NOW });
    fixture = TestBed.createComponent(ApplicationDecisions);
    fixture.componentRef.setInput('application', anApplication());
    changed = [];
    staleCount = 0;
    goToFeedbackCount = 0;
    fixture.componentInstance.changed.subscribe((view) => changed.push(view));
    fixture.componentInstance.stale.subscribe(() => staleCount++);
    fixture.componentInstance.goToFeedback.subscribe(() => goToFeedbackCount++);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const view = () => fixture.nativeElement as HTMLElement;
  const buttons = () => Array.from(view().querySelectorAll('button')).map((b) => b.textContent?.trim());
  const button = (name: string) =>
    Array.from(view().querySelectorAll('button')).find((b) => b.textContent?.trim() === name) as
      | HTMLButtonElement
      | undefined;

  async function click(name: string) {
    const target = button(name);
    if (!target) throw new Error(`No button “${name}” in: ${buttons().join(', ')}`);
    target.click();
    await fixture.whenStable();
  }

  async function typeRejection(text: string) {
    const box = view().querySelector('#reject-message') as HTMLTextAreaElement;
    box.value = text;
    box.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('offers an offer and a rejection on an open application, and hiring only after an offer', async () => {
    expect(buttons()).toEqual(['Make an offer…', 'Reject…']);

    fixture.componentRef.setInput('application', anApplication({ status: ApplicationStatus.Offer, offer: anOffer() }));
    await fixture.whenStable();
    expect(buttons()).toEqual(['Mark as hired…', 'Reject…']);
  });

  it('says up front, instead of the buttons, which stage owes feedback before any decision, and leads to its form', async () => {
    fixture.componentRef.setInput('application', anApplication({ feedbackOwedStageIds: ['stage-1'] }));
    await fixture.whenStable();

    expect(buttons()).toEqual(['Go to the feedback form']);
    expect(view().querySelector('[data-testid="feedback-owed"]')?.textContent).toContain(
      'Record feedback for Phone screen before rejecting or making an offer',
    );
    await click('Go to the feedback form');
    expect(goToFeedbackCount).toBe(1);
  });

  it('asks for the terms of an offer the last stage announced, and does not hire before they are written', async () => {
    fixture.componentRef.setInput('application', anApplication({ status: ApplicationStatus.Offer, offer: null }));
    await fixture.whenStable();
    expect(buttons()).toEqual(['Make an offer…', 'Reject…']);
  });

  it('sends the terms written, and leaves out what was left empty', async () => {
    await click('Make an offer…');
    expect((view().querySelector('#offer-title') as HTMLInputElement).value).toBe('Backend Engineer');
    const type = async (selector: string, value: string) => {
      const input = view().querySelector(selector) as HTMLInputElement | HTMLTextAreaElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    await type('#offer-pay-amount', '64000');
    await type('#offer-pay-currency', 'gbp');
    await type('#offer-start-date', '2026-07-01');
    await type('#offer-message', '  Welcome aboard, we hope.  ');
    await click('Make the offer');

    const request = http.expectOne({ method: 'POST', url: '/api/applications/app-1/offer' });
    expect(request.request.body).toEqual({
      version: 3,
      title: 'Backend Engineer',
      pay: { amount: 64000, currency: 'GBP', period: PayPeriod.Year },
      startDate: '2026-07-01',
      message: 'Welcome aboard, we hope.',
    });
    request.flush(
      ...apiErrorBody(400, ErrorCode.ValidationFailed, 'invalid', [
        { field: 'pay.currency', reasons: ['must be a three-letter ISO currency code such as EUR'] },
      ]),
    );
    await fixture.whenStable();
    expect(view().querySelector('#offer-pay-currency-error')?.textContent?.trim()).toBe(
      'Must be a three-letter ISO currency code such as EUR.',
    );
  });

  async function typeReplyBy(date: string) {
    const input = view().querySelector('#offer-reply-by-date') as HTMLInputElement;
    input.value = date;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('makes an offer without a reply-by date, leaving the agency’s default to apply', async () => {
    await click('Make an offer…');
    const replyBy = view().querySelector('#offer-reply-by-date');
    expect(replyBy?.closest('fieldset')?.querySelector('legend')?.textContent?.trim()).toBe('Reply by (optional)');
    expect(replyBy?.getAttribute('aria-describedby')).toContain('offer-reply-by-hint');
    await click('Make the offer');

    const request = http.expectOne({ method: 'POST', url: '/api/applications/app-1/offer' });
    expect(request.request.body).toEqual({ version: 3, title: 'Backend Engineer' });
    request.flush(anApplication({ status: ApplicationStatus.Offer }));
    await fixture.whenStable();
    expect(changed).toHaveLength(1);
  });

  it('sends the reply-by date when one is given, and refuses one in the past before sending', async () => {
    await click('Make an offer…');
    await typeReplyBy('2026-05-20');
    await click('Make the offer');
    http.expectNone(() => true);
    expect(view().querySelector('#offer-reply-by-date-error')?.textContent?.trim()).toBe(
      'Choose a date and time in the future.',
    );

    await typeReplyBy('2026-06-08');
    await click('Make the offer');
    const request = http.expectOne({ method: 'POST', url: '/api/applications/app-1/offer' });
    expect(request.request.body).toEqual({
      version: 3,
      title: 'Backend Engineer',
      replyBy: localDateTimeToIso('2026-06-08', '17:00'),
    });
    request.flush(
      ...apiErrorBody(400, ErrorCode.ValidationFailed, 'invalid', [
        { field: 'replyBy', reasons: ['must be at most 20 working days ahead'] },
      ]),
    );
    await fixture.whenStable();
    expect(view().querySelector('#offer-reply-by-date-error')?.textContent?.trim()).toBe(
      'Must be at most 20 working days ahead.',
    );
    expect(view().querySelector('[data-testid="decision-problem"]')?.textContent).toContain(
      'Reply by: Must be at most 20 working days ahead.',
    );
  });

  it('offers nothing on a closed application', async () => {
    fixture.componentRef.setInput('application', anApplication({ status: ApplicationStatus.Rejected }));
    await fixture.whenStable();
    expect(buttons()).toEqual([]);
    expect(view().textContent).toContain('This application is rejected: there is nothing left to decide.');
  });

  it('will not reject without a message to the candidate', async () => {
    await click('Reject…');
    expect(document.activeElement?.id).toBe('reject-message');

    await click('Reject application');
    http.expectNone(() => true);
    expect(view().querySelector('#reject-message-error')?.textContent?.trim()).toBe(
      'Write the message to the candidate before rejecting.',
    );
  });

  it('shows the refusal next to the action, naming the stage, when feedback is missing', async () => {
    await click('Reject…');
    await typeRejection('We have decided not to go ahead.');
    await click('Reject application');

    const request = http.expectOne('/api/applications/app-1/reject');
    expect(request.request.body).toEqual({
      candidateMessage: 'We have decided not to go ahead.',
      version: 3,
    });
    request.flush(
      ...apiErrorBody(
        409,
        ErrorCode.FeedbackRequired,
        'Record feedback for "Phone screen" first: the candidate must hear how it went before the application moves on.',
      ),
    );
    await fixture.whenStable();

    const problem = view().querySelector('[data-testid="decision-problem"]') as HTMLElement;
    expect(problem.getAttribute('role')).toBe('alert');
    expect(problem.textContent).toContain('The application was not rejected');
    expect(problem.textContent).toContain('Record feedback for "Phone screen" first');
    expect(document.activeElement).toBe(problem);
    // The message typed is kept, to send once the feedback is in.
    expect((view().querySelector('#reject-message') as HTMLTextAreaElement).value).toBe(
      'We have decided not to go ahead.',
    );
    expect(changed).toEqual([]);

    await click('Go to the feedback form');
    expect(goToFeedbackCount).toBe(1);
  });

  it('makes the offer after confirmation, naming the stages it skips', async () => {
    await click('Make an offer…');
    expect(view().textContent).toContain(
      'The stages not yet held will be skipped: Technical interview, Final interview.',
    );
    await click('Make the offer');

    const request = http.expectOne('/api/applications/app-1/offer');
    expect(request.request.body).toEqual({ version: 3, title: 'Backend Engineer' });
    const updated = anApplication({ status: ApplicationStatus.Offer, version: 4 });
    request.flush(updated);
    await fixture.whenStable();
    expect(changed).toEqual([updated]);
  });

  it('names only the stages the API says an offer skips, and none when it skips none', async () => {
    fixture.componentRef.setInput('application', anApplication({ offerSkipsStageIds: ['stage-3'] }));
    await fixture.whenStable();
    await click('Make an offer…');
    expect(view().textContent).toContain('The stages not yet held will be skipped: Final interview.');

    fixture.componentRef.setInput('application', anApplication({ offerSkipsStageIds: [] }));
    await fixture.whenStable();
    expect(view().textContent).toContain('Make an offer to Ana Silva?');
    expect(view().textContent).not.toContain('will be skipped');
  });

  it('tells the page to reload when someone else acted first', async () => {
    fixture.componentRef.setInput('application', anApplication({ status: ApplicationStatus.Offer, offer: anOffer() }));
    await fixture.whenStable();
    await click('Mark as hired…');
    await click('Mark as hired');

    http.expectOne('/api/applications/app-1/hire').flush(...apiErrorBody(409, ErrorCode.StaleVersion, 'stale'));
    await fixture.whenStable();
    expect(staleCount).toBe(1);
    expect(view().querySelector('[data-testid="decision-problem"]')).toBeNull();
  });
});
