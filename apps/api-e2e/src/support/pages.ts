import { ApiResponse } from './api-client';

interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

interface Reader {
  get<T>(path: string): Promise<ApiResponse<T>>;
}

/**
 * Every item of a paged list, following `nextCursor` to the end (100 a page): for tests that look
 * for their own rows in a list other tests also fill.
 */
export async function everyItem<T>(reader: Reader, path: string): Promise<T[]> {
  const items: T[] = [];
  const join = path.includes('?') ? '&' : '?';
  let cursor: string | null = null;
  do {
    const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: ApiResponse<CursorPage<T>> = await reader.get<CursorPage<T>>(`${path}${join}limit=100${after}`);
    if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}: ${JSON.stringify(page.body)}`);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}
