import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ApplicationView, ErrorCode, PromiseKind } from '@heardback/contracts';
import { PromisePanel, movesLeftText } from './promise-panel';
import { anApplication, apiErrorBody, aPromise, TEST_NOW } from '../testing/factories';
import { setUpPortalTest } from '../testing/setup';
import { formatShortDate, formatShortDateTime } from '../core/date-time';
import { localDateTimeToIso } from '../core/local-date-time';

describe('PromisePanel', () => {
  let fixture: ComponentFixture<PromisePanel>;
  let http: HttpTestingController;
  let moved: ApplicationView[];
  let staleCount: number;

  /** Due Fri 5 Jun 2026, 16:00 UTC: after TEST_NOW (Mon 1 Jun, 12:00 UTC). */
  const DUE = '2026-06-05T16:00:00.000Z';

  async function render(application: ApplicationView = anApplication({ promise: aPromise({ dueAt: DUE }) })) {
    http = setUpPortalTest({ now: TEST_NOW });
    fixture = TestBed.createComponent(PromisePanel);
    fixture.componentRef.setInput('application', application);
    moved = [];
    staleCount = 0;
    fixture.componentInstance.moved.subscribe((view) => moved.push(view));
    fixture.componentInstance.stale.subscribe(() => staleCount++);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const view = () => fixture.nativeElement as HTMLElement;
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const control = (id: string) => view().querySelector(`#${id}`) as HTMLInputElement | HTMLTextAreaElement;
  const errors = () => Array.from(view().querySelectorAll('.field__error'), text);
  const submit = async () => {
    (view().querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
  };
  async function set(id: string, value: string) {
    control(id).value = value;
    control(id).dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }
  async function fillMove(date = '2026-06-10', sentence = 'The hiring manager is away until Tuesday.') {
    await set('move-date-date', date);
    await set('move-date-sentence', sentence);
  }

  it('says what the candidate is promised and by when', async () => {
    await render();

    expect(text(view().querySelector('h2'))).toBe('What Ana is promised');
    expect(text(view().querySelector('[data-testid="promise-now"]'))).toBe(
      `The answer about Phone screen, by ${formatShortDateTime(DUE).replace(/\s+/g, ' ')} Due in 4 days 4 hours`,
    );
    expect(view().querySelector('.promise__history')).toBeNull();
  });

  it.each([
    [PromiseKind.Screening, null, 'Whether they move forward'],
    [PromiseKind.NextStep, 'stage-2', 'When their next interview is'],
    [PromiseKind.Hold, 'stage-1', 'News on Phone screen, on hold'],
    [PromiseKind.UpdateRequest, null, 'An answer to their request for an update'],
    [PromiseKind.OfferReply, null, 'Their reply to the offer, asked'],
  ])('names a %s promise in the agency’s words', async (kind, stageId, words) => {
    await render(anApplication({ promise: aPromise({ kind, stageId, dueAt: DUE }) }));
    expect(text(view().querySelector('.promise__kind'))).toBe(words);
  });

  it('shows where a moved date came from and the sentence the candidate was sent', async () => {
    await render(
      anApplication({
        promise: aPromise({
          dueAt: DUE,
          sentence: 'The client needs one more day.',
          previousDueAts: ['2026-06-02T16:00:00.000Z', '2026-06-03T16:00:00.000Z'],
        }),
      }),
    );

    expect(text(view().querySelector('.promise__history'))).toBe(
      `Moved from ${formatShortDate('2026-06-02T16:00:00.000Z')}, then ${formatShortDate('2026-06-03T16:00:00.000Z')}.`.replace(
        /\s+/g,
        ' ',
      ),
    );
    expect(text(view().querySelector('blockquote'))).toBe('The client needs one more day.');
  });

  it('says when the agency’s rules set the date because nobody acted', async () => {
    await render(
      anApplication({
        promise: aPromise({ dueAt: DUE, automatic: true, previousDueAts: ['2026-05-29T16:00:00.000Z'] }),
      }),
    );
    expect(text(view())).toContain("Set by the agency's rules: nobody acted by the last date");
    expect(view().querySelector('blockquote')).toBeNull();
  });

  it('says how many more moves a recruiter has, and hides the form once only staff may move it', async () => {
    await render(anApplication({ redatingsLeft: 2 }));
    expect(text(view().querySelector('[data-testid="moves-left"]'))).toBe('2 more moves before staff must approve.');
    expect(movesLeftText(1)).toBe('1 more move before staff must approve');

    fixture.componentRef.setInput('application', anApplication({ redatingsLeft: 0 }));
    await fixture.whenStable();
    expect(view().querySelector('form')).toBeNull();
    expect(text(view().querySelector('[data-testid="redating-limit"]'))).toContain('Only staff can move it again');
  });

  it('offers no move for the answer to a question: a message answers it', async () => {
    await render(
      anApplication({ promise: aPromise({ dueAt: DUE, kind: PromiseKind.UpdateRequest }), redatingsLeft: 2 }),
    );
    expect(view().querySelector('form')).toBeNull();
    expect(text(view().querySelector('[data-testid="answer-question"]'))).toContain('Send them a message below');
  });

  it('shows staff the form with no count: they have no limit', async () => {
    await render(anApplication({ redatingsLeft: null }));
    expect(view().querySelector('form')).not.toBeNull();
    expect(view().querySelector('[data-testid="moves-left"]')).toBeNull();
  });

  it('requires a future date and a sentence before sending anything', async () => {
    await render();
    await submit();
    http.expectNone(() => true);
    expect(errors()).toEqual(['Choose the date.', 'Tell Ana why the date moves: they are sent these words with it.']);
    expect(document.activeElement?.id).toBe('move-date-date');
    expect(control('move-date-time').getAttribute('aria-invalid')).toBe('true');

    await fillMove('2026-05-31', '   ');
    await submit();
    http.expectNone(() => true);
    expect(errors()).toEqual([
      'Choose a date and time in the future.',
      'Tell Ana why the date moves: they are sent these words with it.',
    ]);

    await set('move-date-time', '');
    await set('move-date-date', '2026-06-10');
    expect(errors()[0]).toBe('Give the time as well.');
  });

  it('moves the date with the sentence and the version, and hands the new application to the page', async () => {
    await render();
    await fillMove('2026-06-10', '  The hiring manager is away until Tuesday. ');
    await submit();

    const request = http.expectOne({ method: 'POST', url: '/api/applications/app-1/promise' });
    expect(request.request.body).toEqual({
      dueAt: localDateTimeToIso('2026-06-10', '17:00'),
      candidateMessage: 'The hiring manager is away until Tuesday.',
      version: 3,
    });
    const updated = anApplication({ version: 4, promise: aPromise({ dueAt: '2026-06-10T16:00:00.000Z' }) });
    request.flush(updated);
    await fixture.whenStable();
    expect(moved).toEqual([updated]);
    expect((control('move-date-sentence') as HTMLTextAreaElement).value).toBe('');
    expect(errors()).toEqual([]);
  });

  it('shows the API’s reason on the field: a named field, or the date when none is named', async () => {
    await render();
    await fillMove();
    await submit();
    http
      .expectOne('/api/applications/app-1/promise')
      .flush(
        ...apiErrorBody(400, ErrorCode.ValidationFailed, 'invalid', [
          { field: 'candidateMessage', reasons: ['must be shorter than or equal to 1000 characters'] },
        ]),
      );
    await fixture.whenStable();
    expect(errors()).toEqual(['Must be shorter than or equal to 1000 characters.']);

    await set('move-date-sentence', 'Shorter.');
    await submit();
    http
      .expectOne('/api/applications/app-1/promise')
      .flush(...apiErrorBody(400, ErrorCode.ValidationFailed, 'The new date is more than 20 working days ahead.'));
    await fixture.whenStable();
    expect(errors()).toEqual(['The new date is more than 20 working days ahead.']);
    expect(document.activeElement?.id).toBe('move-date-date');
    expect(view().querySelector('[role="alert"]')).toBeNull();
  });

  it('says staff must move it when the API refuses a recruiter with no moves left', async () => {
    await render();
    await fillMove();
    await submit();
    http
      .expectOne('/api/applications/app-1/promise')
      .flush(...apiErrorBody(403, ErrorCode.RedatingNeedsStaff, 'Only staff can move this date now.'));
    await fixture.whenStable();
    expect(text(view().querySelector('[role="alert"]'))).toBe(
      'You have moved this date as often as a recruiter may. Ask agency staff to move it.',
    );
    expect(moved).toEqual([]);
  });

  it('hands over to the page when someone else acted first', async () => {
    await render();
    await fillMove();
    await submit();
    http
      .expectOne('/api/applications/app-1/promise')
      .flush(...apiErrorBody(409, ErrorCode.StaleVersion, 'Someone else changed this application.'));
    await fixture.whenStable();
    expect(staleCount).toBe(1);
  });

  it('says nothing is promised when there is no promise', async () => {
    await render(anApplication({ promise: null, redatingsLeft: null }));
    expect(text(view())).toContain('Nothing is promised to Ana right now.');
    expect(view().querySelector('form')).toBeNull();
  });
});
