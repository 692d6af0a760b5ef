import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { PlatformNavigation } from '@angular/common';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ScoreGroupsPage, ScoreGrouping, ScoreRow, SortDirection, ScoreGroupSort } from '@heardback/contracts';
import { routeHarness, setUpPortalTest } from '../testing/setup';
import { ScorePage } from './score-page';
import { aScoreReport, aScoreRow, aScoreWeek } from './score-testing';

/** Where the reader was before the score. */
@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Elsewhere {}

/** The page's "today": 3 December 2026. */
const NOW_AT = new Date(2026, 11, 3, 10, 0);

describe('ScorePage', () => {
  let fixture: ComponentFixture<ScorePage>;
  let http: HttpTestingController;

  const view = () => fixture.nativeElement as HTMLElement;
  const scoreRequest = (): TestRequest => http.expectOne((request) => request.url === '/api/agency/score');
  const groupsRequest = (): TestRequest => http.expectOne((request) => request.url === '/api/agency/score/groups');
  const aPage = (rows: ScoreRow[], overrides: Partial<ScoreGroupsPage> = {}): ScoreGroupsPage => ({
    grouping: ScoreGrouping.Recruiter,
    sort: ScoreGroupSort.Name,
    direction: SortDirection.Asc,
    items: rows,
    nextCursor: null,
    total: rows.length,
    ...overrides,
  });
  /** The figures, then the table's first page. */
  const answer = async (
    _grouping: ScoreGrouping,
    rows = [aScoreRow({ id: 'a', name: 'Ada', median: 2 })],
    page: Partial<ScoreGroupsPage> = {},
  ) => {
    scoreRequest().flush(aScoreReport({ by: null }));
    groupsRequest().flush(aPage(rows, page));
    await fixture.whenStable();
  };
  const header = (label: string) =>
    Array.from(view().querySelectorAll('hb-score-table thead th')).find((th) =>
      th.textContent?.includes(label),
    ) as HTMLElement;
  const rowNames = () =>
    Array.from(view().querySelectorAll('hb-score-table tbody th[scope="row"]')).map((cell) =>
      cell.firstChild?.textContent?.trim(),
    );

  async function render(area: 'staff' | 'recruiter'): Promise<void> {
    http = setUpPortalTest({ now: NOW_AT });
    fixture = TestBed.createComponent(ScorePage);
    // As the route's data gives it, before the page first asks for anything.
    fixture.componentRef.setInput('area', area);
    await fixture.whenStable();
  }

  // jsdom draws nothing: the page then leaves the canvases blank and the tables carry the figures.
  beforeEach(() => jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  it('asks for this month by recruiter for staff, and shows the figures, the charts’ tables and the groups', async () => {
    await render('staff');
    const figures = scoreRequest();
    expect(figures.request.params.toString()).toBe('from=2026-12-01&to=2026-12-03');
    const table = groupsRequest();
    expect(table.request.params.toString()).toBe(
      'from=2026-12-01&to=2026-12-03&grouping=recruiter&sort=name&direction=asc',
    );
    figures.flush(aScoreReport({ by: null, trend: [aScoreWeek(48, 2), aScoreWeek(49)] }));
    table.flush(
      aPage([aScoreRow({ id: 'a', name: 'Ada', median: 2 }), aScoreRow({ id: 'b', name: 'Bo', median: 0.5 })]),
    );
    await fixture.whenStable();
    expect(view().querySelector('.score__figures')?.textContent).toContain('1.5');
    expect(view().querySelectorAll('hb-score-charts canvas[role="img"]')).toHaveLength(2);
    expect(view().querySelector('#trend-summary')?.textContent).toContain('in 2026-W49 feedback took a median 1.5');
    expect(rowNames()).toEqual(['Ada', 'Bo']);
  });

  it('asks the API for the order of a clicked column, keeping the rows shown until it comes', async () => {
    await render('staff');
    await answer(ScoreGrouping.Recruiter, [
      aScoreRow({ id: 'a', name: 'Ada', median: 2 }),
      aScoreRow({ id: 'b', name: 'Bo', median: 0.5 }),
    ]);
    header('Median').querySelector('button')?.click();
    await fixture.whenStable();
    expect(header('Median').getAttribute('aria-sort')).toBe('descending');
    const byMedian = groupsRequest();
    expect(byMedian.request.params.get('sort')).toBe('median');
    expect(byMedian.request.params.get('direction')).toBe('desc');
    expect(byMedian.request.params.has('cursor')).toBe(false);
    expect(rowNames()).toEqual(['Ada', 'Bo']);
    expect(view().querySelector('.score__count')?.textContent).toContain('Loading the recruiters');
    byMedian.flush(
      aPage([aScoreRow({ id: 'b', name: 'Bo', median: 0.5 }), aScoreRow({ id: 'a', name: 'Ada', median: 2 })]),
    );
    await fixture.whenStable();
    expect(rowNames()).toEqual(['Bo', 'Ada']);
    header('Median').querySelector('button')?.click();
    await fixture.whenStable();
    expect(header('Median').getAttribute('aria-sort')).toBe('ascending');
    expect(groupsRequest().request.params.get('direction')).toBe('asc');
  });

  it('loads the next page with the cursor and the same order, and says how many are shown', async () => {
    await render('staff');
    await answer(ScoreGrouping.Recruiter, [aScoreRow({ id: 'a', name: 'Ada' })], { nextCursor: 'next-1', total: 2 });
    expect(view().querySelector('.load-more__count')?.textContent).toContain('1 of 2 recruiters shown');
    const more = Array.from(view().querySelectorAll<HTMLButtonElement>('hb-load-more button')).find((button) =>
      button.textContent?.includes('Load more'),
    );
    more?.click();
    const next = groupsRequest();
    expect(next.request.params.toString()).toBe(
      'from=2026-12-01&to=2026-12-03&grouping=recruiter&sort=name&direction=asc&cursor=next-1',
    );
    next.flush(aPage([aScoreRow({ id: 'b', name: 'Bo' })], { total: 2 }));
    await fixture.whenStable();
    expect(rowNames()).toEqual(['Ada', 'Bo']);
    expect(view().querySelector('hb-load-more button')).toBeNull();
    expect(view().querySelector('.score__count')?.textContent).toContain('2 recruiters in this period');
  });

  it('asks again when another grouping or period is chosen, and links the CSV of what is shown', async () => {
    await render('staff');
    await answer(ScoreGrouping.Recruiter);
    const jobsTab = Array.from(view().querySelectorAll<HTMLButtonElement>('[role="tab"]')).find((tab) =>
      tab.textContent?.includes('Jobs'),
    );
    jobsTab?.click();
    await fixture.whenStable();
    // The figures do not depend on the table: only the table is asked again.
    http.expectNone((request) => request.url === '/api/agency/score');
    const byJob = groupsRequest();
    expect(byJob.request.params.get('grouping')).toBe('job');
    byJob.flush(aPage([aScoreRow({ id: 'j', name: 'Platform' })], { grouping: ScoreGrouping.Job }));
    await fixture.whenStable();
    const selected = view().querySelector('[role="tab"][aria-selected="true"]');
    expect(selected?.textContent?.trim()).toBe('Jobs');

    const lastMonth = view().querySelector<HTMLInputElement>('input[type="radio"][value="last-month"]');
    lastMonth?.click();
    await fixture.whenStable();
    const figures = scoreRequest();
    expect(figures.request.params.toString()).toBe('from=2026-11-01&to=2026-11-30');
    figures.flush(aScoreReport({ by: null }));
    const table = groupsRequest();
    expect(table.request.params.toString()).toBe('from=2026-11-01&to=2026-11-30&grouping=job&sort=name&direction=asc');
    table.flush(aPage([], { grouping: ScoreGrouping.Job }));
    await fixture.whenStable();
    expect(view().textContent).toContain('Nothing to show for this period.');
    const csv = view().querySelector<HTMLAnchorElement>('a[download]');
    // The table's CSV in the table's order; the trend's needs none.
    expect(csv?.getAttribute('href')).toBe(
      '/api/agency/score.csv?from=2026-11-01&to=2026-11-30&by=job&sort=name&direction=asc&table=groups',
    );
    const trendCsv = view().querySelectorAll<HTMLAnchorElement>('a[download]')[1];
    expect(trendCsv?.getAttribute('href')).toBe(
      '/api/agency/score.csv?from=2026-11-01&to=2026-11-30&by=job&table=trend',
    );
  });

  it('refuses a custom period the wrong way round without asking the API', async () => {
    await render('staff');
    await answer(ScoreGrouping.Recruiter);
    view().querySelector<HTMLInputElement>('input[value="custom"]')?.click();
    await fixture.whenStable();
    const from = view().querySelector<HTMLInputElement>('#score-from') as HTMLInputElement;
    from.value = '2026-12-10';
    from.dispatchEvent(new Event('input'));
    view().querySelector<HTMLButtonElement>('.score__custom button[type="submit"]')?.click();
    await fixture.whenStable();
    expect(view().querySelector('#score-custom-problem')?.textContent).toContain('must not be before the first');
    http.expectNone((request) => request.url.startsWith('/api/agency/score'));
  });

  it('gives the satisfaction figures with the number of answers, singular for one', async () => {
    await render('recruiter');
    const table = groupsRequest();
    scoreRequest().flush(
      aScoreReport({
        overall: {
          ...aScoreReport().overall,
          satisfaction: { responses: 1, cnps: 100, feltGhostedPercent: 0, withheld: false },
        },
      }),
    );
    table.flush(aPage([], { grouping: ScoreGrouping.Client }));
    await fixture.whenStable();
    const satisfaction = Array.from(view().querySelectorAll('dt')).find((term) => term.textContent?.includes('cNPS'));
    expect(satisfaction?.nextElementSibling?.textContent?.replace(/\s+/g, ' ').trim()).toBe('100 · 0% 1 answer');
  });

  it('starts a recruiter on clients, offers no recruiter tab, and explains withheld satisfaction', async () => {
    await render('recruiter');
    const table = groupsRequest();
    expect(table.request.params.get('grouping')).toBe('client');
    scoreRequest().flush(
      aScoreReport({
        ownWorkOnly: true,
        overall: {
          ...aScoreReport().overall,
          satisfaction: { responses: null, cnps: null, feltGhostedPercent: null, withheld: true },
        },
      }),
    );
    table.flush(
      aPage(
        [
          aScoreRow({
            id: 'c',
            name: 'Acme',
            satisfaction: { responses: null, cnps: null, feltGhostedPercent: null, withheld: true },
          }),
        ],
        { grouping: ScoreGrouping.Client },
      ),
    );
    await fixture.whenStable();
    const tabs = Array.from(view().querySelectorAll('[role="tab"]')).map((tab) => tab.textContent?.trim());
    expect(tabs).toEqual(['Clients', 'Client interviewers', 'Jobs']);
    expect(view().textContent).toContain('Hidden');
    const satisfaction = Array.from(view().querySelectorAll('dt')).find((term) => term.textContent?.includes('cNPS'));
    // Said once, in words, rather than "Hidden · Hidden".
    expect(satisfaction?.nextElementSibling?.textContent?.trim()).toBe('Not enough answers yet');
    expect(view().textContent).toContain('shown from 5 answers');
    expect(view().textContent).toContain('for your work as a whole only');
  });

  describe('kept in its URL', () => {
    let harness: RouterTestingHarness;
    const routed = () => harness.routeNativeElement as HTMLElement;
    const query = () => TestBed.inject(Router).parseUrl(TestBed.inject(Router).url).queryParams;

    async function open(url: string): Promise<void> {
      ({ harness, http } = await routeHarness({
        routes: [
          { path: 'staff', component: Elsewhere },
          { path: 'staff/score', component: ScorePage, data: { area: 'staff' } },
          { path: 'recruiter/score', component: ScorePage, data: { area: 'recruiter' } },
        ],
        now: NOW_AT,
      }));
      await harness.navigateByUrl(url);
    }
    const routedHeader = (label: string) =>
      Array.from(routed().querySelectorAll('hb-score-table thead th')).find((th) =>
        th.textContent?.includes(label),
      ) as HTMLElement;
    const flushBoth = async (grouping: ScoreGrouping, page: Partial<ScoreGroupsPage> = {}) => {
      scoreRequest().flush(aScoreReport({ by: null }));
      groupsRequest().flush(aPage([aScoreRow({ id: 'a', name: 'Ada', median: 2 })], { grouping, ...page }));
      await harness.fixture.whenStable();
    };

    it('shows the period, grouping and order a shared link holds, as a reload does', async () => {
      await open('/staff/score?period=last-month&by=job&sort=median&direction=desc');
      const figures = scoreRequest();
      expect(figures.request.params.toString()).toBe('from=2026-11-01&to=2026-11-30');
      const table = groupsRequest();
      expect(table.request.params.toString()).toBe(
        'from=2026-11-01&to=2026-11-30&grouping=job&sort=median&direction=desc',
      );
      figures.flush(aScoreReport({ by: null }));
      table.flush(
        aPage([aScoreRow({ id: 'j', name: 'Platform', median: 2 })], {
          grouping: ScoreGrouping.Job,
          sort: ScoreGroupSort.Median,
          direction: SortDirection.Desc,
        }),
      );
      await harness.fixture.whenStable();
      expect(routed().querySelector('[role="tab"][aria-selected="true"]')?.textContent?.trim()).toBe('Jobs');
      expect(routed().querySelector<HTMLInputElement>('input[value="last-month"]')?.checked).toBe(true);
      expect(routedHeader('Median').getAttribute('aria-sort')).toBe('descending');
    });

    it('links each client’s monthly report with the way back to this view', async () => {
      await open('/staff/score?period=last-month&by=client&sort=median&direction=desc');
      await flushBoth(ScoreGrouping.Client, { sort: ScoreGroupSort.Median, direction: SortDirection.Desc });
      const link = routed().querySelector<HTMLAnchorElement>('.score-table__report');
      const url = new URL(link?.href ?? '', 'http://portal.test');
      expect(url.pathname).toBe('/staff/score/clients/a/print');
      expect(url.searchParams.get('month')).toBe('2026-11');
      expect(url.searchParams.get('back')).toBe('period=last-month&by=client&sort=median&direction=desc');
    });

    it('writes a sort, a tab and a period into the URL in place of the one before', async () => {
      await open('/staff');
      await harness.navigateByUrl('/staff/score');
      await flushBoth(ScoreGrouping.Recruiter);
      const history = TestBed.inject(PlatformNavigation);

      routedHeader('Median').querySelector('button')?.click();
      await harness.fixture.whenStable();
      expect(query()).toEqual({ sort: 'median', direction: 'desc' });
      groupsRequest().flush(aPage([], { sort: ScoreGroupSort.Median, direction: SortDirection.Desc }));
      await harness.fixture.whenStable();
      expect(routedHeader('Median').getAttribute('aria-sort')).toBe('descending');

      Array.from(routed().querySelectorAll<HTMLButtonElement>('[role="tab"]'))
        .find((tab) => tab.textContent?.includes('Jobs'))
        ?.click();
      await harness.fixture.whenStable();
      expect(query()).toEqual({ by: 'job', sort: 'median', direction: 'desc' });
      expect(groupsRequest().request.params.get('sort')).toBe('median');

      routed().querySelector<HTMLInputElement>('input[value="last-90-days"]')?.click();
      await harness.fixture.whenStable();
      expect(query()).toEqual({ period: 'last-90-days', by: 'job', sort: 'median', direction: 'desc' });
      scoreRequest().flush(aScoreReport({ by: null }));
      groupsRequest().flush(aPage([], { grouping: ScoreGrouping.Job }));
      await harness.fixture.whenStable();

      // Back to the first order: nothing of it is left in the URL.
      routedHeader('Name').querySelector('button')?.click();
      await harness.fixture.whenStable();
      expect(query()).toEqual({ period: 'last-90-days', by: 'job' });
      groupsRequest().flush(aPage([], { grouping: ScoreGrouping.Job }));
      await harness.fixture.whenStable();
      // Each change took the place of the last: Back leaves the page, rather than undoing one click.
      expect(history.entries().map((entry) => new URL(entry.url ?? '').pathname)).toEqual([
        '/',
        '/staff',
        '/staff/score',
      ]);
    });

    it('keeps "Custom" chosen while its days are typed, whatever else is clicked meanwhile', async () => {
      await open('/staff/score');
      await flushBoth(ScoreGrouping.Recruiter);
      routed().querySelector<HTMLInputElement>('input[value="custom"]')?.click();
      await harness.fixture.whenStable();
      routedHeader('Median').querySelector('button')?.click();
      await harness.fixture.whenStable();
      groupsRequest().flush(aPage([]));
      await harness.fixture.whenStable();
      expect(routed().querySelector('#score-from')).not.toBeNull();
      expect(query()).toEqual({ sort: 'median', direction: 'desc' });
      const from = routed().querySelector<HTMLInputElement>('#score-from') as HTMLInputElement;
      from.value = '2026-11-02';
      from.dispatchEvent(new Event('input'));
      routed().querySelector<HTMLButtonElement>('.score__custom button[type="submit"]')?.click();
      await harness.fixture.whenStable();
      expect(query()).toEqual({
        period: 'custom',
        from: '2026-11-02',
        to: '2026-12-03',
        sort: 'median',
        direction: 'desc',
      });
      expect(scoreRequest().request.params.toString()).toBe('from=2026-11-02&to=2026-12-03');
      expect(groupsRequest().request.params.get('sort')).toBe('median');
    });

    it('shows the first view, without a word, for what in the URL it does not offer', async () => {
      await open('/staff/score?period=custom&from=2026-02-30&to=2026-03-01&by=team&sort=salary&direction=up');
      expect(scoreRequest().request.params.toString()).toBe('from=2026-12-01&to=2026-12-03');
      expect(groupsRequest().request.params.toString()).toBe(
        'from=2026-12-01&to=2026-12-03&grouping=recruiter&sort=name&direction=asc',
      );
      expect(routed().querySelector('[role="alert"]')).toBeNull();
    });

    it('gives a recruiter, whose recruiter table would be their own row, their clients instead', async () => {
      await open('/recruiter/score?by=recruiter&sort=median');
      expect(groupsRequest().request.params.toString()).toBe(
        'from=2026-12-01&to=2026-12-03&grouping=client&sort=median&direction=desc',
      );
      scoreRequest().flush(aScoreReport({ by: null }));
    });

    describe('a period within one week', () => {
      const note = () => routed().querySelector('hb-score-charts hb-score-trend-note') as HTMLElement | null;
      const offer = () => note()?.querySelector('button') as HTMLButtonElement | null;

      it('says a trend needs two weeks instead of drawing one dot, and offers the last 90 days', async () => {
        await open('/staff/score');
        await flushBoth(ScoreGrouping.Recruiter);
        expect(routed().querySelectorAll('hb-score-charts canvas[role="img"]')).toHaveLength(1);
        expect(note()?.textContent).toContain(
          'A trend needs at least two weeks, and this period falls within one, the week starting 2026-11-30',
        );
        // Its figures stay at hand: the week's table is open.
        expect(routed().querySelector<HTMLDetailsElement>('hb-score-charts details')?.open).toBe(true);
        expect(offer()?.textContent?.trim()).toBe('Show the last 90 days');

        offer()?.click();
        await harness.fixture.whenStable();
        expect(query()).toEqual({ period: 'last-90-days' });
        expect(routed().querySelector<HTMLInputElement>('input[value="last-90-days"]')?.checked).toBe(true);
        expect(scoreRequest().request.params.toString()).toBe('from=2026-09-05&to=2026-12-03');
        expect(groupsRequest().request.params.get('from')).toBe('2026-09-05');
      });

      it('draws the weeks of the longer period and brings the reader back to the charts', async () => {
        await open('/staff/score');
        await flushBoth(ScoreGrouping.Recruiter);
        offer()?.click();
        await harness.fixture.whenStable();
        const weeks = Array.from({ length: 14 }, (_, index) => aScoreWeek(36 + index));
        scoreRequest().flush(aScoreReport({ by: null, from: '2026-09-05', trend: weeks }));
        groupsRequest().flush(aPage([]));
        await harness.fixture.whenStable();
        expect(note()).toBeNull();
        expect(routed().querySelectorAll('hb-score-charts canvas[role="img"]')).toHaveLength(2);
        expect(document.activeElement?.id).toBe('score-charts-title');
      });

      it('offers the 90 days to the last day of a past period', async () => {
        await open('/staff/score?period=custom&from=2026-11-18&to=2026-11-20');
        scoreRequest().flush(aScoreReport({ by: null, from: '2026-11-18', to: '2026-11-20', trend: [aScoreWeek(47)] }));
        groupsRequest().flush(aPage([]));
        await harness.fixture.whenStable();
        expect(offer()?.textContent?.trim()).toBe('Show the 90 days to 2026-11-20');
        offer()?.click();
        await harness.fixture.whenStable();
        expect(query()).toEqual({ period: 'custom', from: '2026-08-23', to: '2026-11-20' });
        expect(scoreRequest().request.params.toString()).toBe('from=2026-08-23&to=2026-11-20');
        expect(groupsRequest().request.params.get('from')).toBe('2026-08-23');
      });
    });
  });
});
