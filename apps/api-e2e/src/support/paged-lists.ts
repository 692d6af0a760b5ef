import { CountedPage } from '@heardback/contracts';
import { ApiResponse, ApiSession } from './api-client';
import { database } from './database';
import { expectStatus } from './factories';

/**
 * Every row of a paged list, walking its cursor `limit` at a time; with each page's total, which
 * must not change along the walk. For specs that look for their own rows in a list shared with
 * every other spec of the run.
 */
export async function everyPage<T>(
  session: ApiSession,
  path: string,
  limit = 100,
): Promise<{ items: T[]; totals: number[]; pages: number }> {
  const items: T[] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page: ApiResponse<CountedPage<T>> = await session.get<CountedPage<T>>(
      `${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expectStatus(page, 200, `read ${path}`);
    items.push(...page.body.items);
    totals.push(page.body.total);
    cursor = page.body.nextCursor;
    pages++;
  } while (cursor !== null);
  return { items, totals, pages };
}

/** The ids a query (its first column, `id`) finds at this moment in the shared test database. */
export async function idsNow(sql: string, params: unknown[] = []): Promise<Set<string>> {
  const { rows } = await database().query<{ id: string }>(sql, params);
  return new Set(rows.map((row) => row.id));
}

/**
 * The API spec files share one database and run side by side, so rows come and go while a list is
 * walked. What must hold whatever they do: every row there both before and after the walk is listed,
 * once, and no page counts fewer rows than those. (Exact totals are checked where a test owns every
 * row of the list: a job's applications, a recruiter's own queue.)
 */
export function expectListedThroughout(
  listed: string[],
  totals: number[],
  before: Set<string>,
  after: Set<string>,
): void {
  expect(new Set(listed).size).toBe(listed.length);
  const throughout = [...before].filter((id) => after.has(id));
  expect(listed).toEqual(expect.arrayContaining(throughout));
  for (const total of totals) expect(total).toBeGreaterThanOrEqual(throughout.length);
}

/** The rows both lists show, in each list's order: the same order whatever else changed in between. */
export function sharedOrder(first: string[], second: string[]): [string[], string[]] {
  const inSecond = new Set(second);
  const inFirst = new Set(first);
  return [first.filter((id) => inSecond.has(id)), second.filter((id) => inFirst.has(id))];
}
