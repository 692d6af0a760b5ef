import {
  CURSOR_MAX_LENGTH,
  CandidateApplicationView,
  ErrorCode,
  MY_APPLICATIONS_DEFAULT_LIMIT,
  MY_APPLICATIONS_MAX_LIMIT,
  MyApplicationsPage,
} from '@heardback/contracts';
import { ApiSession, asError } from '../support/api-client';
import { database } from '../support/database';
import { apply, createOpenJob, expectStatus, registerCandidate, staffForTheseTests } from '../support/factories';

/** Walks the candidate's list `limit` at a time to its end, as the portal's "Load more" does. */
async function walk(session: ApiSession, limit: number): Promise<{ ids: string[]; pages: MyApplicationsPage[] }> {
  const pages: MyApplicationsPage[] = [];
  let cursor: string | null = null;
  do {
    const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = await session.get<MyApplicationsPage>(`/api/me/applications?limit=${limit}${after}`);
    expectStatus(page, 200, `page ${pages.length + 1} of ${limit}`);
    expect(page.body.items.length).toBeLessThanOrEqual(limit);
    pages.push(page.body);
    cursor = page.body.nextCursor;
  } while (cursor);
  return { ids: pages.flatMap((page) => page.items.map((item) => item.id)), pages };
}

async function withdraw(session: ApiSession, application: CandidateApplicationView): Promise<void> {
  const response = await session.post(`/api/applications/${application.id}/withdraw`, {
    reason: 'Found something else.',
    version: application.version,
  });
  expectStatus(response, 200, 'withdraw');
}

/** Applied at `at`, as if long ago: the order is then the test's, not the clock's. */
async function appliedAt(ids: string[], at: string): Promise<void> {
  await database().query(`UPDATE applications SET created_at = $2 WHERE id = ANY($1)`, [ids, at]);
}

/** Open before closed, then newest applied first, then the greater id first (as the API sorts uuids). */
function documentedOrder(rows: { id: string; open: boolean; at: string }[]): string[] {
  return [...rows]
    .sort(
      (a, b) =>
        Number(b.open) - Number(a.open) ||
        Date.parse(b.at) - Date.parse(a.at) ||
        (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    )
    .map((row) => row.id);
}

describe("the candidate's own applications, a page at a time", () => {
  const staff = staffForTheseTests();
  let candidate: ApiSession;
  let other: ApiSession;
  let expected: string[];
  let othersApplication: string;

  beforeAll(async () => {
    candidate = (await registerCandidate('Paged Candidate')).session;
    other = (await registerCandidate('Other Candidate')).session;
    const jobs = [];
    for (let index = 0; index < 9; index++) jobs.push(await createOpenJob(staff));
    const applications = [];
    for (const job of jobs) applications.push(await apply(candidate, job.id));
    othersApplication = (await apply(other, jobs[0].id)).id;
    const closed = applications.slice(6);
    for (const application of closed) await withdraw(candidate, application);

    // Two open and two closed applied at the same moment: only the id orders them. The newest
    // application of all is a closed one, and still comes after every open one.
    const times = [
      '2026-03-01T09:00:00.000Z',
      '2026-03-01T09:00:00.000Z',
      '2026-02-01T09:00:00.000Z',
      '2026-05-01T09:00:00.000Z',
      '2026-01-15T09:00:00.000Z',
      '2026-04-01T09:00:00.000Z',
      '2026-06-01T09:00:00.000Z',
      '2026-02-10T09:00:00.000Z',
      '2026-02-10T09:00:00.000Z',
    ];
    for (const [index, application] of applications.entries()) await appliedAt([application.id], times[index]);
    expected = documentedOrder(
      applications.map((application, index) => ({ id: application.id, open: index < 6, at: times[index] })),
    );
  });

  it('walks every application exactly once, open ones first, newest first, whatever the page size', async () => {
    for (const limit of [1, 2, 3, 4, 6, 100]) {
      const { ids, pages } = await walk(candidate, limit);
      expect({ limit, ids }).toEqual({ limit, ids: expected });
      expect(pages).toHaveLength(Math.max(1, Math.ceil(expected.length / limit)));
      for (const page of pages) {
        expect(page.totals).toEqual({ open: 6, closed: 3 });
        expect(page.total).toBe(9);
      }
    }
  });

  it('marks each application open or closed as the totals count them, and pages 20 unless asked', async () => {
    const first = await candidate.get<MyApplicationsPage>('/api/me/applications');
    expectStatus(first, 200, 'first page');
    expect(MY_APPLICATIONS_DEFAULT_LIMIT).toBeGreaterThan(9);
    expect(first.body.items.map((item) => item.id)).toEqual(expected);
    expect(first.body.nextCursor).toBeNull();
    expect(first.body.items.map((item) => item.status)).toEqual([
      ...Array(6).fill('applied'),
      ...Array(3).fill('withdrawn'),
    ]);
  });

  it("never shows one candidate another's applications, even with the other's cursor", async () => {
    const theirs = await other.get<MyApplicationsPage>('/api/me/applications');
    expect(theirs.body.items.map((item) => item.id)).toEqual([othersApplication]);
    expect(theirs.body.totals).toEqual({ open: 1, closed: 0 });

    const mine = await candidate.get<MyApplicationsPage>('/api/me/applications?limit=1');
    const borrowed = await other.get<MyApplicationsPage>(
      `/api/me/applications?cursor=${encodeURIComponent(mine.body.nextCursor ?? '')}`,
    );
    expectStatus(borrowed, 200, 'a borrowed cursor');
    expect(borrowed.body.items.every((item) => !expected.includes(item.id))).toBe(true);
    expect(borrowed.body.totals).toEqual({ open: 1, closed: 0 });
  });

  it.each([
    ['limit=0', 'limit'],
    [`limit=${MY_APPLICATIONS_MAX_LIMIT + 1}`, 'limit'],
    ['limit=many', 'limit'],
    ['limit=1.5', 'limit'],
    ['cursor=garbage', 'cursor'],
    [
      `cursor=${Buffer.from(JSON.stringify([2, '2026-03-01 09:00:00+00', '00000000-0000-4000-8000-000000000001'])).toString('base64url')}`,
      'cursor',
    ],
    [`cursor=${Buffer.from(JSON.stringify([0, 'yesterday', 'x'])).toString('base64url')}`, 'cursor'],
    [`cursor=${'a'.repeat(CURSOR_MAX_LENGTH + 1)}`, 'cursor'],
  ])('refuses %s with a 400 naming the %s', async (query, field) => {
    const response = await candidate.get(`/api/me/applications?${query}`);
    expect(response.status).toBe(400);
    expect(asError(response).code).toBe(ErrorCode.ValidationFailed);
    expect(asError(response).details?.map((detail) => detail.field)).toContain(field);
  });

  it('gives the largest page allowed', async () => {
    expectStatus(await candidate.get(`/api/me/applications?limit=${MY_APPLICATIONS_MAX_LIMIT}`), 200, 'max limit');
  });

  it('is the candidate’s alone: the agency and visitors are refused', async () => {
    expect((await new ApiSession().get('/api/me/applications')).status).toBe(401);
    expect((await staff.get('/api/me/applications')).status).toBe(403);
  });
});
