import { AgencyJobDetail, JobBoardPage, JobDetail, JobStatus, JobSummary, Page } from '@heardback/contracts';
import { randomUUID } from 'node:crypto';
import { ApiSession, asError } from '../support/api-client';
import { closeDatabase } from '../support/database';
import { apply, createOpenJob, registerCandidate, signInAsAgency } from '../support/factories';

describe('the public job board', () => {
  let staff: ApiSession;
  const visitor = new ApiSession();
  const marker = `zq${randomUUID().replace(/-/g, '').slice(0, 10)}`;

  beforeAll(async () => {
    staff = await signInAsAgency();
    for (let index = 0; index < 7; index++) {
      await createOpenJob(staff, {
        title: `${marker} Engineer ${index}`,
        location: index % 2 === 0 ? 'Rotterdam' : 'Remote (EU)',
        workMode: index % 2 === 0 ? 'hybrid' : 'remote',
      });
    }
    await createOpenJob(staff, { title: `${marker} Draft role`, status: JobStatus.Draft });
  });

  afterAll(closeDatabase);

  it('finds open jobs by a word prefix in the title, and never drafts', async () => {
    const page = await visitor.get<Page<JobSummary>>(`/api/jobs?q=${marker.slice(0, 8)}`);
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(7);
    expect(page.body.items.every((job) => job.status === 'open')).toBe(true);
    expect(page.body.items.map((job) => job.title)).not.toContain(`${marker} Draft role`);
  });

  it('filters by work mode and location', async () => {
    const remote = await visitor.get<Page<JobSummary>>(`/api/jobs?q=${marker}&workMode=remote`);
    expect(remote.body.items.map((job) => job.workMode)).toEqual(['remote', 'remote', 'remote']);
    const rotterdam = await visitor.get<Page<JobSummary>>(`/api/jobs?q=${marker}&location=rotter`);
    expect(rotterdam.body.items).toHaveLength(4);
  });

  it('pages through results with the cursor, newest first, with no job twice or missed', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query = `/api/jobs?q=${marker}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { body: JobBoardPage } = await visitor.get<JobBoardPage>(query);
      seen.push(...page.body.items.map((job) => job.title));
      // Every page tells the true number of matching jobs, not just how many it holds.
      expect(page.body.total).toBe(7);
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((index) => `${marker} Engineer ${index}`));
  });

  it('refuses a limit over 100 and a forged cursor with field errors', async () => {
    const tooMany = await visitor.get('/api/jobs?limit=101');
    expect(tooMany.status).toBe(400);
    expect(asError(tooMany).details?.[0]).toEqual({ field: 'limit', reasons: ['Enter 100 or less.'] });
    const forged = await visitor.get('/api/jobs?cursor=abc');
    expect(forged.status).toBe(400);
    expect(asError(forged).details?.[0].field).toBe('cursor');
  });

  it('treats search operators as plain text', async () => {
    const response = await visitor.get<Page<JobSummary>>(`/api/jobs?q=${encodeURIComponent("!&|:*( ' ")}`);
    expect(response.status).toBe(200);
  });

  it('shows a draft job to staff but answers 404 to visitors', async () => {
    const draft = await createOpenJob(staff, { status: JobStatus.Draft });
    expect((await visitor.get(`/api/jobs/${draft.id}`)).status).toBe(404);
    expect((await staff.get<JobDetail>(`/api/jobs/${draft.id}`)).body.status).toBe('draft');
    const opened = await staff.patch<JobDetail>(`/api/jobs/${draft.id}`, {
      status: 'open',
      pipeline: ['Chat', 'Trial day'],
    });
    expect(opened.body.pipeline).toEqual(['Chat', 'Trial day']);
    expect((await visitor.get<JobDetail>(`/api/jobs/${draft.id}`)).body.title).toBe('Integration Test Engineer');
  });

  it('gives staff the job owner id, and never visitors or candidates', async () => {
    const me = await staff.get<{ id: string }>('/api/auth/me');
    const job = await createOpenJob(staff, { ownerId: me.body.id });
    const forStaff = await staff.get<AgencyJobDetail>(`/api/jobs/${job.id}`);
    expect(forStaff.body.ownerId).toBe(me.body.id);
    const candidate = await registerCandidate();
    for (const session of [visitor, candidate.session]) {
      const response = await session.get<JobDetail>(`/api/jobs/${job.id}`);
      expect(response.status).toBe(200);
      expect(response.body).not.toHaveProperty('ownerId');
      expect(JSON.stringify(response.body)).not.toContain(me.body.id);
    }
  });

  it('shows a visitor every field of the job page as the agency wrote it, and staff the same with the owner', async () => {
    const written = {
      title: `${marker} Platform Lead`,
      description: 'Leads the platform team.\nTwo lines, kept as written.',
      location: 'Utrecht',
      workMode: 'onsite',
      employmentType: 'contract',
      salary: { min: 500, max: 650, currency: 'EUR', period: 'day' },
      pipeline: ['Intro call', 'Case study', 'Panel'],
      answerWithinWorkingDays: 4,
      screeningWithinWorkingDays: 6,
      screeningQuestions: [
        { kind: 'yes_no', prompt: 'Can you work in the Netherlands?', required: true },
        { kind: 'choice', prompt: 'Notice period?', required: false, options: ['None', 'One month'] },
      ],
    };
    const created = await createOpenJob(staff, written);
    expect(created).toHaveProperty('ownerId');
    const { ownerId: _staffOnly, ...publicFields } = created as AgencyJobDetail;

    const seen = await visitor.get<JobDetail>(`/api/jobs/${created.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual(publicFields);
    expect(seen.body).toMatchObject({
      ...written,
      clientName: expect.stringMatching(/^Client /),
      status: 'open',
      screeningQuestions: [
        { ...written.screeningQuestions[0], id: expect.any(String), options: [] },
        { ...written.screeningQuestions[1], id: expect.any(String) },
      ],
    });
    expect(new Date(seen.body.publishedAt).toISOString()).toBe(seen.body.publishedAt);
    expect((await staff.get<AgencyJobDetail>(`/api/jobs/${created.id}`)).body).toEqual(created);
  });

  it('says what a pay range is per: a year unless the agency says a day or an hour', async () => {
    const yearly = await createOpenJob(staff, { salary: { min: 55_000, max: 65_000, currency: 'GBP' } });
    expect(yearly.salary).toEqual({ min: 55_000, max: 65_000, currency: 'GBP', period: 'year' });

    const contract = await createOpenJob(staff, {
      employmentType: 'contract',
      salary: { min: 450, max: 550, currency: 'GBP', period: 'day' },
    });
    const onBoard = await visitor.get<JobDetail>(`/api/jobs/${contract.id}`);
    expect(onBoard.body.salary).toEqual({ min: 450, max: 550, currency: 'GBP', period: 'day' });

    const hourly = await staff.patch<JobDetail>(`/api/jobs/${contract.id}`, {
      salary: { min: 25, max: 30, currency: 'GBP', period: 'hour' },
    });
    expect(hourly.body.salary?.period).toBe('hour');

    const refused = await staff.patch(`/api/jobs/${contract.id}`, {
      salary: { min: 25, max: 30, currency: 'GBP', period: 'week' },
    });
    expect(refused.status).toBe(400);
    expect(asError(refused).details?.map((detail) => detail.field)).toEqual(['salary.period']);
    expect((await visitor.get<JobDetail>(`/api/jobs/${contract.id}`)).body.salary?.period).toBe('hour');
  });

  it('lets an applicant read the job they applied for once it closed, marked closed; nobody else', async () => {
    const job = await createOpenJob(staff);
    const applicant = await registerCandidate();
    const stranger = await registerCandidate();
    await apply(applicant.session, job.id);
    const closing = await staff.post(`/api/jobs/${job.id}/close`, {
      outcome: 'closed',
      candidateMessage: 'The client has paused this role.',
    });
    expect(closing.status).toBe(202);

    const forApplicant = await applicant.session.get<JobDetail>(`/api/jobs/${job.id}`);
    expect(forApplicant.status).toBe(200);
    expect(forApplicant.body).toMatchObject({
      id: job.id,
      status: 'closed',
      myApplication: { id: expect.any(String) },
    });
    expect(forApplicant.body).not.toHaveProperty('ownerId');

    for (const session of [stranger.session, visitor]) {
      const response = await session.get(`/api/jobs/${job.id}`);
      expect(response.status).toBe(404);
    }
  });
});
