import { ApplicationStatus, JobClosureView, JobDetail, UserRole } from '@heardback/contracts';
import { ApiSession, asError } from '../support/api-client';
import { insertAgencyUser, signIn } from '../support/factories';
import { ownApi } from '../support/own-api';

jest.setTimeout(180_000);

/** Closing a job runs on the job queue, so this spec starts its own API with background work on. */
describe('closing a job (rule 3: a closing message to every open application)', () => {
  const api = ownApi({ OUTBOX_POLL_MS: '60000' });
  let staff: ApiSession;

  beforeAll(async () => {
    const { email } = await insertAgencyUser(api.pool, UserRole.Staff, 'Closing Staff');
    staff = await signIn(api.browser(), email);
  });

  async function jobWithApplications(count: number): Promise<JobDetail> {
    const client = await staff.post<{ id: string }>('/api/clients', { name: `Closing Co ${Date.now()}` });
    const job = await staff.post<JobDetail>('/api/jobs', {
      clientId: client.body.id,
      title: 'Role to close',
      description: 'Soon closed.',
      location: 'Leeds',
      workMode: 'onsite',
      employmentType: 'full_time',
      status: 'open',
      pipeline: ['Phone screen', 'Final'],
    });
    // Thousands of candidates are made directly in SQL: the API would take minutes to register them.
    await api.pool.query(
      `WITH candidates AS (
         INSERT INTO users (email, password_hash, full_name, role)
         SELECT 'bulk-' || $2 || '-' || n || '@example.test', 'x', 'Bulk Candidate ' || n, 'candidate' FROM generate_series(1, $1) AS n
         RETURNING id)
       INSERT INTO applications (job_id, candidate_id, status) SELECT $3, id, 'applied' FROM candidates`,
      [count, Date.now(), job.body.id],
    );
    return job.body;
  }

  it('answers at once, then closes every open application with the message and tells each candidate', async () => {
    const job = await jobWithApplications(1200);
    await api.pool.query(
      `UPDATE applications SET status = 'withdrawn' WHERE id = (SELECT id FROM applications WHERE job_id = $1 LIMIT 1)`,
      [job.id],
    );
    const response = await staff.post<JobClosureView>(`/api/jobs/${job.id}/close`, {
      outcome: 'filled',
      candidateMessage: 'The client has filled this role. Thank you for your interest.',
    });
    // "At once" is what the answer says, not how long it took (that depends on the machine): the
    // closing is queued with none of its 1,199 applications closed yet; the work comes after.
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ total: 1199, done: 0, status: 'queued' });

    let progress = response.body;
    while (progress.status !== 'done') {
      await new Promise((next) => setTimeout(next, 200));
      progress = (await staff.get<JobClosureView>(`/api/job-closures/${progress.id}`)).body;
    }
    expect(progress.done).toBe(1199);
    const { rows } = await api.pool.query(
      `SELECT status, count(*)::int AS n FROM applications WHERE job_id = $1 GROUP BY status ORDER BY status`,
      [job.id],
    );
    expect(rows).toEqual([
      { status: ApplicationStatus.JobClosed, n: 1199 },
      { status: ApplicationStatus.Withdrawn, n: 1 },
    ]);
    const { rows: mail } = await api.pool.query(
      `SELECT count(DISTINCT n.recipient_id)::int AS n FROM notifications n JOIN applications a ON a.id = n.application_id
        WHERE a.job_id = $1 AND n.body LIKE '%has filled this role%'`,
      [job.id],
    );
    expect(mail[0].n).toBe(1199);
    expect((await staff.get<JobDetail>(`/api/jobs/${job.id}`)).body.status).toBe('filled');
  });

  it('refuses to close a job twice, and refuses a closing without words', async () => {
    const job = await jobWithApplications(2);
    const noWords = await staff.post(`/api/jobs/${job.id}/close`, { outcome: 'closed', candidateMessage: ' ' });
    expect(noWords.status).toBe(400);
    expect(asError(noWords).details?.[0].field).toBe('candidateMessage');
    expect(
      (await staff.post(`/api/jobs/${job.id}/close`, { outcome: 'closed', candidateMessage: 'Closed.' })).status,
    ).toBe(202);
    const again = await staff.post(`/api/jobs/${job.id}/close`, { outcome: 'closed', candidateMessage: 'Closed.' });
    expect(again.status).toBe(409);
  });

  it('refuses, in the database, a closed application without a closing message', async () => {
    const job = await jobWithApplications(1);
    await expect(
      api.pool.query(`UPDATE applications SET status = 'job_closed' WHERE job_id = $1`, [job.id]),
    ).rejects.toMatchObject({
      constraint: 'applications_job_closed_has_message',
    });
  });
});
