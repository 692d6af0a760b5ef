import { ErrorCode, JobBoardPage, JobDetail, UserRole } from '@heardback/contracts';
import { ApiSession, asError } from '../support/api-client';
import { expectStatus, insertAgencyUser, signIn } from '../support/factories';
import { ownApi } from '../support/own-api';
import { until } from '../support/outbox-waits';
import { Client, PoolClient } from 'pg';

jest.setTimeout(180_000);

/**
 * The keyword box searches a job's title, client, location and description; every word must match
 * somewhere. On a database of its own, so every expected list is exact.
 */
describe('searching the public board', () => {
  const api = ownApi({});
  let staff: ApiSession;
  let visitor: ApiSession;
  const clients: Record<string, string> = {};

  async function job(client: string, fields: Record<string, unknown>): Promise<JobDetail> {
    clients[client] ??= (await staff.post<{ id: string }>('/api/clients', { name: client })).body.id;
    const response = await staff.post<JobDetail>('/api/jobs', {
      clientId: clients[client],
      description: 'A good team to join.',
      workMode: 'onsite',
      employmentType: 'full_time',
      status: 'open',
      pipeline: ['Interview'],
      ...fields,
    });
    expectStatus(response, 201, 'create job');
    return response.body;
  }

  async function search(query: string): Promise<JobBoardPage> {
    const response = await visitor.get<JobBoardPage>(`/api/jobs?${query}`);
    expectStatus(response, 200, `search ${query}`);
    return response.body;
  }

  const titles = (page: JobBoardPage) => page.items.map((item) => item.title).sort();

  beforeAll(async () => {
    const { email } = await insertAgencyUser(api.pool, UserRole.Staff, 'Search Staff');
    staff = await signIn(api.browser(), email);
    visitor = api.browser();
    await job('Orchard Analytics', {
      title: 'Backend Developer',
      location: 'Manchester',
      description: 'You will build services with Node.js and TypeScript.',
    });
    await job('Harbour Foods', { title: 'Senior Software Engineer', location: 'London', workMode: 'hybrid' });
    await job('Harbour Foods', { title: 'Warehouse Operative', location: 'London' });
    await job('Kestrel Health', { title: 'Staff Nurse', location: 'Leeds', description: 'Engineer-free ward.' });
    await job('Quokka Secret Labs', { title: 'Quokkaologist', location: 'Canberra', status: 'draft' });
  });

  it('finds jobs by their client, their location, a dotted technology, and words spread over both', async () => {
    expect(titles(await search('q=Orchard'))).toEqual(['Backend Developer']);
    expect(titles(await search('q=London'))).toEqual(['Senior Software Engineer', 'Warehouse Operative']);
    expect(titles(await search('q=Node.js'))).toEqual(['Backend Developer']);
    expect(titles(await search('q=engineer%20london'))).toEqual(['Senior Software Engineer']);
    expect(titles(await search('q=harbour%20engin'))).toEqual(['Senior Software Engineer']);
  });

  it('answers a search that matches nothing with an empty page and nothing to suggest', async () => {
    const page = await search('q=zzqx');
    expect(page).toEqual({ items: [], nextCursor: null, total: 0, totalCapped: false, didYouMean: null });
  });

  it('suggests the nearest word of an open job for a near miss, only when the suggestion finds jobs', async () => {
    expect(await search('q=Londn')).toMatchObject({ items: [], didYouMean: 'London' });
    expect((await search('q=developer%20manchestr')).didYouMean).toBe('developer Manchester');
    // Harbour's London jobs are on site and hybrid: "London" would find no remote job either.
    expect((await search('q=Londn&workMode=remote')).didYouMean).toBeNull();
    // A draft's words are never offered to the public.
    expect((await search('q=Quokaologist')).didYouMean).toBeNull();
  });

  it('still combines the keywords with the location, work mode and client filters', async () => {
    expect(titles(await search('q=London&workMode=onsite'))).toEqual(['Warehouse Operative']);
    expect(titles(await search('q=engineer&location=lond'))).toEqual(['Senior Software Engineer']);
    expect(titles(await search(`q=london&clientId=${clients['Orchard Analytics']}`))).toEqual([]);
    expect(titles(await search('location=Atlantis'))).toEqual([]);
  });

  it('lists jobs without their descriptions, which only the job page needs', async () => {
    const page = await search('q=Orchard');
    expect(page.items[0]).toMatchObject({ clientName: 'Orchard Analytics', location: 'Manchester' });
    expect(page.items[0]).not.toHaveProperty('description');
  });

  it('finds a job under its client’s new name once the client is renamed', async () => {
    await api.pool.query(`UPDATE clients SET name = 'Pearwood Analytics' WHERE id = $1`, [
      clients['Orchard Analytics'],
    ]);
    expect(titles(await search('q=Pearwood'))).toEqual(['Backend Developer']);
    expect(titles(await search('q=Orchard'))).toEqual([]);
    expect((await search('q=Pearwood')).items[0].clientName).toBe('Pearwood Analytics');
  });

  it('keeps a job’s client name right when the client is renamed while the job is being written', async () => {
    const client = (await staff.post<{ id: string }>('/api/clients', { name: 'Wren Before' })).body.id;
    const insertJob = (on: PoolClient, title: string) =>
      on.query(
        `INSERT INTO jobs (client_id, title, description, location, work_mode, employment_type, status, pipeline,
                           answer_within_working_days, screening_within_working_days)
         VALUES ($1, $2, 'Written in a race.', 'York', 'onsite', 'full_time', 'draft', '{Interview}', 5, 5)`,
        [client, title],
      );
    const rename = (on: PoolClient, name: string) =>
      on.query(`UPDATE clients SET name = $1 WHERE id = $2`, [name, client]);
    const clientNames = async () =>
      (
        await watcher.query<{ title: string; client_name: string }>(
          `SELECT title, client_name FROM jobs WHERE client_id = $1 ORDER BY title`,
          [client],
        )
      ).rows;
    // Until the second statement has either finished or is waiting for the first's lock, committing
    // the first would not be a race at all.
    const raced = async (second: Promise<unknown>, pid: number) => {
      let settled = false;
      void second.finally(() => (settled = true)).catch(() => undefined);
      await until(async () => {
        const { rows } = await watcher.query(
          `SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'`,
          [pid],
        );
        return settled || rows.length > 0;
      }, 'the second writer has run or waits');
    };
    const watcher = new Client({ connectionString: api.database.databaseUrl });
    await watcher.connect();
    const jobWriter = await api.pool.connect();
    const renamer = await api.pool.connect();
    try {
      const pidOf = async (on: PoolClient) =>
        (await on.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
      const [writerPid, renamerPid] = [await pidOf(jobWriter), await pidOf(renamer)];
      // The job first: the rename, made while the job is uncommitted, must still reach it.
      await jobWriter.query('BEGIN');
      await insertJob(jobWriter, 'Race job one');
      const renamed = rename(renamer, 'Wren After');
      await raced(renamed, renamerPid);
      await jobWriter.query('COMMIT');
      await renamed;
      expect(await clientNames()).toEqual([{ title: 'Race job one', client_name: 'Wren After' }]);

      // The rename first: a job written while the rename is uncommitted must take the new name.
      await renamer.query('BEGIN');
      await rename(renamer, 'Wren Last');
      const written = insertJob(jobWriter, 'Race job two');
      await raced(written, writerPid);
      await renamer.query('COMMIT');
      await written;
      expect(await clientNames()).toEqual([
        { title: 'Race job one', client_name: 'Wren Last' },
        { title: 'Race job two', client_name: 'Wren Last' },
      ]);
    } finally {
      // Destroyed, not returned: after a failure either may still hold a transaction or a waiting statement.
      jobWriter.release(true);
      renamer.release(true);
      await watcher.end();
    }
  });

  it('refuses a search the database cannot answer in time with a 503 that says to narrow it, not a 500', async () => {
    // Jobs locked by a schema change: the board waits past its own statement_timeout, however fast the machine.
    const blocker = await api.pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE jobs IN ACCESS EXCLUSIVE MODE');
      const response = await visitor.get('/api/jobs?q=london');
      expect(response.status).toBe(503);
      expect(asError(response)).toMatchObject({
        code: ErrorCode.SearchTooBroad,
        message: expect.stringContaining('Try a narrower search'),
      });
    } finally {
      await blocker.query('ROLLBACK');
      blocker.release();
    }
    expect((await visitor.get('/api/jobs?q=london')).status).toBe(200);
  });

  it('hands every connection back clean after searches cancelled on all of them at once', async () => {
    // More searches than the API's pool (10) has connections, so every pooled connection runs one.
    const searches = 12;
    const blocker = await api.pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE jobs IN ACCESS EXCLUSIVE MODE');
      const refused = await Promise.all(Array.from({ length: searches }, () => visitor.get(`/api/jobs?q=london`)));
      expect(refused.map((response) => response.status)).toEqual(Array(searches).fill(503));
    } finally {
      await blocker.query('ROLLBACK');
      blocker.release();
    }
    // A connection left inside its transaction would answer the next search "transaction is aborted".
    const { rows } = await api.pool.query<{ left: number }>(
      `SELECT count(*)::int AS left FROM pg_stat_activity
        WHERE application_name = 'heardback-api' AND datname = current_database() AND state LIKE 'idle in transaction%'`,
    );
    expect(rows[0].left).toBe(0);
    const answered = await Promise.all(Array.from({ length: searches }, () => search('q=london')));
    expect(answered.map(titles)).toEqual(Array(searches).fill(['Senior Software Engineer', 'Warehouse Operative']));
  });
});
