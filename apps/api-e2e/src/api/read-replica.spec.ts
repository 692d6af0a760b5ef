import { JobBoardPage, JobDetail, UserRole } from '@heardback/contracts';
import { Pool } from 'pg';
import { ApiSession } from '../support/api-client';
import { ApiProcess, startApiProcess } from '../support/api-server';
import { expectStatus, insertAgencyUser, signIn } from '../support/factories';
import { ReplicatedCluster, startReplicatedCluster } from '../support/replicated-cluster';
import { endPool } from '../support/database';

jest.setTimeout(240_000);

/**
 * Issue 12, item 7 (ADR 0035): with DATABASE_REPLICA_URLS, the reads that may lag a moment (the
 * public board, a visitor's job page) are served by a streaming replica, while every write and every
 * signed-in read goes to the primary. Shown on a real primary and a real hot standby made with
 * pg_basebackup: with the standby's replay paused, a new job is on the primary only, so who sees it
 * tells which server answered.
 */
describe('reads on a streaming replica', () => {
  let cluster: ReplicatedCluster;
  let api: ApiProcess;
  let pool: Pool;
  let staff: ApiSession;
  let visitor: ApiSession;
  let clientId: string;

  beforeAll(async () => {
    cluster = await startReplicatedCluster();
    api = await startApiProcess({
      databaseUrl: cluster.primaryUrl,
      env: { DATABASE_REPLICA_URLS: cluster.standbyUrl, LOG_LEVEL: 'warn' },
    });
    pool = new Pool({ connectionString: cluster.primaryUrl, max: 2 });
    const { email } = await insertAgencyUser(pool, UserRole.Staff, 'Replica Staff');
    staff = await signIn(new ApiSession({ baseUrl: api.url }), email);
    visitor = new ApiSession({ baseUrl: api.url });
    const client = await staff.post<{ id: string }>('/api/clients', { name: 'Replica Ltd' });
    expectStatus(client, 201, 'create client');
    clientId = client.body.id;
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    if (pool) await endPool(pool);
    await cluster?.stop();
  });

  async function openJob(title: string): Promise<JobDetail> {
    const job = await staff.post<JobDetail>('/api/jobs', {
      clientId,
      title,
      description: 'Keeps the lights on.',
      location: 'Leeds',
      workMode: 'remote',
      employmentType: 'full_time',
      status: 'open',
      pipeline: ['Interview'],
    });
    expectStatus(job, 201, 'create job');
    return job.body;
  }

  async function boardTitles(): Promise<string[]> {
    const board = await visitor.get<JobBoardPage>('/api/jobs?q=lights');
    expectStatus(board, 200, 'board');
    return board.body.items.map((item) => item.title).sort();
  }

  it('serves the board and a visitor’s job page from the replica; writes and signed-in reads from the primary', async () => {
    await openJob('Site Reliability Engineer');
    await cluster.caughtUp();
    expect(await boardTitles()).toEqual(['Site Reliability Engineer']);

    await cluster.pauseReplay();
    try {
      // A write goes to the primary, whatever the standby is doing.
      const job = await openJob('Database Administrator');
      // The agency reads the primary: its own new job shows at once.
      expectStatus(await staff.get(`/api/jobs/${job.id}`), 200, 'staff read their new job');
      // The visitor is served by the standby, which has not applied it yet.
      expect(await boardTitles()).toEqual(['Site Reliability Engineer']);
      expect((await visitor.get(`/api/jobs/${job.id}`)).status).toBe(404);

      await cluster.resumeReplay();
      await cluster.caughtUp();
      expect(await boardTitles()).toEqual(['Database Administrator', 'Site Reliability Engineer']);
      expectStatus(await visitor.get(`/api/jobs/${job.id}`), 200, 'visitor reads the replayed job');
    } finally {
      await cluster.resumeReplay();
    }
  });

  it('answers from the primary when the replica is gone, and says so in the log', async () => {
    await cluster.stopStandby();
    expect(await boardTitles()).toEqual(['Database Administrator', 'Site Reliability Engineer']);
    expect(api.output.join('')).toContain('No replica could be reached; reading from the primary');
  });
});
