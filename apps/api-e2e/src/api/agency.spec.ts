import {
  AgencyJobPage,
  AgencyUserPage,
  ErrorCode,
  JobApplicationsBoard,
  JobStatus,
  UserRole,
  UserView,
  WaitingApplication,
} from '@heardback/contracts';
import { asError } from '../support/api-client';
import { database } from '../support/database';
import { everyPage } from '../support/paged-lists';
import {
  applicationAwaitingFeedback,
  apply,
  createOpenJob,
  recordFeedback,
  registerCandidate,
  signInAsAgency,
  staffForTheseTests,
} from '../support/factories';

describe("the agency's lists", () => {
  const staff = staffForTheseTests();

  it('shows every application on a job with its current stage, for the board by stage', async () => {
    const { job, application } = await applicationAwaitingFeedback(staff);
    const second = await registerCandidate('Second Candidate');
    const secondApplication = await apply(second.session, job.id);
    await recordFeedback(staff, application, 0);
    const board = await staff.get<JobApplicationsBoard>(`/api/jobs/${job.id}/applications`);
    expect(board.status).toBe(200);
    expect(board.body.job.pipeline).toEqual(['Phone screen', 'Technical', 'Final']);
    expect(board.body).toMatchObject({ total: 2, nextCursor: null, columnTotals: { 'stage-0': 1, 'stage-1': 1 } });
    const byId = new Map(board.body.items.map((item) => [item.id, item]));
    expect(byId.get(application.id)?.currentStage).toMatchObject({ name: 'Technical', position: 1 });
    expect(byId.get(secondApplication.id)).toMatchObject({
      candidate: { fullName: 'Second Candidate' },
      waitingFor: 'screening',
    });
  });

  it('puts the candidate who has heard nothing for longest at the top of "who is waiting"', async () => {
    const quiet = await applicationAwaitingFeedback(staff);
    const recent = await applicationAwaitingFeedback(staff);
    await database().query(`UPDATE timeline_events SET at = now() - interval '9 days' WHERE application_id = $1`, [
      quiet.application.id,
    ]);
    const waiting = await everyPage<WaitingApplication>(staff, '/api/agency/waiting');
    const ids = waiting.items.map((item) => item.id);
    expect(ids.indexOf(quiet.application.id)).toBeLessThan(ids.indexOf(recent.application.id));
    expect(waiting.items.find((item) => item.id === quiet.application.id)).toMatchObject({
      daysSilent: 9,
      longSilence: true,
    });
    expect(waiting.items.find((item) => item.id === recent.application.id)).toMatchObject({
      daysSilent: 0,
      longSilence: false,
    });
  });

  it('leaves closed applications off "who is waiting"', async () => {
    const { application, candidate } = await applicationAwaitingFeedback(staff);
    await candidate.session.post(`/api/applications/${application.id}/withdraw`, {
      reason: 'Found another job',
      version: application.version,
    });
    const waiting = await everyPage<WaitingApplication>(staff, '/api/agency/waiting');
    expect(waiting.items.map((item) => item.id)).not.toContain(application.id);
  });

  it('lists jobs in every status with their open applications, filtered by status', async () => {
    const { job } = await applicationAwaitingFeedback(staff);
    const draft = await createOpenJob(staff, { status: JobStatus.Draft });
    const all = await staff.get<AgencyJobPage>('/api/agency/jobs');
    expect(all.body.items.find((item) => item.id === job.id)?.openApplications).toBe(1);
    expect(all.body.items.map((item) => item.id)).toContain(draft.id);
    const drafts = await staff.get<AgencyJobPage>('/api/agency/jobs?status=draft');
    expect(drafts.body.items.every((item) => item.status === JobStatus.Draft)).toBe(true);
    expect((await staff.get('/api/agency/jobs?status=archived')).status).toBe(400);
  });

  it('lists agency accounts to staff only, never candidates', async () => {
    await signInAsAgency(UserRole.Recruiter);
    await registerCandidate();
    const users = await staff.get<AgencyUserPage>('/api/users');
    expect(users.status).toBe(200);
    expect(users.body.items.length).toBeGreaterThan(0);
    expect(users.body.total).toBeGreaterThanOrEqual(users.body.items.length);
    expect(users.body.items.every((user) => user.role !== UserRole.Candidate)).toBe(true);
    const recruiter = await signInAsAgency(UserRole.Recruiter);
    expect(asError(await recruiter.get('/api/users')).code).toBe(ErrorCode.Forbidden);
  });

  it('keeps candidates off the agency lists', async () => {
    const { session } = await registerCandidate();
    expect((await session.get('/api/agency/waiting')).status).toBe(403);
    expect((await session.get('/api/agency/jobs')).status).toBe(403);
  });

  it('lets anyone signed in change their name, and nothing else about them', async () => {
    const { session } = await registerCandidate('Old Name');
    const renamed = await session.patch<UserView>('/api/me/profile', { fullName: '  New Name ' });
    expect(renamed.body).toMatchObject({ fullName: 'New Name', role: 'candidate' });
    expect((await session.get<UserView>('/api/auth/me')).body.fullName).toBe('New Name');
    const escalate = await session.patch('/api/me/profile', { fullName: 'X', role: 'staff' });
    expect(escalate.status).toBe(400);
  });
});
