import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ClientMonthlyScore } from '@heardback/contracts';
import { setUpPortalTest } from '../testing/setup';
import { ClientReportPage, monthName, shiftMonth } from './client-report-page';
import { aScoreReport, aScoreRow } from './score-testing';

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
      const report = aScoreReport();
      const month: ClientMonthlyScore = {
        client: { id: 'client-1', name: 'Northwind' },
        month: '2026-11',
        from: '2026-11-01',
        to: '2026-11-30',
        at: '2026-12-03T10:00:00.000Z',
        overall: report.overall,
        interviewers: [aScoreRow({ id: 'c1', name: 'Cara Contact', median: 2 })],
        jobs: [],
        trend: report.trend,
        distribution: report.distribution,
      };
      request.flush(month);
      await fixture.whenStable();
      expect(view().querySelector('h1')?.textContent).toContain('Northwind: Heardback score for November 2026');
      expect(view().textContent).toContain('Cara Contact');
      expect(view().textContent).toContain('Nothing happened on this client');
      expect(view().querySelector('.no-print button')?.textContent).toContain('Print');
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
