import { HttpTestingController } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApplicationStatus, ErrorCode, StageState, WaitingFor } from '@heardback/contracts';
import { JobStageBoard } from './job-stage-board';
import { anAgencyApplication, anAgencyJob, apiErrorBody } from '../testing/factories';
import { setUpPortalTest } from '../testing/setup';

/** The board's "now", fixed so deadlines in words never depend on the wall clock. */
const NOW_AT = new Date('2026-11-30T12:00:00.000Z');

describe('JobStageBoard', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  const job = { ...anAgencyJob(), pipeline: ['Phone screen', 'Technical'] };

  beforeEach(async () => {
    http = setUpPortalTest({ routes: [{ path: 'recruiter/jobs/:id', component: JobStageBoard }], now: NOW_AT });
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/recruiter/jobs/job-1');
  });

  afterEach(() => http.verify());

  const view = () => harness.routeNativeElement as HTMLElement;
  const settle = () => harness.fixture.whenStable();
  const columns = () =>
    Array.from(view().querySelectorAll('section.column')).map((column) => ({
      title: column.querySelector('h2')?.firstChild?.textContent?.trim(),
      names: Array.from(column.querySelectorAll('.card__name')).map((a) => a.textContent?.trim()),
    }));

  it('shows one column per stage, then offers and closed applications, each card linking to its application', async () => {
    expect(view().querySelector('[role="status"]')?.textContent?.trim()).toBe('Loading the applications…');
    http.expectOne('/api/jobs/job-1/applications').flush({
      job,
      nextCursor: null,
      total: 2,
      columnTotals: { 'stage-0': 1, closed: 1 },
      items: [
        anAgencyApplication({
          id: 'a',
          candidate: { id: 'c1', fullName: 'Ana Silva', email: 'a@x.test' },
          waitingFor: WaitingFor.Feedback,
          currentStage: {
            id: 's1',
            name: 'Phone screen',
            position: 0,
            state: StageState.AwaitingFeedback,
            feedbackDueAt: new Date(NOW_AT.getTime() - 30 * 3_600_000).toISOString(),
          },
        }),
        anAgencyApplication({
          id: 'b',
          status: ApplicationStatus.Rejected,
          candidate: { id: 'c2', fullName: 'Ben Okafor', email: 'b@x.test' },
        }),
      ],
    });
    await settle();

    expect(view().querySelector('h1')?.textContent?.trim()).toBe('Backend Engineer');
    expect(columns()).toEqual([
      { title: 'Phone screen', names: ['Ana Silva'] },
      { title: 'Technical', names: [] },
      { title: 'Offer', names: [] },
      { title: 'Closed', names: ['Ben Okafor'] },
    ]);
    const card = view().querySelector('.card') as HTMLElement;
    expect(card.querySelector('a')?.getAttribute('href')).toBe('/recruiter/applications/a?from=board');
    expect(card.querySelector('.card__note')?.textContent?.trim()).toBe('Feedback overdue by 1 day 6 hours');
    expect(view().textContent).toContain('Rejected');
  });

  it('says when nobody has applied yet', async () => {
    http
      .expectOne('/api/jobs/job-1/applications')
      .flush({ job, items: [], nextCursor: null, total: 0, columnTotals: {} });
    await settle();
    expect(view().querySelector('[role="status"]')?.textContent?.trim()).toBe('No applications yet');
    expect(view().textContent).toContain('Nobody has applied yet.');
  });

  it('heads each column with its true count while pages remain, and “Load more” fills them in', async () => {
    const at = (name: string, position: number) => ({
      id: `s-${position}`,
      name,
      position,
      state: StageState.Scheduled,
      feedbackDueAt: null,
    });
    const ana = anAgencyApplication({
      id: 'a',
      candidate: { id: 'c1', fullName: 'Ana Silva', email: 'a@x.test' },
      currentStage: at('Phone screen', 0),
    });
    const ben = anAgencyApplication({
      id: 'b',
      candidate: { id: 'c2', fullName: 'Ben Okafor', email: 'b@x.test' },
      currentStage: at('Technical', 1),
    });
    const totals = { 'stage-0': 1, 'stage-1': 40 };
    http
      .expectOne('/api/jobs/job-1/applications')
      .flush({ job, items: [ana], nextCursor: 'page-2', total: 41, columnTotals: totals });
    await settle();
    const counts = () => Array.from(view().querySelectorAll('.column__count')).map((c) => c.textContent?.trim());
    expect(view().querySelector('[role="status"]')?.textContent?.trim()).toBe(
      '1 of 41 applications shown, oldest first',
    );
    expect(counts()).toEqual(['1', '0 of 40', '0', '0']);
    expect(view().textContent).toContain('None of them loaded yet');

    (
      Array.from(view().querySelectorAll('button')).find((b) => b.textContent?.includes('Load more')) as HTMLElement
    ).click();
    http
      .expectOne('/api/jobs/job-1/applications?cursor=page-2')
      .flush({ job, items: [ben], nextCursor: 'page-3', total: 41, columnTotals: totals });
    await settle();
    expect(columns()[1]).toEqual({ title: 'Technical', names: ['Ben Okafor'] });
    expect(counts()).toEqual(['1', '1 of 40', '0', '0']);
  });

  it('leads back to the recruiter\'s jobs, or to "Manage jobs" for staff who opened it there', async () => {
    const backLink = () => view().querySelector('.back-link a') as HTMLAnchorElement;
    expect(backLink().textContent?.trim()).toBe('← All jobs');
    expect(backLink().getAttribute('href')).toBe('/recruiter/jobs');
    http
      .expectOne('/api/jobs/job-1/applications')
      .flush({ job, items: [], nextCursor: null, total: 0, columnTotals: {} });

    await harness.navigateByUrl('/recruiter/jobs/job-2?from=manage');
    http
      .expectOne('/api/jobs/job-2/applications')
      .flush({ job, items: [], nextCursor: null, total: 0, columnTotals: {} });
    await settle();
    expect(backLink().textContent?.trim()).toBe('← Manage jobs');
    expect(backLink().getAttribute('href')).toBe('/staff/jobs');
  });

  it('says what went wrong when the board cannot be loaded', async () => {
    http
      .expectOne('/api/jobs/job-1/applications')
      .flush(...apiErrorBody(404, ErrorCode.NotFound, 'This job does not exist.'));
    await settle();
    expect(view().querySelector('[role="alert"]')?.textContent).toContain('This job does not exist.');
  });
});
