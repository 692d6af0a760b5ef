import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ApplicationView, ErrorCode } from '@heardback/contracts';
import { FeedbackForm, UnsentFeedback } from './feedback-form';
import { anApplication, apiErrorBody, TEST_NOW } from '../testing/factories';
import { formatDateTime } from '../core/date-time';
import { localDateTimeToIso } from '../core/local-date-time';
import { setUpPortalTest } from '../testing/setup';

describe('FeedbackForm', () => {
  let fixture: ComponentFixture<FeedbackForm>;
  let http: HttpTestingController;
  let recorded: ApplicationView[];
  let stale: UnsentFeedback[];
  const application = anApplication();

  beforeEach(async () => {
    http = setUpPortalTest({ now: TEST_NOW });
    fixture = TestBed.createComponent(FeedbackForm);
    fixture.componentRef.setInput('application', application);
    fixture.componentRef.setInput('stage', application.stages[0]);
    recorded = [];
    stale = [];
    fixture.componentInstance.recorded.subscribe((view) => recorded.push(view));
    fixture.componentInstance.stale.subscribe((unsent) => stale.push(unsent));
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const view = () => fixture.nativeElement as HTMLElement;
  const radio = (label: string) =>
    Array.from(view().querySelectorAll('label.choice'))
      .find((l) => l.querySelector('.choice__label')?.textContent?.trim().startsWith(label))
      ?.querySelector('input') as HTMLInputElement;
  const field = (label: string) => {
    const element = Array.from(view().querySelectorAll('label')).find((l) => l.textContent?.trim() === label);
    return view().querySelector(`#${element?.getAttribute('for')}`) as HTMLInputElement | HTMLTextAreaElement;
  };
  const preview = () => view().querySelector('[data-testid="candidate-preview"]') as HTMLElement;
  const errors = () => Array.from(view().querySelectorAll('.field__error')).map((e) => e.textContent?.trim());

  async function type(label: string, text: string) {
    const element = field(label);
    element.value = text;
    element.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function choose(label: string) {
    radio(label).click();
    await fixture.whenStable();
  }

  const check = () => view().querySelector('[data-testid="feedback-check"]') as HTMLElement | null;
  const submitButton = () => view().querySelector('button[type="submit"]') as HTMLButtonElement;

  /** "Check and send…", then "Send feedback" when the form was valid enough to be shown back. */
  async function submit(): Promise<void> {
    submitButton().click();
    await fixture.whenStable();
    if (check()) {
      submitButton().click();
      await fixture.whenStable();
    }
  }

  function feedbackRequest(): TestRequest {
    return http.expectOne('/api/applications/app-1/stages/stage-1/feedback');
  }

  it('shows, as it is typed, exactly the words the candidate will read', async () => {
    expect(preview().textContent).toContain('Your message will appear here, word for word.');

    await type('Message to the candidate', '  Thank you, Ana.\nYou were clear and kind.  ');

    const message = preview().querySelector('.preview__message');
    expect(message?.textContent).toBe('Thank you, Ana.\nYou were clear and kind.');
    expect(preview().textContent).toContain('Phone screen');
    expect(view().textContent).toContain('What Ana will read');
  });

  it('previews the next stage by name when the decision is to advance', async () => {
    await choose('Advance');
    expect(preview().querySelector('.preview__outcome')?.textContent?.trim()).toBe(
      'You are through to Technical interview. We will be in touch to arrange it.',
    );
    expect(preview().textContent).toContain('Done');

    await choose('Reject');
    expect(preview().querySelector('.preview__outcome')?.textContent?.trim()).toBe(
      'The application has been closed. The message above explains why.',
    );
  });

  it('previews an offer when the API says no stage follows this one', async () => {
    fixture.componentRef.setInput('application', anApplication({ nextStageId: null }));
    await fixture.whenStable();
    await choose('Advance');
    expect(preview().querySelector('.preview__outcome')?.textContent?.trim()).toBe(
      'Good news: you have passed every stage and an offer is on its way.',
    );
  });

  it('keeps internal notes in a box marked as never shown to the candidate, and out of the preview', async () => {
    await type('Internal notes (optional)', 'Salary expectations too high.');

    const notes = field('Internal notes (optional)');
    const describedBy = notes.getAttribute('aria-describedby') ?? '';
    const banner = view().querySelector(`#${describedBy.split(' ')[0]}`);
    expect(banner?.textContent?.trim()).toBe('Internal — never shown to the candidate');
    expect(preview().textContent).not.toContain('Salary expectations');
  });

  it('sends nothing and says what is missing when decision, rating or message are not given', async () => {
    await type('Message to the candidate', '    ');
    await submit();

    http.expectNone(() => true);
    expect(errors()).toEqual([
      'Choose a decision: advance, hold or reject.',
      'Choose a rating from 1 to 4.',
      'Write the message to the candidate: every candidate hears back, in words.',
    ]);
    expect(document.activeElement).toBe(radio('Advance'));
  });

  it('shows the words, the decision and to whom before sending, and Edit goes back with everything kept', async () => {
    await choose('Advance');
    await choose('3');
    await type('Message to the candidate', ' Well done, see you soon. ');
    await type('Internal notes (optional)', 'Strong.');
    expect(submitButton().textContent?.trim()).toBe('Check and send…');
    submitButton().click();
    await fixture.whenStable();

    http.expectNone(() => true);
    const shown = check() as HTMLElement;
    expect(shown.querySelector('h4')?.textContent).toBe('Check and send');
    expect(document.activeElement).toBe(shown.querySelector('h4'));
    expect(shown.textContent).toContain('Ana Silva (ana.silva@example.test)');
    expect(shown.textContent).toContain('Advance · rated 3 of 4');
    expect(shown.querySelector('.preview__message')?.textContent).toBe('Well done, see you soon.');
    expect(shown.querySelector('.preview__outcome')?.textContent?.trim()).toBe(
      'You are through to Technical interview. We will be in touch to arrange it.',
    );
    expect(shown.textContent).toContain('Strong.');
    expect(submitButton().textContent?.trim()).toBe('Send feedback');

    Array.from(view().querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === 'Edit')
      ?.click();
    await fixture.whenStable();
    expect(check()).toBeNull();
    expect(field('Message to the candidate').value).toBe(' Well done, see you soon. ');
    expect(radio('Advance').checked).toBe(true);
    expect(document.activeElement).toBe(field('Message to the candidate'));
    http.expectNone(() => true);
  });

  it('records the feedback with the trimmed message, the notes, on whose behalf, and the version', async () => {
    await choose('Advance');
    await choose('3');
    await type('Message to the candidate', ' Well done, see you soon. ');
    await type('Internal notes (optional)', 'Strong.');
    await type('On behalf of (optional)', 'Jo Hiring');
    await submit();

    const request = feedbackRequest();
    expect(request.request.body).toEqual({
      decision: 'advance',
      rating: 3,
      candidateMessage: 'Well done, see you soon.',
      internalNotes: 'Strong.',
      givenBy: 'Jo Hiring',
      version: 3,
    });
    const updated = anApplication({ version: 4 });
    request.flush(updated);
    await fixture.whenStable();
    expect(recorded).toEqual([updated]);
  });

  it('leaves out internal notes and “on behalf of” when they are empty', async () => {
    await choose('Hold');
    await choose('2');
    await type('Message to the candidate', 'We need a few more days.');
    await type('Date', '2026-06-05');
    await submit();

    const body = feedbackRequest().request.body;
    expect(body).not.toHaveProperty('internalNotes');
    expect(body).not.toHaveProperty('givenBy');
  });

  it('asks only on hold by when the candidate hears again, requires it, and sends it as holdUntil', async () => {
    await choose('Advance');
    const legends = () => Array.from(view().querySelectorAll('legend'), (legend) => legend.textContent?.trim());
    expect(legends()).not.toContain('They hear from us again by');

    await choose('Hold');
    await choose('2');
    await type('Message to the candidate', 'The client is deciding the budget.');
    expect(legends()).toContain('They hear from us again by');
    const date = field('Date') as HTMLInputElement;
    expect(date.type).toBe('date');
    expect(date.min).toBe('2026-06-01');
    expect((field('Time') as HTMLInputElement).value).toBe('17:00');
    await submit();
    http.expectNone('/api/applications/app-1/stages/stage-1/feedback');
    expect(errors()).toEqual(['Choose the date.']);
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(date);

    await type('Date', '2026-05-29');
    await submit();
    http.expectNone('/api/applications/app-1/stages/stage-1/feedback');
    expect(errors()).toEqual(['Choose a date and time in the future.']);

    await type('Date', '2026-06-05');
    const holdUntil = localDateTimeToIso('2026-06-05', '17:00') as string;
    expect(preview().textContent).toContain(
      `No decision yet: you will hear from us again by ${formatDateTime(holdUntil)}.`,
    );
    await submit();
    const request = feedbackRequest();
    expect(request.request.body).toMatchObject({ decision: 'hold', holdUntil, version: 3 });
    request.flush(
      ...apiErrorBody(400, ErrorCode.ValidationFailed, 'invalid', [
        { field: 'holdUntil', reasons: ['must be at most 20 working days ahead'] },
      ]),
    );
    await fixture.whenStable();
    expect(errors()).toEqual(['Must be at most 20 working days ahead.']);
  });

  it('sends no holdUntil with another decision, even after a date was typed on hold', async () => {
    await choose('Hold');
    await type('Date', '2026-06-05');
    await choose('Advance');
    await choose('3');
    await type('Message to the candidate', 'Through to the next stage.');
    await submit();
    expect(feedbackRequest().request.body).not.toHaveProperty('holdUntil');
  });

  it('shows the API’s field errors next to their fields', async () => {
    await choose('Advance');
    await choose('4');
    await type('Message to the candidate', 'Fine.');
    await submit();

    feedbackRequest().flush(
      ...apiErrorBody(400, ErrorCode.ValidationFailed, 'invalid', [
        { field: 'givenBy', reasons: ['must be shorter than or equal to 200 characters'] },
      ]),
    );
    await fixture.whenStable();

    const givenBy = field('On behalf of (optional)');
    expect(givenBy.getAttribute('aria-invalid')).toBe('true');
    const errorId = givenBy.getAttribute('aria-describedby')?.split(' ').pop();
    expect(view().querySelector(`#${errorId}`)?.textContent?.trim()).toBe(
      'Must be shorter than or equal to 200 characters.',
    );
    expect(view().querySelector('[role="alert"]')?.textContent).toContain('see the messages next to the fields');
    expect(recorded).toEqual([]);
  });

  it('hands the unsent message to the page when someone else acted first (409)', async () => {
    await choose('Advance');
    await choose('3');
    await type('Message to the candidate', 'Lovely to meet you.');
    await submit();

    feedbackRequest().flush(...apiErrorBody(409, ErrorCode.StaleVersion, 'Someone else changed this application.'));
    await fixture.whenStable();

    expect(stale).toEqual([{ stageName: 'Phone screen', candidateMessage: 'Lovely to meet you.' }]);
    expect(view().querySelector('[role="alert"]')).toBeNull();
  });

  it('shows a refusal that is not about a field above the button', async () => {
    await choose('Advance');
    await choose('3');
    await type('Message to the candidate', 'Thanks.');
    await submit();

    feedbackRequest().flush(
      ...apiErrorBody(
        409,
        ErrorCode.InvalidTransition,
        'Cannot record feedback: the application is already withdrawn.',
      ),
    );
    await fixture.whenStable();
    expect(view().querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Cannot record feedback: the application is already withdrawn.',
    );
  });
});
