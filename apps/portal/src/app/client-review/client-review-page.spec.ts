import { Location } from '@angular/common';
import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { ClientReviewLinkState, ErrorCode, FeedbackDecision } from '@heardback/contracts';
import { formatDateTime, formatDateTimeRange } from '../core/date-time';
import { aClientReviewPage, apiErrorBody, TEST_NOW } from '../testing/factories';
import { routeHarness, signedInAs } from '../testing/setup';
import { ClientReviewPage } from './client-review-page';
import { DEAD_LINK_WORDS, DeadLink } from './client-review-words';

describe('ClientReviewPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    sessionStorage.clear();
    ({ harness, http } = await routeHarness({
      routes: [
        { path: 'client-review', component: ClientReviewPage },
        { path: 'elsewhere', children: [] },
      ],
      now: TEST_NOW,
    }));
    // The startup check of who is signed in, which sets the XSRF cookie the first POST needs.
    await signedInAs(http, null);
  });

  afterEach(() => http.verify());

  const view = () => harness.routeNativeElement as HTMLElement;
  const text = (element: Element | null = view()) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const settle = () => harness.fixture.whenStable();
  const openRequest = (): TestRequest => http.expectOne({ method: 'POST', url: '/api/client-review/open' });
  const field = (id: string) => view().querySelector(`#${id}`) as HTMLInputElement | HTMLTextAreaElement;
  /** The radio button of a choice group, found by the words on it ("Hold", "3"). */
  const radio = (group: string, label: string) =>
    Array.from(view().querySelectorAll<HTMLLabelElement>(`input[name="${group}"]`))
      .map((input) => input.closest('label') as HTMLLabelElement)
      .find((choice) => text(choice.querySelector('.choice__label')) === label)
      ?.querySelector('input') as HTMLInputElement;

  async function openLink(review = aClientReviewPage()) {
    await harness.navigateByUrl('/client-review#secret-token-1');
    openRequest().flush(review);
    await settle();
  }

  async function type(id: string, value: string) {
    field(id).value = value;
    field(id).dispatchEvent(new Event('input'));
    await settle();
  }

  async function submit() {
    (view().querySelector('form button[type="submit"]') as HTMLButtonElement).click();
    await settle();
  }

  it('opens the link with the token from the fragment, in the body, and takes it out of the address', async () => {
    await harness.navigateByUrl('/client-review#secret-token-1');
    const request = openRequest();

    expect(request.request.body).toEqual({ token: 'secret-token-1' });
    expect(TestBed.inject(Location).path(true)).toBe('/client-review');
    expect(text()).toContain('Opening your link…');
    request.flush(aClientReviewPage());
  });

  it('shows who it is for and this one interview: candidate, job, client, stage, time and promised date', async () => {
    const interview = { startsAt: '2026-05-29T09:00:00.000Z', endsAt: '2026-05-29T10:00:00.000Z' };
    const feedbackDueAt = '2026-06-02T16:00:00.000Z';
    await openLink(aClientReviewPage({ interview, feedbackDueAt }));

    expect(text(view().querySelector('.client-review__for'))).toBe('For Jo Hiring');
    expect(text(view().querySelector('h1'))).toBe('Your feedback on Ana Silva');
    const facts = text(view().querySelector('.client-review__facts'));
    expect(facts).toContain('Backend Engineer at Northwind Logistics');
    expect(facts).toContain('StagePhone screen');
    expect(facts).toContain(formatDateTimeRange(interview.startsAt, interview.endsAt).replace(/\s+/g, ' '));
    expect(facts).toContain(`Answer promised to the candidate by${formatDateTime(feedbackDueAt)}`.replace(/\s+/g, ' '));
    expect(text(view().querySelector('.client-review__cv button'))).toBe('Download CV (ana-silva-cv.pdf, 245 KB)');
  });

  it('offers no CV download when the candidate sent none', async () => {
    await openLink(aClientReviewPage({ cv: null, interview: null, feedbackDueAt: null }));

    expect(view().querySelector('.client-review__cv')).toBeNull();
    expect(text(view().querySelector('.client-review__facts'))).not.toContain('Interview');
  });

  it('downloads the CV with a POST carrying the token, saved under its own name', async () => {
    const createObjectURL = jest.fn(() => 'blob:cv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked: { href: string; download: string }[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.getAttribute('href') ?? '', download: this.download });
    });
    await openLink();

    (view().querySelector('.client-review__cv button') as HTMLButtonElement).click();
    const request = http.expectOne({ method: 'POST', url: '/api/client-review/cv' });
    expect(request.request.body).toEqual({ token: 'secret-token-1' });
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['%PDF'], { type: 'application/pdf' }));
    await settle();

    expect(clicked).toEqual([{ href: 'blob:cv', download: 'ana-silva-cv.pdf' }]);
    click.mockRestore();
  });

  it.each([
    ClientReviewLinkState.Used,
    ClientReviewLinkState.Expired,
    ClientReviewLinkState.Revoked,
    ClientReviewLinkState.Replaced,
    ClientReviewLinkState.FeedbackRecorded,
  ])('says plainly why a %s link no longer opens the form', async (state) => {
    await harness.navigateByUrl('/client-review#secret-token-1');
    openRequest().flush(
      { statusCode: 410, code: ErrorCode.ReviewLinkClosed, message: 'Gone', state },
      { status: 410, statusText: 'Gone' },
    );
    await settle();

    const dead = text(view().querySelector('[data-testid="client-review-dead"]'));
    expect(dead).toContain(DEAD_LINK_WORDS[state as DeadLink].title);
    expect(dead).toContain(DEAD_LINK_WORDS[state as DeadLink].sentence);
    expect(view().querySelector('form')).toBeNull();
  });

  it('says the link is used in the words a client expects', () => {
    expect(DEAD_LINK_WORDS[ClientReviewLinkState.Used].sentence).toContain(
      'You already sent your feedback on this interview, thank you',
    );
    expect(DEAD_LINK_WORDS[ClientReviewLinkState.Replaced].sentence).toContain(
      'please use the one in the latest email',
    );
  });

  it.each([
    [404, ErrorCode.NotFound, 'unknown'],
    [429, ErrorCode.TooManyRequests, 'too-many'],
  ] as const)('answers a %s with its own sentence', async (status, code, reason) => {
    await harness.navigateByUrl('/client-review#secret-token-1');
    openRequest().flush(...apiErrorBody(status, code, 'No'));
    await settle();

    expect(text(view().querySelector('[data-testid="client-review-dead"]'))).toContain(
      DEAD_LINK_WORDS[reason].sentence,
    );
  });

  it('waits for the startup session check before its first POST, which needs the XSRF cookie it sets', async () => {
    TestBed.resetTestingModule();
    ({ harness, http } = await routeHarness({ routes: [{ path: 'client-review', component: ClientReviewPage }] }));
    await harness.navigateByUrl('/client-review#secret-token-1');
    http.expectNone('/api/client-review/open');

    http.expectOne('/api/auth/session').flush({ user: null });
    // The answer reaches the page through a few promise steps.
    await new Promise((next) => setTimeout(next, 0));
    openRequest().flush(aClientReviewPage());
  });

  it('sends nothing when opened without a link, and says where the link is', async () => {
    await harness.navigateByUrl('/client-review');
    await settle();

    http.expectNone('/api/client-review/open');
    expect(text()).toContain(DEAD_LINK_WORDS['no-link'].sentence);
  });

  it('says what is missing and sends nothing when the form is incomplete', async () => {
    await openLink();
    await submit();

    const problems = Array.from(view().querySelectorAll('.field__error'), (element) => text(element));
    expect(problems).toEqual([
      'Choose a decision: advance, hold or reject.',
      'Choose a rating from 1 to 4.',
      'Write what the candidate should hear: every candidate hears back, in words.',
    ]);
    http.expectNone('/api/client-review/feedback');
  });

  it('asks for the date the candidate hears again on hold', async () => {
    await openLink();
    radio('client-decision', 'Hold').click();
    radio('client-rating', '2').click();
    await type('client-candidate-message', 'We need another week to decide.');
    await submit();

    expect(text(view().querySelector('hb-due-date-fields'))).toContain('The candidate hears again by');
    expect(text(view().querySelector('hb-due-date-fields .field__error'))).toBe('Choose the date.');
    http.expectNone('/api/client-review/feedback');
  });

  it('sends the feedback with the token, then thanks them and says what happens next', async () => {
    await openLink();
    radio('client-decision', 'Advance').click();
    radio('client-rating', '3').click();
    await type('client-candidate-message', '  Thank you for a great conversation.  ');
    await type('client-agency-notes', 'Strong on queues.');
    await submit();

    const request = http.expectOne({ method: 'POST', url: '/api/client-review/feedback' });
    expect(request.request.body).toEqual({
      token: 'secret-token-1',
      decision: FeedbackDecision.Advance,
      rating: 3,
      candidateMessage: 'Thank you for a great conversation.',
      internalNotes: 'Strong on queues.',
    });
    request.flush({ published: false }, { status: 201, statusText: 'Created' });
    await settle();

    const thanks = text(view().querySelector('[data-testid="client-review-thanks"]'));
    expect(thanks).toContain('Thank you, Jo Hiring');
    expect(thanks).toContain('They review it');
    expect(thanks).toContain('Ana Silva hears from them');
    expect(view().querySelector('form')).toBeNull();
  });

  it('keeps the link and what was typed through a reload, and forgets both once the feedback is sent', async () => {
    await openLink();
    radio('client-decision', 'Hold').click();
    radio('client-rating', '3').click();
    await type('client-candidate-message', 'Half of what I meant to say');

    // A reload: the page starts again (the first is never left) at the address without the fragment.
    expect(TestBed.inject(Location).path(true)).toBe('/client-review');
    const reloaded = TestBed.createComponent(ClientReviewPage);
    await reloaded.whenStable();
    const reopened = openRequest();
    expect(reopened.request.body).toEqual({ token: 'secret-token-1' });
    reopened.flush(aClientReviewPage());
    await reloaded.whenStable();
    await new Promise((next) => setTimeout(next));
    await reloaded.whenStable();
    const page = reloaded.nativeElement as HTMLElement;
    expect((page.querySelector('#client-candidate-message') as HTMLTextAreaElement).value).toBe(
      'Half of what I meant to say',
    );
    const decision = (label: string) =>
      Array.from(page.querySelectorAll<HTMLInputElement>('input[name="client-decision"]')).find(
        (input) => text(input.closest('label')?.querySelector('.choice__label') ?? null) === label,
      ) as HTMLInputElement;
    expect(decision('Hold').checked).toBe(true);

    // Sent after the reload: nothing is kept any more.
    decision('Advance').click();
    await reloaded.whenStable();
    (page.querySelector('form button[type="submit"]') as HTMLButtonElement).click();
    await reloaded.whenStable();
    const sent = http.expectOne('/api/client-review/feedback');
    expect(sent.request.body).toMatchObject({
      token: 'secret-token-1',
      candidateMessage: 'Half of what I meant to say',
    });
    sent.flush({ published: false }, { status: 201, statusText: 'Created' });
    await reloaded.whenStable();
    expect(sessionStorage.length).toBe(0);
    reloaded.destroy();
  });

  it('forgets the link once the interviewer leaves the page for another in the same tab', async () => {
    await openLink();
    expect(sessionStorage.length).toBe(1);
    await harness.navigateByUrl('/elsewhere');
    expect(sessionStorage.length).toBe(0);
  });

  it('says the candidate already has the words when the client’s feedback is published automatically', async () => {
    await openLink();
    radio('client-decision', 'Advance').click();
    radio('client-rating', '4').click();
    await type('client-candidate-message', 'Brilliant, see you soon.');
    await submit();
    http.expectOne('/api/client-review/feedback').flush({ published: true }, { status: 201, statusText: 'Created' });
    await settle();

    const thanks = text(view().querySelector('[data-testid="client-review-thanks"]'));
    expect(thanks).toContain('Ana Silva can already read what you wrote for them');
    expect(thanks).not.toContain('They review it');
  });

  it('shows the API’s reason at the field it names', async () => {
    await openLink();
    radio('client-decision', 'Reject').click();
    radio('client-rating', '1').click();
    await type('client-candidate-message', 'No.');
    await submit();

    http
      .expectOne('/api/client-review/feedback')
      .flush(
        ...apiErrorBody(400, ErrorCode.ValidationFailed, 'Invalid', [
          { field: 'candidateMessage', reasons: ['Say a little more: the candidate reads this.'] },
        ]),
      );
    await settle();

    expect(text(view().querySelector('#client-candidate-message-error'))).toBe(
      'Say a little more: the candidate reads this.',
    );
  });

  it('says so when the agency recorded the feedback while the form was open', async () => {
    await openLink();
    radio('client-decision', 'Advance').click();
    radio('client-rating', '4').click();
    await type('client-candidate-message', 'Brilliant.');
    await submit();

    http.expectOne('/api/client-review/feedback').flush(
      {
        statusCode: 410,
        code: ErrorCode.ReviewLinkClosed,
        message: 'Gone',
        state: ClientReviewLinkState.FeedbackRecorded,
      },
      { status: 410, statusText: 'Gone' },
    );
    await settle();

    expect(text(view().querySelector('[data-testid="client-review-dead"]'))).toContain(
      DEAD_LINK_WORDS[ClientReviewLinkState.FeedbackRecorded].sentence,
    );
  });
});
