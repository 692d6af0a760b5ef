import { JOB_SEARCH_COUNT_CAP, JOB_SEARCH_DEFAULT_LIMIT, JobBoardPage, UserRole } from '@heardback/contracts';
import { ApiSession } from '../support/api-client';
import { createOpenJob, expectStatus, insertAgencyUser, signIn } from '../support/factories';
import { ownApi } from '../support/own-api';

jest.setTimeout(180_000);

const MEMO_MS = 5 * 60_000;

/**
 * A search matching more jobs than the board counts is not counted again for a while (ADR 0049):
 * its "1,000+" is remembered, its pages are always read afresh. On an API of its own whose clock
 * the test moves, with more open jobs than the cap sharing one word.
 */
describe('a broad public search is counted once, then remembered as broad for a while', () => {
  const api = ownApi({ RUN_BACKGROUND: 'false', PUBLIC_SEARCH_BROAD_MEMO_MS: String(MEMO_MS) }, { clock: true });
  let visitor: ApiSession;

  async function search(query: string): Promise<JobBoardPage> {
    const response = await visitor.get<JobBoardPage>(`/api/jobs?${query}`);
    expectStatus(response, 200, `search ${query}`);
    return response.body;
  }

  /** Every page of a search, following the cursor: the jobs it lists, whatever its total says. */
  async function everyId(query: string): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: JobBoardPage = await search(cursor ? `${query}&cursor=${encodeURIComponent(cursor)}` : query);
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  }

  beforeAll(async () => {
    const { email } = await insertAgencyUser(api.pool, UserRole.Staff, 'Broad Search Staff');
    const staff = await signIn(api.browser(), email);
    visitor = api.browser();
    const model = await createOpenJob(staff, { workMode: 'onsite' });
    // One more open "Zephyrine" job than the board counts, each published a minute apart.
    await api.pool.query(
      `INSERT INTO jobs (client_id, title, description, location, work_mode, employment_type, status, owner_id,
                         pipeline, answer_within_working_days, screening_within_working_days, pay_period, published_at)
       SELECT client_id, 'Zephyrine Engineer ' || n, description, location, work_mode, employment_type, 'open', owner_id,
              pipeline, answer_within_working_days, screening_within_working_days, pay_period,
              now() - n * interval '1 minute'
         FROM jobs, generate_series(1, $2::int) n WHERE id = $1`,
      [model.id, JOB_SEARCH_COUNT_CAP + 1],
    );
  });

  it('says 1,000+ while it lists the true jobs, and counts again once the memo lapses', async () => {
    const first = await search('q=zephyrine');
    expect(first).toMatchObject({ total: JOB_SEARCH_COUNT_CAP, totalCapped: true });
    expect(first.items).toHaveLength(JOB_SEARCH_DEFAULT_LIMIT);
    expect(first.items[0].title).toBe('Zephyrine Engineer 1');

    // All but three close: the remembered verdict still says 1,000+, but the pages list only the open three.
    await api.pool.query(
      `UPDATE jobs SET status = 'closed' WHERE title LIKE 'Zephyrine Engineer %' AND title NOT IN
         ('Zephyrine Engineer 2', 'Zephyrine Engineer 500', 'Zephyrine Engineer 1001')`,
    );
    const remembered = await search('q=zephyrine');
    expect(remembered).toMatchObject({ total: JOB_SEARCH_COUNT_CAP, totalCapped: true, nextCursor: null });
    expect(remembered.items.map((item) => item.title)).toEqual([
      'Zephyrine Engineer 2',
      'Zephyrine Engineer 500',
      'Zephyrine Engineer 1001',
    ]);

    // Another filter is another search: counted, exactly.
    expect(await search('q=zephyrine&workMode=onsite')).toMatchObject({ total: 3, totalCapped: false });

    api.setClock(new Date(Date.now() + MEMO_MS + 1_000));
    expect(await search('q=zephyrine')).toMatchObject({ total: 3, totalCapped: false, nextCursor: null });
  });

  it('pages a broad search to its end with every match once, newest first', async () => {
    await api.pool.query(`UPDATE jobs SET status = 'open' WHERE title LIKE 'Zephyrine Engineer %'`);
    api.setClock(new Date(Date.now() + 2 * (MEMO_MS + 1_000)));
    const ids = await everyId('q=zephyrine&limit=100');
    expect(ids).toHaveLength(JOB_SEARCH_COUNT_CAP + 1);
    expect(new Set(ids).size).toBe(ids.length);
    const { rows } = await api.pool.query<{ id: string }>(
      `SELECT id FROM jobs WHERE title LIKE 'Zephyrine Engineer %' ORDER BY published_at DESC, id DESC`,
    );
    expect(ids).toEqual(rows.map((row) => row.id));
  });
});
