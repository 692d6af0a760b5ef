import {
  ApplicationStatus,
  ApplicationView,
  ErrorCode,
  JobClosureView,
  JobDetail,
  TimelineEventType,
  UserRole,
} from '@heardback/contracts';
import { ApiSession, asError } from '../support/api-client';
import {
  apply,
  createOpenJob,
  insertAgencyUser,
  interviewHeld,
  recordFeedback,
  registerCandidateOn,
  signIn,
} from '../support/factories';
import { future } from '../support/future-dates';
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

  /** The closure once the background has finished it; a closure stuck short of that fails here, saying where. */
  async function closedOnceDone(closure: JobClosureView): Promise<JobClosureView> {
    let progress = closure;
    for (let polls = 0; progress.status !== 'done'; polls += 1) {
      if (polls === 300) throw new Error(`the closure stopped at ${JSON.stringify(progress)}`);
      await new Promise((next) => setTimeout(next, 200));
      progress = (await staff.get<JobClosureView>(`/api/job-closures/${progress.id}`)).body;
    }
    return progress;
  }

  it('refuses to close a job while an interview on it waits for feedback, and closes it once it is given', async () => {
    const job = await createOpenJob(staff, { title: 'Interviewed, not yet answered' });
    const candidate = await registerCandidateOn(api, 'Ines Interviewed');
    const applied = await apply(candidate.session, job.id);
    const held = await interviewHeld(staff, applied, 0);

    const refused = await staff.post(`/api/jobs/${job.id}/close`, {
      outcome: 'filled',
      candidateMessage: 'The client has filled this role.',
    });
    expect(refused.status).toBe(409);
    expect(asError(refused).code).toBe(ErrorCode.FeedbackRequired);
    expect(asError(refused).message).toBe(
      'Record the feedback on this interview before closing the job: Ines Interviewed (Phone screen). ' +
        'Each candidate must hear how their interview went, not only that the job closed.',
    );
    // Nothing was written: the job is open and no closure was started.
    expect((await staff.get<JobDetail>(`/api/jobs/${job.id}`)).body.status).toBe('open');
    expect((await staff.get(`/api/jobs/${job.id}/closure`)).status).toBe(404);

    await recordFeedback(staff, { ...applied, version: held.version }, 0);
    const closing = await staff.post<JobClosureView>(`/api/jobs/${job.id}/close`, {
      outcome: 'filled',
      candidateMessage: 'The client has filled this role.',
    });
    expect(closing.status).toBe(202);
    expect((await closedOnceDone(closing.body)).done).toBe(1);
    const { rows } = await api.pool.query(
      `SELECT a.status, array_agg(t.type ORDER BY t.id) FILTER (WHERE t.candidate_visible) AS heard
         FROM applications a JOIN timeline_events t ON t.application_id = a.id WHERE a.id = $1 GROUP BY a.status`,
      [applied.id],
    );
    expect(rows[0].status).toBe(ApplicationStatus.JobClosed);
    // The candidate heard both: how the interview went, then that the job closed.
    expect(rows[0].heard).toContain(TimelineEventType.FeedbackRecorded);
    expect(rows[0].heard.at(-1)).toBe(TimelineEventType.JobClosed);
  });

  it('refuses to close a job while an interview on it is under way: its feedback will be owed', async () => {
    const job = await createOpenJob(staff, { title: 'Interview under way' });
    const candidate = await registerCandidateOn(api, 'Mid Interview');
    const applied = await apply(candidate.session, job.id);
    const now = Date.now();
    const booked = await staff.post<ApplicationView>(
      `/api/applications/${applied.id}/stages/${applied.stages[0].id}/schedule`,
      {
        startsAt: new Date(now - 1_800_000).toISOString(),
        endsAt: new Date(now + 1_800_000).toISOString(),
        location: 'Video call',
        interviewers: ['Hiring manager'],
        version: applied.version,
      },
    );
    expect(booked.status).toBe(200);
    const refused = await staff.post(`/api/jobs/${job.id}/close`, { outcome: 'closed', candidateMessage: 'Closed.' });
    expect(refused.status).toBe(409);
    expect(asError(refused).message).toContain('Mid Interview (Phone screen)');
  });

  it('refuses, in the database, to close with its job an application whose interview has no feedback', async () => {
    const job = await createOpenJob(staff, { title: 'Closed by hand' });
    const candidate = await registerCandidateOn(api, 'Hand Closed');
    await interviewHeld(staff, await apply(candidate.session, job.id), 0);
    await expect(
      api.pool.query(`UPDATE applications SET status = 'job_closed', rejection_message = 'Closed.' WHERE job_id = $1`, [
        job.id,
      ]),
    ).rejects.toMatchObject({ constraint: 'stage_feedback_required' });
  });

  it('cancels, in the closing email, an interview the candidate still had to come', async () => {
    const job = await createOpenJob(staff, { title: 'Closed before the interview' });
    const candidate = await registerCandidateOn(api, 'Booked Candidate');
    const applied = await apply(candidate.session, job.id);
    const startsAt = future('2030-01-10T10:00:00.000Z');
    const endsAt = future('2030-01-10T11:00:00.000Z');
    const booked = await staff.post<ApplicationView>(
      `/api/applications/${applied.id}/stages/${applied.stages[0].id}/schedule`,
      { startsAt, endsAt, location: 'Video call', interviewers: ['Hiring manager'], version: applied.version },
    );
    expect(booked.status).toBe(200);

    const closing = await staff.post<JobClosureView>(`/api/jobs/${job.id}/close`, {
      outcome: 'closed',
      candidateMessage: 'The client has stopped hiring for this role.',
    });
    expect(closing.status).toBe(202);
    await closedOnceDone(closing.body);
    const { rows } = await api.pool.query(
      // The emails that carry the interview in a calendar part (the application's receipt has none).
      `SELECT calendar_method, calendar_invite FROM notifications
        WHERE application_id = $1 AND kind = 'candidate_update' AND calendar_method IS NOT NULL ORDER BY sequence`,
      [applied.id],
    );
    expect(rows.map((row) => row.calendar_method)).toEqual(['REQUEST', 'CANCEL']);
    expect(rows[1].calendar_invite.facts).toMatchObject({
      stageId: applied.stages[0].id,
      sequence: rows[0].calendar_invite.facts.sequence + 1,
      cancelled: true,
      startsAt,
    });
  });

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

    expect((await closedOnceDone(response.body)).done).toBe(1199);
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
