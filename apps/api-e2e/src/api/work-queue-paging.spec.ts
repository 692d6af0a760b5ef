import {
  AGENCY_LIST_DEFAULT_LIMIT,
  AttentionItem,
  CountedPage,
  ErrorCode,
  JobApplicationsBoard,
  WaitingApplication,
} from '@heardback/contracts';
import { asError } from '../support/api-client';
import { database } from '../support/database';
import { apply, createOpenJob, registerCandidate, staffForTheseTests } from '../support/factories';
import { everyPage, expectListedThroughout, idsNow, sharedOrder } from '../support/paged-lists';

/** Gives applications one and the same "last heard" (and applied) instant: every one ties on the sort key. */
async function sameInstant(applicationIds: string[], at: string): Promise<void> {
  await database().query(`UPDATE applications SET created_at = $2 WHERE id = ANY($1)`, [applicationIds, at]);
  await database().query(`UPDATE timeline_events SET at = $2 WHERE application_id = ANY($1)`, [applicationIds, at]);
}

async function applicationsOnOneJob(staff: ReturnType<typeof staffForTheseTests>, count: number) {
  const job = await createOpenJob(staff);
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const candidate = await registerCandidate(`Paged Candidate ${index}`);
    ids.push((await apply(candidate.session, job.id)).id);
  }
  return { job, ids };
}

describe('paged agency lists (who is waiting, attention, a job’s applications)', () => {
  const staff = staffForTheseTests();

  it('pages a job’s applications oldest first, ties broken by id, with no row twice or missed', async () => {
    const { job, ids } = await applicationsOnOneJob(staff, 7);
    await sameInstant(ids, '2026-01-05 09:00:00.123456+00');

    const walk = await everyPage<JobApplicationsBoard['items'][number]>(staff, `/api/jobs/${job.id}/applications`, 3);
    expect(walk.pages).toBe(3);
    expect(walk.items.map((item) => item.id)).toEqual([...ids].sort());
    expect(walk.totals).toEqual([7, 7, 7]);

    const first = await staff.get<JobApplicationsBoard>(`/api/jobs/${job.id}/applications?limit=3`);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.total).toBe(7);
    // Every column's true count, whichever page is shown.
    expect(first.body.columnTotals).toEqual({ 'stage-0': 7 });
  });

  it('pages who is waiting longest silence first, ties broken by id, and gives the true total', async () => {
    const { ids } = await applicationsOnOneJob(staff, 7);
    // Long before anything else in the run: these seven lead the list, all at one instant.
    await sameInstant(ids, '2001-02-03 04:05:06.789+00');

    const first = await staff.get<CountedPage<WaitingApplication>>('/api/agency/waiting?limit=3');
    const second = await staff.get<CountedPage<WaitingApplication>>(
      `/api/agency/waiting?limit=3&cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`,
    );
    const third = await staff.get<CountedPage<WaitingApplication>>(
      `/api/agency/waiting?limit=3&cursor=${encodeURIComponent(second.body.nextCursor ?? '')}`,
    );
    const leading = [...first.body.items, ...second.body.items, ...third.body.items].slice(0, 7);
    expect(leading.map((item) => item.id)).toEqual([...ids].sort());
    expect(leading.every((item) => item.lastHeardAt === '2001-02-03T04:05:06.789Z')).toBe(true);

    // Other spec files apply and close meanwhile: judge against what was open throughout.
    const open = `SELECT id FROM applications WHERE status IN ('applied', 'screening', 'interviewing', 'offer')`;
    const before = await idsNow(open);
    const walk = await everyPage<WaitingApplication>(staff, '/api/agency/waiting', 7);
    const walked = walk.items.map((item) => item.id);
    expectListedThroughout(walked, walk.totals, before, await idsNow(open));
    const whole = await everyPage<WaitingApplication>(staff, '/api/agency/waiting', 100);
    const [inSmallPages, inLargePages] = sharedOrder(
      walked,
      whole.items.map((item) => item.id),
    );
    expect(inSmallPages).toEqual(inLargePages);
  });

  it('pages the attention list in the same order in small pages as in large, one card per application', async () => {
    const { ids } = await applicationsOnOneJob(staff, 5);
    await sameInstant(ids, '2000-06-07 08:09:10+00');

    const small = await everyPage<AttentionItem>(staff, '/api/agency/attention', 2);
    const large = await everyPage<AttentionItem>(staff, '/api/agency/attention', 100);
    const order = small.items.map((item) => item.applicationId);
    // Other spec files change the list meanwhile: the rows both walks show come in one order.
    const [inSmallPages, inLargePages] = sharedOrder(
      order,
      large.items.map((item) => item.applicationId),
    );
    expect(inSmallPages).toEqual(inLargePages);
    expect(new Set(order).size).toBe(order.length);
    expect(small.totals.every((total) => total >= ids.length)).toBe(true);
    // The tied silent five come in id order, one after another, each overdue.
    const silent = small.items.filter((item) => ids.includes(item.applicationId));
    expect(silent.map((item) => item.applicationId)).toEqual([...ids].sort());
    expect(silent.every((item) => item.reason === 'silent' && item.overdue)).toBe(true);
    const at = order.indexOf(silent[0].applicationId);
    expect(order.slice(at, at + 5)).toEqual([...ids].sort());
    // Overdue cards come before the rest.
    const firstNotOverdue = small.items.findIndex((item) => !item.overdue);
    if (firstNotOverdue >= 0) expect(small.items.slice(firstNotOverdue).every((item) => !item.overdue)).toBe(true);
  });

  it('gives 50 a page unless asked, at most 100, and refuses a bad cursor or limit naming the field', async () => {
    const page = await staff.get<CountedPage<WaitingApplication>>('/api/agency/waiting');
    expect(page.body.items.length).toBeLessThanOrEqual(AGENCY_LIST_DEFAULT_LIMIT);

    for (const path of [
      '/api/agency/waiting',
      '/api/agency/attention',
      `/api/jobs/${(await createOpenJob(staff)).id}/applications`,
    ]) {
      const forged = await staff.get(`${path}?cursor=not-a-cursor`);
      expect(forged.status).toBe(400);
      expect(asError(forged)).toMatchObject({ code: ErrorCode.ValidationFailed });
      expect(asError(forged).details?.[0]?.field).toBe('cursor');

      const tooMany = await staff.get(`${path}?limit=101`);
      expect(tooMany.status).toBe(400);
      expect(asError(tooMany).details?.[0]).toMatchObject({ field: 'limit' });
      expect((await staff.get(`${path}?limit=0`)).status).toBe(400);
    }
    // A cursor from another list is not this list's.
    const waiting = await staff.get<CountedPage<WaitingApplication>>('/api/agency/waiting?limit=1');
    const crossed = await staff.get(`/api/agency/attention?cursor=${waiting.body.nextCursor}`);
    expect(crossed.status).toBe(400);
    expect(asError(crossed).details?.[0]?.field).toBe('cursor');
  });
});
