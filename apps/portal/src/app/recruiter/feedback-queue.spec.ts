import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture } from '@angular/core/testing';
import { ErrorCode } from '@heardback/contracts';
import { FeedbackQueue, queueRows, queueStatus } from './feedback-queue';
import { aListPage, apiErrorBody, aQueueItem } from '../testing/factories';
import { renderComponent } from '../testing/setup';

const HOUR = 3_600_000;
/** The page's "now": fixed, so "Due in 20 hours" never depends on how fast the machine is. */
const NOW_AT = new Date('2026-11-30T12:00:00.000Z');
const fromNow = (hours: number) => new Date(NOW_AT.getTime() + hours * HOUR).toISOString();

describe('queueRows', () => {
  it('keeps the API’s order, which pages keep: no deadline first, then the one due longest ago', () => {
    const rows = queueRows(
      [
        aQueueItem({ stageId: 'none', feedbackDueAt: null }),
        aQueueItem({ stageId: 'very-late', feedbackDueAt: fromNow(-50), overdue: true }),
        aQueueItem({ stageId: 'soon', feedbackDueAt: fromNow(2) }),
      ],
      NOW_AT,
    );
    expect(rows.map((row) => row.item.stageId)).toEqual(['none', 'very-late', 'soon']);
    expect(rows.map((row) => row.due)[0]).toBe('No deadline');
  });

  it('treats a deadline that has just passed as overdue even if the list said otherwise', () => {
    const [row] = queueRows([aQueueItem({ feedbackDueAt: fromNow(-1), overdue: false })], NOW_AT);
    expect(row.overdue).toBe(true);
    expect(row.deadline).toMatch(/^Overdue by /);
  });
});

describe('queueStatus', () => {
  const rows = (count: number) =>
    queueRows(
      Array.from({ length: count }, () => aQueueItem({ feedbackDueAt: fromNow(5) })),
      NOW_AT,
    );

  it('says the true total, and how many are shown while more can be loaded', () => {
    expect(queueStatus(rows(50), 1234, false)).toBe('1,234 interviews need feedback; the 50 due longest ago are shown');
    expect(queueStatus(rows(1), 1, false)).toBe('1 interview needs feedback');
    expect(queueStatus([], 0, true)).toBe('None of your interviews needs feedback.');
  });
});

describe('FeedbackQueue', () => {
  let fixture: ComponentFixture<FeedbackQueue>;
  let http: HttpTestingController;

  beforeEach(async () => ({ fixture, http } = await renderComponent(FeedbackQueue, { now: NOW_AT })));

  afterEach(() => {
    // The queue page also shows the candidates waiting for words; attention-list.spec tests that part.
    http.match('/api/agency/attention').forEach((request) => request.flush([]));
    http.verify();
  });

  const view = () => fixture.nativeElement as HTMLElement;
  const status = () => view().querySelector('[role="status"]')?.textContent?.trim();
  const items = () => Array.from(view().querySelectorAll('article'));
  const button = (name: string) =>
    Array.from(view().querySelectorAll('button')).find((b) => b.textContent?.trim() === name);

  async function answer(body: object | string | null, options?: { status: number; statusText: string }) {
    http.expectOne('/api/feedback/queue').flush(Array.isArray(body) ? aListPage(body) : body, options);
    await fixture.whenStable();
  }

  it('says it is loading until the queue arrives', async () => {
    expect(status()).toBe('Loading the feedback queue…');
    await answer([]);
    expect(status()).toBe('No feedback is due.');
  });

  it('shows candidate, job, client, stage, end time and the deadline in words, in the API’s order', async () => {
    await answer([
      aQueueItem({
        stageId: 's2',
        applicationId: 'app-2',
        candidateName: 'Ben Okafor',
        jobTitle: 'Staff Nurse',
        clientName: 'Bluefin Health',
        stageName: 'Ward visit',
        feedbackDueAt: fromNow(-49),
        overdue: true,
      }),
      aQueueItem({ stageId: 's1', candidateName: 'Ana Silva', feedbackDueAt: fromNow(20) }),
    ]);

    expect(status()).toBe('2 interviews need feedback, 1 overdue');
    const [first, second] = items();
    expect(first.querySelector('h2')?.textContent?.trim()).toBe('Ben Okafor');
    expect(first.textContent).toContain('Staff Nurse · Bluefin Health');
    expect(first.textContent).toContain('Ward visit');
    expect(first.querySelector('.badge')?.textContent?.trim()).toBe('Overdue by 2 days 1 hour');
    expect(second.querySelector('.badge')?.textContent?.trim()).toBe('Due in 20 hours');
    const link = first.querySelector('a');
    expect(link?.getAttribute('href')).toBe('/recruiter/applications/app-2#record-feedback');
    expect(link?.textContent).toContain('Record feedback');
    expect(link?.textContent).toContain('for Ben Okafor');
  });

  it('sends the recruiter to the client’s feedback when it is in, rather than to an empty form of their own', async () => {
    await answer([
      aQueueItem({ stageId: 's1', applicationId: 'app-1', candidateName: 'Uma Tester', clientDraftsWaiting: 1 }),
      aQueueItem({ stageId: 's2', applicationId: 'app-2', clientDraftsWaiting: 2 }),
    ]);
    const [one, two] = items();
    expect(one.querySelector('.queue-item__drafts')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'The client’s feedback is in: check it and publish it.',
    );
    expect(two.querySelector('.queue-item__drafts')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '2 client interviewers’ feedback is in: check it and publish it.',
    );
    const link = one.querySelector('a');
    expect(link?.getAttribute('href')).toBe('/recruiter/applications/app-1#client-feedback');
    expect(link?.textContent).toContain('Review client feedback');
  });

  it('asks for the queue again on “Refresh”, but not while it is still loading', async () => {
    button('Refresh')?.click();
    await fixture.whenStable();
    await answer([]);

    button('Refresh')?.click();
    await fixture.whenStable();
    expect(status()).toBe('Loading the feedback queue…');
    expect(button('Refresh')?.getAttribute('aria-disabled')).toBe('true');
    await answer([aQueueItem()]);
    expect(items()).toHaveLength(1);
  });

  it('says when nothing is waiting', async () => {
    await answer([]);
    expect(items()).toHaveLength(0);
    expect(view().textContent).toContain('Nothing is waiting');
  });

  it('says what went wrong, and “Try again” asks once more', async () => {
    await answer(...apiErrorBody(503, ErrorCode.Internal, 'down'));
    expect(view().querySelector('[role="alert"]')?.textContent).toContain('Our server had a problem (error 503)');

    button('Try again')?.click();
    await fixture.whenStable();
    await answer([aQueueItem()]);
    expect(view().querySelector('[role="alert"]')).toBeNull();
    expect(items()).toHaveLength(1);
  });

  it('marks your own work “Yours”, names the owner of the rest, and shows only yours when asked', async () => {
    await answer([
      aQueueItem({ stageId: 'mine', candidateName: 'Ana Silva', feedbackDueAt: fromNow(2) }),
      aQueueItem({
        stageId: 'theirs',
        candidateName: 'Ben Okafor',
        feedbackDueAt: fromNow(3),
        assignedToYou: false,
        ownerId: 'user-bo',
        ownerName: 'Bo Recruiter',
      }),
    ]);
    const [mine, theirs] = items();
    expect(mine.querySelector('.queue-item__yours')?.textContent?.trim()).toBe('Yours');
    expect(theirs.querySelector('.queue-item__yours')).toBeNull();
    expect(theirs.textContent).toContain('Owner');
    expect(theirs.textContent).toContain('Bo Recruiter');

    const onlyYours = Array.from(view().querySelectorAll<HTMLInputElement>('input[type="radio"]')).find((radio) =>
      radio.closest('label')?.textContent?.includes('Only yours'),
    );
    expect(onlyYours).toBeDefined();
    onlyYours?.click();
    await fixture.whenStable();
    http.expectOne('/api/feedback/queue?mine=true').flush(aListPage([]));
    await fixture.whenStable();
    expect(status()).toBe('None of your interviews needs feedback.');
  });

  it('says the total, loads the next page after the last one shown, and moves focus to the first new row', async () => {
    await answer(aListPage([aQueueItem({ stageId: 's1', candidateName: 'Ana Silva' })], 'next-1', 3));
    expect(status()).toBe('3 interviews need feedback; the 1 due longest ago are shown');
    button('Load more interviews')?.click();
    await fixture.whenStable();
    expect(button('Loading more… interviews')?.getAttribute('aria-disabled')).toBe('true');
    http
      .expectOne('/api/feedback/queue?cursor=next-1')
      .flush(aListPage([aQueueItem({ stageId: 's2', candidateName: 'Ben Okafor' })], null, 2));
    await fixture.whenStable();
    expect(items().map((item) => item.querySelector('h2')?.textContent?.trim())).toEqual(['Ana Silva', 'Ben Okafor']);
    expect(button('Load more interviews')).toBeUndefined();
    expect(status()).toBe('2 interviews need feedback, 2 overdue');
  });
});
