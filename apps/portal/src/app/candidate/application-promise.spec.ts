import { HttpTestingController } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  ApplicationStatus,
  CandidateApplicationView,
  PromiseKind,
  TimelineEventType,
  WaitingFor,
} from '@heardback/contracts';
import { ApplicationPage } from './application-page';
import { aCandidateApplicationBetweenInterviews, aPromise, TEST_NOW } from '../testing/factories';
import { routeHarness } from '../testing/setup';
import { aSatisfactionView } from '../testing/satisfaction-factories';
import { formatDate, formatDateTime } from '../core/date-time';

/** "Where you stand" always shows the agency's current promise, and the history its entries. */
describe('ApplicationPage: the promise', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(
    async () =>
      ({ harness, http } = await routeHarness({
        routes: [{ path: 'me/applications/:id', component: ApplicationPage }],
        now: TEST_NOW,
      })),
  );

  afterEach(() => http.verify());

  const view = () => harness.routeNativeElement as HTMLElement;
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  /** A date as the page writes it, in this browser's language and zone; spaces as `text()` reads them. */
  const when = (iso: string) => formatDateTime(iso).replace(/\s+/g, ' ');

  async function open(application: CandidateApplicationView) {
    await harness.navigateByUrl(`/me/applications/${application.id}`);
    http.expectOne(`/api/applications/${application.id}`).flush(application);
    await harness.fixture.whenStable();
  }

  it.each([
    [PromiseKind.Screening, null, 'We will tell you whether you move forward by'],
    [PromiseKind.Answer, 's2', 'We will tell you how your Technical interview went by'],
    [PromiseKind.NextStep, 's3', 'We will tell you when your next interview is by'],
    [PromiseKind.Hold, 's1', 'Your Phone screen stage is on hold: you will hear from us again by'],
    [PromiseKind.UpdateRequest, null, 'We will answer your question by'],
    [PromiseKind.OfferReply, null, 'Please reply to the offer by'],
  ])('always shows the current %s promise in “Where you stand”, with its date', async (kind, stageId, words) => {
    const dueAt = '2026-06-05T16:00:00.000Z';
    await open(aCandidateApplicationBetweenInterviews({ promise: aPromise({ kind, stageId, dueAt }) }));

    const promise = view().querySelector('.summary [data-testid="promise"]');
    expect(text(promise)).toBe(`${words} ${when(dueAt)}`);
    expect(promise?.querySelector('blockquote')).toBeNull();
  });

  it('shows a moved date with the sentence the candidate was sent and the date it replaced', async () => {
    await open(
      aCandidateApplicationBetweenInterviews({
        promise: aPromise({
          stageId: 's2',
          dueAt: '2026-06-05T16:00:00.000Z',
          sentence: 'The hiring manager is ill; she will decide on Friday.',
          previousDueAts: ['2026-06-03T16:00:00.000Z'],
        }),
      }),
    );

    const promise = view().querySelector('.summary [data-testid="promise"]');
    expect(text(promise?.querySelector('.promise__moved'))).toBe(
      `Date moved (was ${formatDate('2026-06-03T16:00:00.000Z').replace(/\s+/g, ' ')})`,
    );
    expect(text(promise?.querySelector('blockquote'))).toBe('“The hiring manager is ill; she will decide on Friday.”');
  });

  it('says honestly when nobody answered in time and the agency’s rules set the new date', async () => {
    await open(
      aCandidateApplicationBetweenInterviews({
        promise: aPromise({
          stageId: 's2',
          dueAt: '2026-06-05T16:00:00.000Z',
          automatic: true,
          sentence: 'We do not have an answer yet.',
          previousDueAts: ['2026-05-29T16:00:00.000Z'],
        }),
      }),
    );

    const promise = view().querySelector('.summary [data-testid="promise"]');
    expect(text(promise?.querySelector('.promise__why'))).toBe(
      "We didn't have an answer by the date we gave you. We have chased it; this is the new date.",
    );
    expect(promise?.querySelector('blockquote')).toBeNull();
  });

  it('promises nothing on a closed application', async () => {
    await open(
      aCandidateApplicationBetweenInterviews({
        status: ApplicationStatus.Hired,
        currentStageId: null,
        waitingFor: WaitingFor.Nothing,
        promise: null,
      }),
    );
    http.expectOne('/api/me/applications/app-1/satisfaction').flush(aSatisfactionView());

    expect(view().querySelector('[data-testid="promise"]')).toBeNull();
  });

  it('shows the promise entries of the history in the words the API sent', async () => {
    const base = aCandidateApplicationBetweenInterviews();
    const entries = [
      [TimelineEventType.PromiseRedated, 'We moved the date for your answer to Friday: the hiring manager is ill.'],
      [TimelineEventType.PromiseUpdated, "We don't have an answer yet. We have chased it; you will hear by Friday."],
      [TimelineEventType.PromiseCheckIn, 'No news yet: the date we gave you, Friday, still stands.'],
    ] as const;
    await open({
      ...base,
      timeline: [
        ...base.timeline,
        ...entries.map(([type, words], index) => ({
          at: `2026-05-2${index + 1}T09:00:00.000Z`,
          type,
          stageId: 's2',
          text: words,
        })),
      ],
    });

    expect(Array.from(view().querySelectorAll('.event__text'), text).slice(0, 3)).toEqual(
      entries.map(([, words]) => words).reverse(),
    );
  });
});
