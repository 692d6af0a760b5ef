import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ScoreGrouping } from '@heardback/contracts';
import { setUpPortalTest } from '../testing/setup';
import { ScorePage } from './score-page';
import { aScoreReport, aScoreRow } from './score-testing';

/** The page's "today": 3 December 2026. */
const NOW_AT = new Date(2026, 11, 3, 10, 0);

describe('ScorePage', () => {
  let fixture: ComponentFixture<ScorePage>;
  let http: HttpTestingController;

  const view = () => fixture.nativeElement as HTMLElement;
  const scoreRequest = (): TestRequest => http.expectOne((request) => request.url === '/api/agency/score');
  const answer = async (
    request: TestRequest,
    by: ScoreGrouping,
    rows = [aScoreRow({ id: 'a', name: 'Ada', median: 2 })],
  ) => {
    request.flush(aScoreReport({ by, rows }));
    await fixture.whenStable();
  };
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
    const request = scoreRequest();
    expect(request.request.params.toString()).toBe('from=2026-12-01&to=2026-12-03&by=recruiter');
    await answer(request, ScoreGrouping.Recruiter, [
      aScoreRow({ id: 'a', name: 'Ada', median: 2 }),
      aScoreRow({ id: 'b', name: 'Bo', median: 0.5 }),
    ]);
    expect(view().querySelector('.score__figures')?.textContent).toContain('1.5');
    expect(view().querySelector('#trend-summary')?.textContent).toContain('2026-W49');
    expect(view().querySelectorAll('hb-score-charts canvas[role="img"]')).toHaveLength(2);
    expect(rowNames()).toEqual(['Ada', 'Bo']);
  });

  it('sorts the table by a clicked column and says so with aria-sort', async () => {
    await render('staff');
    await answer(scoreRequest(), ScoreGrouping.Recruiter, [
      aScoreRow({ id: 'a', name: 'Ada', median: 2 }),
      aScoreRow({ id: 'b', name: 'Bo', median: 0.5 }),
      aScoreRow({ id: 'c', name: 'Cy', median: null }),
    ]);
    const header = Array.from(view().querySelectorAll('hb-score-table thead th')).find((th) =>
      th.textContent?.includes('Median'),
    ) as HTMLElement;
    header.querySelector('button')?.click();
    await fixture.whenStable();
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(rowNames()).toEqual(['Ada', 'Bo', 'Cy']);
    header.querySelector('button')?.click();
    await fixture.whenStable();
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(rowNames()).toEqual(['Bo', 'Ada', 'Cy']);
  });

  it('asks again when another grouping or period is chosen, and links the CSV of what is shown', async () => {
    await render('staff');
    await answer(scoreRequest(), ScoreGrouping.Recruiter);
    const jobsTab = Array.from(view().querySelectorAll<HTMLButtonElement>('[role="tab"]')).find((tab) =>
      tab.textContent?.includes('Jobs'),
    );
    jobsTab?.click();
    await fixture.whenStable();
    const byJob = scoreRequest();
    expect(byJob.request.params.get('by')).toBe('job');
    await answer(byJob, ScoreGrouping.Job);
    const selected = view().querySelector('[role="tab"][aria-selected="true"]');
    expect(selected?.textContent?.trim()).toBe('Jobs');

    const lastMonth = view().querySelector<HTMLInputElement>('input[type="radio"][value="last-month"]');
    lastMonth?.click();
    await fixture.whenStable();
    const previous = scoreRequest();
    expect(previous.request.params.toString()).toBe('from=2026-11-01&to=2026-11-30&by=job');
    await answer(previous, ScoreGrouping.Job);
    const csv = view().querySelector<HTMLAnchorElement>('a[download]');
    expect(csv?.getAttribute('href')).toBe('/api/agency/score.csv?from=2026-11-01&to=2026-11-30&by=job&table=groups');
  });

  it('refuses a custom period the wrong way round without asking the API', async () => {
    await render('staff');
    await answer(scoreRequest(), ScoreGrouping.Recruiter);
    view().querySelector<HTMLInputElement>('input[value="custom"]')?.click();
    await fixture.whenStable();
    const from = view().querySelector<HTMLInputElement>('#score-from') as HTMLInputElement;
    from.value = '2026-12-10';
    from.dispatchEvent(new Event('input'));
    view().querySelector<HTMLButtonElement>('.score__custom button[type="submit"]')?.click();
    await fixture.whenStable();
    expect(view().querySelector('#score-custom-problem')?.textContent).toContain('must not be before the first');
    http.expectNone((request) => request.url === '/api/agency/score');
  });

  it('starts a recruiter on clients, offers no recruiter tab, and explains withheld satisfaction', async () => {
    await render('recruiter');
    const request = scoreRequest();
    expect(request.request.params.get('by')).toBe('client');
    request.flush(
      aScoreReport({
        ownWorkOnly: true,
        overall: {
          ...aScoreReport().overall,
          satisfaction: { responses: 4, cnps: null, feltGhostedPercent: null, withheld: true },
        },
      }),
    );
    await fixture.whenStable();
    const tabs = Array.from(view().querySelectorAll('[role="tab"]')).map((tab) => tab.textContent?.trim());
    expect(tabs).toEqual(['Clients', 'Client interviewers', 'Jobs']);
    expect(view().textContent).toContain('Hidden (4)');
    expect(view().textContent).toContain('shown from 5 answers');
  });
});
