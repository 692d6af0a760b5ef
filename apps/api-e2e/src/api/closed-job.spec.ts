import { AgencyJobDetail, ErrorCode, JobClosureView } from '@heardback/contracts';
import { ApiSession, asError } from '../support/api-client';
import { closeDatabase, database } from '../support/database';
import { createOpenJob, signInAsAgency } from '../support/factories';

/** Issue 14, item 4: a closed job stays as it was closed, and the staff page can say when that was. */
describe('a closed job', () => {
  let staff: ApiSession;

  beforeAll(async () => {
    staff = await signInAsAgency();
  });

  afterAll(closeDatabase);

  async function closedJob() {
    const job = await createOpenJob(staff, { title: 'Closed Role' });
    const closing = await staff.post<JobClosureView>(`/api/jobs/${job.id}/close`, {
      outcome: 'closed',
      candidateMessage: 'The client has paused hiring for this role.',
    });
    expect(closing.status).toBe(202);
    return job;
  }

  it('refuses an edit with a 409 that says why, and changes nothing', async () => {
    const job = await closedJob();
    const edit = await staff.patch(`/api/jobs/${job.id}`, { title: 'Reopened by mistake', pipeline: ['Only'] });
    expect(edit.status).toBe(409);
    expect(asError(edit).code).toBe(ErrorCode.InvalidTransition);
    expect(asError(edit).message).toBe('This job is closed; it can no longer be edited.');
    const { rows } = await database().query(`SELECT title, pipeline, status FROM jobs WHERE id = $1`, [job.id]);
    expect(rows[0]).toEqual({
      title: 'Closed Role',
      pipeline: ['Phone screen', 'Technical', 'Final'],
      status: 'closed',
    });
    expect((await staff.get<AgencyJobDetail>(`/api/jobs/${job.id}`)).body.title).toBe('Closed Role');
  });

  it('tells staff when and how it was closed, and says plainly when a job never was', async () => {
    const job = await closedJob();
    const closure = await staff.get<JobClosureView>(`/api/jobs/${job.id}/closure`);
    expect(closure.status).toBe(200);
    expect(closure.body).toMatchObject({ jobId: job.id, outcome: 'closed' });
    expect(Date.parse(closure.body.createdAt)).not.toBeNaN();

    const open = await createOpenJob(staff);
    const never = await staff.get(`/api/jobs/${open.id}/closure`);
    expect(never.status).toBe(404);
    expect(asError(never).message).toBe('This job has not been closed.');
  });
});
