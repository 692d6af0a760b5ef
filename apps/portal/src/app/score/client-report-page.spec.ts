import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  ClientMonthlyScore,
  ScoreGroupSort,
  ScoreGrouping,
  ScoreGroupsPage,
  SortDirection,
} from '@heardback/contracts';
import { routeHarness, setUpPortalTest } from '../testing/setup';
import { ClientReportPage, monthName, shiftMonth } from './client-report-page';
import { aGroupsPage, aScoreReport, aScoreRow } from './score-testing';

/** Northwind's November, with the tables each test sets. */
function northwindInNovember(tables: Pick<ClientMonthlyScore, 'interviewers' | 'jobs'>): ClientMonthlyScore {
  const report = aScoreReport();
  return {
    client: { id: 'client-1', name: 'Northwind' },
    month: '2026-11',
    from: '2026-11-01',
    to: '2026-11-30',
    at: '2026-12-03T10:00:00.000Z',
    overall: report.overall,
    trend: report.trend,
    distribution: report.distribution,
    ...tables,
  };
}

describe('the printable client month', () => {
  it('names a month and steps across the turn of the year', () => {
    expect(monthName('2026-11')).toBe('November 2026');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  });

  describe('ClientReportPage', () => {
    let fixture: ComponentFixture<ClientReportPage>;
    let http: HttpTestingController;
    const view = () => fixture.nativeElement as HTMLElement;

    beforeEach(async () => {
      http = setUpPortalTest();
      fixture = TestBed.createComponent(ClientReportPage);
      fixture.componentRef.setInput('id', 'client-1');
      fixture.componentRef.setInput('month', '2026-11');
      await fixture.whenStable();
    });

    afterEach(() => http.verify());

    /** Northwind's November with no interviewer or job in it. */
    const flushAQuietNovember = () =>
      http.expectOne('/api/agency/score/clients/client-1/monthly?month=2026-11').flush(
        northwindInNovember({
          interviewers: aGroupsPage(ScoreGrouping.Interviewer, []),
          jobs: aGroupsPage(ScoreGrouping.Job, []),
        }),
      );

    it('asks for the client’s month and prints its figures, interviewers and jobs', async () => {
      const request = http.expectOne('/api/agency/score/clients/client-1/monthly?month=2026-11');
      request.flush(
        northwindInNovember({
          interviewers: aGroupsPage(ScoreGrouping.Interviewer, [
            aScoreRow({ id: 'c1', name: 'Cara Contact', median: 2 }),
          ]),
          jobs: aGroupsPage(ScoreGrouping.Job, []),
        }),
      );
      await fixture.whenStable();
      expect(view().querySelector('h1')?.textContent).toContain('Northwind: Heardback score for November 2026');
      expect(view().textContent).toContain('Cara Contact');
      expect(view().textContent).toContain('Nothing happened on this client');
      expect(view().querySelector('.no-print button')?.textContent).toContain('Print');
    });

    it('says how many of the client’s jobs it shows and loads the next page of that client’s jobs, focusing the first new one', async () => {
      http.expectOne('/api/agency/score/clients/client-1/monthly?month=2026-11').flush(
        northwindInNovember({
          interviewers: aGroupsPage(ScoreGrouping.Interviewer, [aScoreRow({ id: 'c1', name: 'Cara Contact' })]),
          jobs: aGroupsPage(ScoreGrouping.Job, [aScoreRow({ id: 'j1', name: 'Analyst' })], {
            total: 2,
            nextCursor: 'next-jobs',
          }),
        }),
      );
      await fixture.whenStable();
      const jobs = () => view().querySelector('#report-jobs') as HTMLElement;
      expect(jobs().querySelector('.client-report__count')?.textContent).toContain('1 of 2 jobs shown');
      expect(view().querySelector('#report-interviewers .client-report__count')?.textContent?.trim()).toBe(
        '1 interviewer',
      );
      const button = Array.from(jobs().querySelectorAll('button')).find((b) => b.textContent?.includes('Load more'));
      button?.click();
      const next = http.expectOne((request) => request.url === '/api/agency/score/groups');
      expect(next.request.params.toString()).toBe(
        'from=2026-11-01&to=2026-11-30&grouping=job&client=client-1&sort=name&direction=asc&cursor=next-jobs',
      );
      next.flush(aGroupsPage(ScoreGrouping.Job, [aScoreRow({ id: 'j2', name: 'Builder' })], { total: 2 }));
      await fixture.whenStable();
      expect(jobs().querySelectorAll('tbody tr')).toHaveLength(2);
      expect(jobs().querySelector('.client-report__count')?.textContent?.trim()).toBe('2 jobs');
      expect(document.activeElement).toBe(jobs().querySelector('tbody tr[data-index="1"]'));
      // The interviewers' table is the one the API sent.
      expect(view().querySelectorAll('#report-interviewers tbody tr')).toHaveLength(1);
    });

    it('says so when there is no such client', async () => {
      http
        .expectOne('/api/agency/score/clients/client-1/monthly?month=2026-11')
        .flush({ code: 'NOT_FOUND', message: 'No client has this id.' }, { status: 404, statusText: 'Not Found' });
      await fixture.whenStable();
      expect(view().querySelector('[role="alert"]')?.textContent).toContain('There is no such client');
      // Not a dead end: back to the score (another month of no client would not help).
      const ways = Array.from(view().querySelectorAll('.client-report__way-out a'), (link) => link.textContent?.trim());
      expect(ways).toEqual(['Back to the score']);
    });

    it('goes back to the score view it was opened from, with only the score’s own choices', async () => {
      fixture.componentRef.setInput('back', 'period=last-90-days&by=client&sort=median&direction=desc&evil=1');
      flushAQuietNovember();
      await fixture.whenStable();
      const back = view().querySelector<HTMLAnchorElement>('.client-report__actions a');
      expect(back?.textContent?.trim()).toBe('Back to the score');
      const url = new URL(back?.href ?? '', 'http://portal.test');
      expect(url.pathname).toBe('/staff/score');
      expect(Object.fromEntries(url.searchParams)).toEqual({
        period: 'last-90-days',
        by: 'client',
        sort: 'median',
        direction: 'desc',
      });
    });

    it('goes back to the score’s first view when it was not opened from one', async () => {
      flushAQuietNovember();
      await fixture.whenStable();
      const back = view().querySelector<HTMLAnchorElement>('.client-report__actions a');
      expect(new URL(back?.href ?? '', 'http://portal.test').search).toBe('');
    });

    it('offers a way out of a month the API refuses', async () => {
      http
        .expectOne('/api/agency/score/clients/client-1/monthly?month=2026-11')
        .flush(
          { code: 'VALIDATION_FAILED', message: 'month: enter a month written yyyy-mm' },
          { status: 400, statusText: 'Bad Request' },
        );
      await fixture.whenStable();
      const ways = Array.from(view().querySelectorAll('.client-report__way-out a'), (link) => link.textContent?.trim());
      expect(ways).toEqual(['Back to the score', 'This month’s report']);
    });
  });

  describe('sorting its tables', () => {
    let harness: RouterTestingHarness;
    let http: HttpTestingController;
    const view = () => harness.routeNativeElement as HTMLElement;
    const jobs = () => view().querySelector('#report-jobs') as HTMLElement;
    const jobNames = () => Array.from(jobs().querySelectorAll('tbody th')).map((cell) => cell.textContent?.trim());
    const header = (name: RegExp) =>
      Array.from(jobs().querySelectorAll<HTMLButtonElement>('thead button')).find((b) =>
        name.test(b.textContent ?? ''),
      );
    const byMedian = (direction: SortDirection, rows: ScoreGroupsPage['items']): ScoreGroupsPage => ({
      ...aGroupsPage(ScoreGrouping.Job, rows, { total: 3, nextCursor: 'after-median' }),
      sort: ScoreGroupSort.Median,
      direction,
    });
    const threeJobs = [
      aScoreRow({ id: 'j1', name: 'Analyst', median: 1 }),
      aScoreRow({ id: 'j2', name: 'Builder', median: 3 }),
      aScoreRow({ id: 'j3', name: 'Carer', median: 2 }),
    ];

    async function open(url: string, now?: Date): Promise<void> {
      ({ harness, http } = await routeHarness({
        routes: [{ path: 'staff/score/clients/:id/print', component: ClientReportPage }],
        now,
      }));
      await harness.navigateByUrl(url);
    }

    afterEach(() => http.verify());

    /** Answers the page's request for November: no interviewers, the three jobs by name. */
    async function answerNovemberWithThreeJobs(): Promise<void> {
      http.expectOne('/api/agency/score/clients/client-1/monthly?month=2026-11').flush(
        northwindInNovember({
          interviewers: aGroupsPage(ScoreGrouping.Interviewer, []),
          jobs: aGroupsPage(ScoreGrouping.Job, threeJobs),
        }),
      );
      await harness.fixture.whenStable();
    }

    it('asks for the month in the orders its URL holds, leaving out one that is not a column', async () => {
      await open(
        '/staff/score/clients/client-1/print?month=2026-11&jobSort=median&jobDirection=desc&interviewerSort=salary',
      );
      const request = http.expectOne((r) => r.url === '/api/agency/score/clients/client-1/monthly');
      expect(request.request.params.toString()).toBe('month=2026-11&jobSort=median&jobDirection=desc');
      request.flush(
        northwindInNovember({
          interviewers: aGroupsPage(ScoreGrouping.Interviewer, []),
          jobs: byMedian(SortDirection.Desc, [threeJobs[1], threeJobs[2], threeJobs[0]]),
        }),
      );
      await harness.fixture.whenStable();
      expect(jobNames()).toEqual(['Builder', 'Carer', 'Analyst']);
      expect(
        header(/Median/)
          ?.closest('th')
          ?.getAttribute('aria-sort'),
      ).toBe('descending');
      // Stepping to the next month keeps the orders.
      const next = Array.from(view().querySelectorAll('a')).find((a) => a.textContent?.includes('Next month'));
      expect(next?.getAttribute('href')).toBe(
        '/staff/score/clients/client-1/print?month=2026-12&jobSort=median&jobDirection=desc&interviewerSort=salary',
      );
    });

    it('sorts a table by the header clicked, reading only that table again, and keeps the order in the URL', async () => {
      await open('/staff/score/clients/client-1/print?month=2026-11');
      http.expectOne('/api/agency/score/clients/client-1/monthly?month=2026-11').flush(
        northwindInNovember({
          interviewers: aGroupsPage(ScoreGrouping.Interviewer, [aScoreRow({ id: 'c1', name: 'Cara Contact' })]),
          jobs: aGroupsPage(ScoreGrouping.Job, threeJobs),
        }),
      );
      await harness.fixture.whenStable();
      const median = header(/Median/);
      median?.click();
      const sorted = http.expectOne((r) => r.url === '/api/agency/score/groups');
      expect(sorted.request.params.toString()).toBe(
        'from=2026-11-01&to=2026-11-30&grouping=job&client=client-1&sort=median&direction=desc',
      );
      await harness.fixture.whenStable();
      // The rows shown stay, in their order, until the new ones come.
      expect(jobs().querySelector('hb-score-table')?.getAttribute('aria-busy')).toBe('true');
      expect(jobNames()).toEqual(['Analyst', 'Builder', 'Carer']);
      sorted.flush(byMedian(SortDirection.Desc, [threeJobs[1], threeJobs[2], threeJobs[0]]));
      await harness.fixture.whenStable();
      expect(jobNames()).toEqual(['Builder', 'Carer', 'Analyst']);
      expect(median?.closest('th')?.getAttribute('aria-sort')).toBe('descending');
      expect(jobs().querySelector('hb-score-table')?.getAttribute('aria-busy')).toBe('false');
      expect(TestBed.inject(Router).url).toBe(
        '/staff/score/clients/client-1/print?month=2026-11&jobSort=median&jobDirection=desc',
      );
      // The interviewers keep their own order; "Load more" goes on in the jobs' new one.
      expect(view().querySelector('#report-interviewers [aria-sort="ascending"]')?.textContent).toContain('Name');
      Array.from(jobs().querySelectorAll('button'))
        .find((b) => b.textContent?.includes('Load more'))
        ?.click();
      const more = http.expectOne((r) => r.url === '/api/agency/score/groups');
      expect(more.request.params.get('sort')).toBe('median');
      expect(more.request.params.get('cursor')).toBe('after-median');
      more.flush(byMedian(SortDirection.Desc, []));
    });

    it('drops a sort under way when another month is opened, and a failed sort’s words with its month', async () => {
      const monthOf = (month: string, jobs: ScoreGroupsPage): ClientMonthlyScore => ({
        ...northwindInNovember({ interviewers: aGroupsPage(ScoreGrouping.Interviewer, []), jobs }),
        month,
      });
      await open('/staff/score/clients/client-1/print?month=2026-11');
      http
        .expectOne('/api/agency/score/clients/client-1/monthly?month=2026-11')
        .flush(monthOf('2026-11', aGroupsPage(ScoreGrouping.Job, threeJobs)));
      await harness.fixture.whenStable();
      header(/Median/)?.click();
      const late = http.expectOne((r) => r.url === '/api/agency/score/groups');
      await harness.navigateByUrl('/staff/score/clients/client-1/print?month=2026-12');
      expect(late.cancelled).toBe(true);
      http
        .expectOne('/api/agency/score/clients/client-1/monthly?month=2026-12')
        .flush(monthOf('2026-12', aGroupsPage(ScoreGrouping.Job, [threeJobs[2]])));
      await harness.fixture.whenStable();
      expect(jobNames()).toEqual(['Carer']);
      expect(jobs().querySelector('hb-score-table')?.getAttribute('aria-busy')).toBe('false');

      header(/Median/)?.click();
      http
        .expectOne((r) => r.url === '/api/agency/score/groups')
        .flush({ code: 'INTERNAL', message: 'Something went wrong.' }, { status: 500, statusText: 'Server Error' });
      await harness.fixture.whenStable();
      expect(jobs().querySelector('[role="alert"]')?.textContent).toContain('The jobs could not be sorted');
      await harness.navigateByUrl('/staff/score/clients/client-1/print?month=2027-01');
      http
        .expectOne('/api/agency/score/clients/client-1/monthly?month=2027-01')
        .flush(monthOf('2027-01', aGroupsPage(ScoreGrouping.Job, threeJobs)));
      await harness.fixture.whenStable();
      expect(jobs().querySelector('[role="alert"]')).toBeNull();
      expect(TestBed.inject(Router).url).toBe('/staff/score/clients/client-1/print?month=2027-01');
    });

    it('writes the month into the URL with the order, when the URL had none', async () => {
      await open('/staff/score/clients/client-1/print', new Date('2026-11-20T09:00:00Z'));
      await answerNovemberWithThreeJobs();
      header(/Median/)?.click();
      http
        .expectOne((r) => r.url === '/api/agency/score/groups')
        .flush(byMedian(SortDirection.Desc, [threeJobs[1], threeJobs[2], threeJobs[0]]));
      await harness.fixture.whenStable();
      expect(TestBed.inject(Router).url).toBe(
        '/staff/score/clients/client-1/print?month=2026-11&jobSort=median&jobDirection=desc',
      );
    });

    it('leaves the rows and the order as they were when sorting fails, and says so', async () => {
      await open('/staff/score/clients/client-1/print?month=2026-11');
      await answerNovemberWithThreeJobs();
      header(/Median/)?.click();
      http
        .expectOne((r) => r.url === '/api/agency/score/groups')
        .flush(
          { code: 'SCORE_TOO_BROAD', message: 'The score for this period took too long to work out.' },
          { status: 503, statusText: 'Service Unavailable' },
        );
      await harness.fixture.whenStable();
      expect(jobs().querySelector('[role="alert"]')?.textContent).toContain('The jobs could not be sorted');
      expect(jobNames()).toEqual(['Analyst', 'Builder', 'Carer']);
      expect(header(/Name/)?.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
      expect(TestBed.inject(Router).url).toBe('/staff/score/clients/client-1/print?month=2026-11');
    });
  });
});
