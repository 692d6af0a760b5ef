import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture } from '@angular/core/testing';
import { ApplicationStatus, PromiseKind, StageState, WaitingFor } from '@heardback/contracts';
import { MyApplications } from './my-applications';
import { formatDateTime } from '../core/date-time';
import { aMyApplicationsPage, aSummary, TEST_NOW } from '../testing/factories';
import { renderComponent } from '../testing/setup';

describe('MyApplications', () => {
  let fixture: ComponentFixture<MyApplications>;
  let http: HttpTestingController;

  beforeEach(async () => ({ fixture, http } = await renderComponent(MyApplications, { now: TEST_NOW })));

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const status = () => root().querySelector('[role="status"]')?.textContent?.trim();
  const cards = () => Array.from(root().querySelectorAll('article'));
  const text = (element: Element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  /** A date as the page writes it, in this browser's language and zone; spaces as `text()` reads them. */
  const when = (iso: string) => formatDateTime(iso).replace(/\s+/g, ' ');

  /** The value next to a label such as "Status" on a card. */
  const fact = (card: Element, term: string) =>
    text(
      Array.from(card.querySelectorAll('dt')).find((dt) => text(dt) === term)?.nextElementSibling ??
        document.createElement('dd'),
    );

  /** The first page holds `body` (a list of summaries) or is `body` itself; an error with `init`. */
  async function answer(body: object | string | null, init?: { status: number; statusText: string }) {
    http.expectOne('/api/me/applications').flush(Array.isArray(body) ? aMyApplicationsPage(body) : body, init);
    await fixture.whenStable();
  }

  it('says it is loading until the applications arrive', async () => {
    expect(status()).toBe('Loading your applications…');

    await answer([aSummary()]);
    expect(status()).toBe('1 application: 1 in progress');
  });

  it('shows each application’s job, client, status, stage, what it waits for and when the answer is due', async () => {
    await answer([aSummary()]);

    const card = text(cards()[0]);
    expect(card).toContain('Frontend Engineer (Angular)');
    expect(card).toContain('Bluefin Health');
    expect(fact(cards()[0], 'Status')).toBe('Screening');
    expect(fact(cards()[0], 'Current stage')).toBe('Phone screen: Scheduled');
    expect(fact(cards()[0], 'Waiting for')).toBe('Your next interview is booked.');
    expect(text(cards()[0].querySelector('.due') as Element)).toBe(`Hear by ${when('2026-06-12T14:00:00.000Z')}`);
    expect(cards()[0].querySelector('h3 a')?.getAttribute('href')).toBe('/me/applications/app-1');
  });

  it('says “Hear by” the promised date, “Reply by” for an offer, and that a passed date is late', async () => {
    await answer([
      aSummary({ id: 'a', promise: { kind: PromiseKind.Screening, dueAt: '2026-06-05T16:00:00.000Z' } }),
      aSummary({
        id: 'b',
        status: ApplicationStatus.Offer,
        promise: { kind: PromiseKind.OfferReply, dueAt: '2026-06-08T16:00:00.000Z' },
      }),
      aSummary({
        id: 'c',
        waitingFor: WaitingFor.Feedback,
        promise: { kind: PromiseKind.Answer, dueAt: '2026-05-29T11:00:00.000Z' },
      }),
    ]);

    const dues = cards().map((card) => card.querySelector('.due'));
    expect(text(dues[0] as Element)).toBe(`Hear by ${when('2026-06-05T16:00:00.000Z')}`);
    expect(text(dues[1] as Element)).toBe(`Reply by ${when('2026-06-08T16:00:00.000Z')}`);
    expect(text(dues[2] as Element)).toBe(`Late: you were to hear by ${when('2026-05-29T11:00:00.000Z')}`);
    expect(dues[2]?.classList).toContain('due--late');
    expect(dues[0]?.classList).not.toContain('due--late');
  });

  it('calls a held stage “On hold”, not “Done”', async () => {
    await answer([
      aSummary({
        currentStage: { id: 's1', name: 'Phone screen', state: StageState.FeedbackRecorded, feedbackDueAt: null },
        waitingFor: WaitingFor.Decision,
        promise: { kind: PromiseKind.Hold, dueAt: '2026-06-05T16:00:00.000Z' },
      }),
    ]);

    expect(fact(cards()[0], 'Current stage')).toBe('Phone screen: On hold');
  });

  it('lists open applications before closed ones, under their own headings', async () => {
    await answer([
      aSummary({
        id: 'closed',
        status: ApplicationStatus.Rejected,
        waitingFor: WaitingFor.Nothing,
        currentStage: null,
        promise: null,
      }),
      aSummary({ id: 'open' }),
    ]);

    const headings = Array.from(root().querySelectorAll('h2'), (h) => text(h));
    expect(headings).toEqual(['In progress (1)', 'Closed (1)']);
    expect(status()).toBe('2 applications: 1 in progress, 1 closed');
    expect(fact(cards()[1], 'Status')).toBe('Not successful');
    expect(fact(cards()[1], 'Waiting for')).toBe('Nothing: this application is closed.');
    expect(cards()[1].querySelector('.due')).toBeNull();
  });

  it('shows the first page with the true totals, and loads the next after the last card shown', async () => {
    const closed = (id: string) =>
      aSummary({
        id,
        status: ApplicationStatus.Withdrawn,
        waitingFor: WaitingFor.Nothing,
        currentStage: null,
        promise: null,
      });
    await answer(
      aMyApplicationsPage([aSummary({ id: 'o1' }), aSummary({ id: 'o2' })], {
        nextCursor: 'after-o2',
        total: 42,
        totals: { open: 12, closed: 30 },
      }),
    );

    expect(status()).toBe('42 applications: 12 in progress, 30 closed');
    expect(Array.from(root().querySelectorAll('h2'), (h) => text(h))).toEqual(['In progress (12)']);
    expect(text(root().querySelector('hb-load-more') as Element)).toContain('2 of 42 applications shown');
    const loadMore = Array.from(root().querySelectorAll('hb-load-more button'))[0] as HTMLButtonElement;
    expect(text(loadMore)).toBe('Load more applications');

    loadMore.click();
    const next = http.expectOne((request) => request.url === '/api/me/applications');
    expect(next.request.params.get('cursor')).toBe('after-o2');
    next.flush(aMyApplicationsPage([closed('c1')], { nextCursor: null, total: 42, totals: { open: 12, closed: 30 } }));
    await fixture.whenStable();

    expect(cards().map((card) => card.querySelector('h3 a')?.getAttribute('href'))).toEqual([
      '/me/applications/o1',
      '/me/applications/o2',
      '/me/applications/c1',
    ]);
    expect(Array.from(root().querySelectorAll('h2'), (h) => text(h))).toEqual(['In progress (12)', 'Closed (30)']);
    expect(root().querySelector('hb-load-more button')).toBeNull();
    expect(document.activeElement?.getAttribute('data-index')).toBe('2');
  });

  it('invites a candidate with no applications to browse the jobs', async () => {
    await answer([]);

    expect(status()).toBe('0 applications');
    expect(text(root())).toContain('You have not applied for any jobs yet.');
    expect(
      Array.from(root().querySelectorAll('a')).find((a) => a.textContent?.trim() === 'Browse open jobs'),
    ).toBeDefined();
  });

  it('says what went wrong and loads again on “Try again”', async () => {
    await answer(null, { status: 500, statusText: 'Server Error' });

    expect(root().querySelector('[role="alert"]')?.textContent).toContain('Our server had a problem (error 500)');
    Array.from(root().querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === 'Try again')
      ?.click();
    await answer([aSummary()]);
    expect(cards()).toHaveLength(1);
  });
});
