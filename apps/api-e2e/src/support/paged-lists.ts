import { CountedPage } from '@heardback/contracts';
import { ApiResponse, ApiSession } from './api-client';
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
