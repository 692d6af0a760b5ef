import { HttpTestingController } from '@angular/common/http/testing';
import { EmploymentType, JobStatus, UserRole, WorkMode } from '@heardback/contracts';
import { StaffApi } from './staff-api';
import { serviceUnderTest } from '../testing/setup';

describe('StaffApi', () => {
  let api: StaffApi;
  let http: HttpTestingController;

  beforeEach(() => ({ service: api, http } = serviceUnderTest(StaffApi)));

  afterEach(() => http.verify());

  it('lists and creates clients', () => {
    let created: unknown;
    api.clients().subscribe();
    api.createClient({ name: 'Acme' }).subscribe((client) => (created = client));

    http.expectOne({ method: 'GET', url: '/api/clients' }).flush([]);
    const post = http.expectOne((r) => r.method === 'POST' && r.url === '/api/clients');
    expect(post.request.body).toEqual({ name: 'Acme' });
    post.flush({ id: 'c1', name: 'Acme' });
    expect(created).toEqual({ id: 'c1', name: 'Acme' });
  });

  it('reads one job as the agency list shows it, with its id escaped into the path', () => {
    api.agencyJob('a/b').subscribe();
    http.expectOne('/api/agency/jobs/a%2Fb').flush({});
  });

  it('reads, creates and updates a job', () => {
    const request = {
      clientId: 'c1',
      title: 'Nurse',
      description: 'Care.',
      location: 'York',
      workMode: WorkMode.Onsite,
      employmentType: EmploymentType.FullTime,
      pipeline: ['Screen', 'Interview', 'Final'],
      answerWithinWorkingDays: 2,
      status: JobStatus.Open as const,
    };
    api.job('j/1').subscribe();
    api.createJob(request).subscribe();
    api.updateJob('j1', { title: 'Senior Nurse' }).subscribe();

    http.expectOne({ method: 'GET', url: '/api/jobs/j%2F1' }).flush({});
    const create = http.expectOne((r) => r.method === 'POST' && r.url === '/api/jobs');
    expect(create.request.body).toEqual(request);
    create.flush({});
    const update = http.expectOne('/api/jobs/j1');
    expect(update.request.method).toBe('PATCH');
    expect(update.request.body).toEqual({ title: 'Senior Nurse' });
    update.flush({});
  });

  it('lists agency accounts and invites one', () => {
    api.users({ q: 'ri', active: true, except: 'user-7', ids: ['a', 'b'], limit: 10 }).subscribe();
    api.inviteUser({ email: 'r@x.test', fullName: 'R', role: UserRole.Recruiter }).subscribe();
    http
      .expectOne({ method: 'GET', url: '/api/users?q=ri&except=user-7&limit=10&active=true&ids=a,b' })
      .flush({ items: [], nextCursor: null, total: 0 });
    const post = http.expectOne({ method: 'POST', url: '/api/users' });
    expect(post.request.body).toEqual({ email: 'r@x.test', fullName: 'R', role: 'recruiter' });
    post.flush({});
  });

  it('reads who is waiting a page at a time', () => {
    api.waiting().subscribe();
    api.waiting('next/page').subscribe();
    http.expectOne('/api/agency/waiting').flush({ items: [], nextCursor: null, total: 0 });
    http.expectOne('/api/agency/waiting?cursor=next/page').flush({ items: [], nextCursor: null, total: 0 });
  });

  it('reads the escalations and the outgoing mail', () => {
    api.escalations().subscribe();
    api.escalations('next').subscribe();
    api.notifications().subscribe();
    http.expectOne({ method: 'GET', url: '/api/agency/escalations' }).flush({ items: [], nextCursor: null, total: 0 });
    http
      .expectOne({ method: 'GET', url: '/api/agency/escalations?cursor=next' })
      .flush({ items: [], nextCursor: null, total: 0 });
    http.expectOne({ method: 'GET', url: '/api/agency/notifications' }).flush({ items: [], nextCursor: null });
    api.notifications({ recipient: ' ana ', status: 'failed', kind: undefined }).subscribe();
    http
      .expectOne({ method: 'GET', url: '/api/agency/notifications?recipient=ana&status=failed' })
      .flush({ items: [], nextCursor: null });
  });

  it('closes a job with the outcome and message, then reads the closure progress', () => {
    let started: unknown;
    api
      .closeJob('job/1', { outcome: JobStatus.Filled, candidateMessage: 'Thank you.' })
      .subscribe((closure) => (started = closure));
    const post = http.expectOne({ method: 'POST', url: '/api/jobs/job%2F1/close' });
    expect(post.request.body).toEqual({ outcome: 'filled', candidateMessage: 'Thank you.' });
    post.flush({ id: 'c1', status: 'queued' });
    expect(started).toEqual({ id: 'c1', status: 'queued' });

    api.jobClosure('c1').subscribe();
    http.expectOne({ method: 'GET', url: '/api/job-closures/c1' }).flush({});
  });
});
