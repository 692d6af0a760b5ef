import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ClientMonthlyScore, ScoreGrouping } from '@heardback/contracts';
import { setUpPortalTest } from '../testing/setup';
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
        'from=2026-11-01&to=2026-11-30&grouping=job&client=client-1&cursor=next-jobs',
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
    });
  });
});
