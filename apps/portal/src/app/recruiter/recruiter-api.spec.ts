import { HttpTestingController } from '@angular/common/http/testing';
import { FeedbackDecision, JobStatus } from '@heardback/contracts';
import { RecruiterApi } from './recruiter-api';
import { anApplication } from '../testing/factories';
import { serviceUnderTest } from '../testing/setup';

describe('RecruiterApi', () => {
  let api: RecruiterApi;
  let http: HttpTestingController;

  beforeEach(() => ({ service: api, http } = serviceUnderTest(RecruiterApi)));

  afterEach(() => http.verify());

  it('reads the feedback queue, a page at a time', () => {
    let received: unknown;
    api.feedbackQueue().subscribe((queue) => (received = queue));
    const request = http.expectOne('/api/feedback/queue');
    expect(request.request.method).toBe('GET');
    request.flush({ items: [], nextCursor: null, total: 0 });
    expect(received).toEqual({ items: [], nextCursor: null, total: 0 });
    api.feedbackQueue(true, 'next').subscribe();
    http.expectOne('/api/feedback/queue?mine=true&cursor=next').flush({ items: [], nextCursor: null, total: 0 });
  });

  it('reads one application, with its id escaped into the path', () => {
    api.application('a/b').subscribe();
    http.expectOne('/api/applications/a%2Fb').flush(anApplication());
  });

  it('schedules a stage with the times and place given, and the version the recruiter last saw', () => {
    const body = {
      startsAt: '2026-12-01T14:00:00.000Z',
      endsAt: '2026-12-01T15:00:00.000Z',
      location: 'Video call',
      interviewers: ['Jo Hiring'],
      version: 2,
    };
    let received: unknown;
    api.scheduleStage('app-1', 'stage-1', body).subscribe((view) => (received = view));

    const request = http.expectOne('/api/applications/app-1/stages/stage-1/schedule');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(body);
    request.flush(anApplication());
    expect(received).toEqual(anApplication());
  });

  it('records feedback with the version the recruiter last saw', () => {
    const body = {
      decision: FeedbackDecision.Advance,
      rating: 3,
      candidateMessage: 'Well done.',
      version: 3,
    };
    api.recordFeedback('app-1', 'stage-1', body).subscribe();
    const request = http.expectOne('/api/applications/app-1/stages/stage-1/feedback');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(body);
    request.flush(anApplication());
  });

  it('rejects, offers and hires with the application version', () => {
    api.reject('app-1', { candidateMessage: 'Sorry.', version: 3 }).subscribe();
    api.makeOffer('app-1', { version: 4 }).subscribe();
    api.markHired('app-1', 5).subscribe();

    const reject = http.expectOne('/api/applications/app-1/reject');
    const offer = http.expectOne('/api/applications/app-1/offer');
    const hire = http.expectOne('/api/applications/app-1/hire');
    expect(reject.request.body).toEqual({ candidateMessage: 'Sorry.', version: 3 });
    expect(offer.request.body).toEqual({ version: 4 });
    expect(hire.request.body).toEqual({ version: 5 });
    for (const request of [reject, offer, hire]) {
      expect(request.request.method).toBe('POST');
      request.flush(anApplication());
    }
  });

  it('makes an offer with a reply-by date when one is given', () => {
    api.makeOffer('app-1', { version: 4, replyBy: '2026-06-08T16:00:00.000Z' }).subscribe();
    const offer = http.expectOne({ method: 'POST', url: '/api/applications/app-1/offer' });
    expect(offer.request.body).toEqual({ version: 4, replyBy: '2026-06-08T16:00:00.000Z' });
    offer.flush(anApplication());
  });

  it('moves the promise with its new date, the sentence for the candidate and the version, id escaped', () => {
    const body = { dueAt: '2026-06-08T16:00:00.000Z', candidateMessage: 'The client is away.', version: 3 };
    api.redatePromise('a/b', body).subscribe();
    const request = http.expectOne({ method: 'POST', url: '/api/applications/a%2Fb/promise' });
    expect(request.request.body).toEqual(body);
    request.flush(anApplication());
  });

  it('lists the agency’s jobs, filtered by status only when some are chosen, a page at a time', () => {
    const page = { items: [], nextCursor: null, total: 0 };
    api.agencyJobs().subscribe();
    api.agencyJobs({ status: [JobStatus.Draft, JobStatus.Open], cursor: 'next' }).subscribe();
    http.expectOne('/api/agency/jobs').flush(page);
    http.expectOne('/api/agency/jobs?status=draft,open&cursor=next').flush(page);
  });

  it('reads one job’s applications for its board a page at a time', () => {
    api.jobBoard('job-1').subscribe();
    api.jobBoard('job-1', 'abc').subscribe();
    const page = { job: {}, items: [], nextCursor: null, total: 0, columnTotals: {} };
    http.expectOne('/api/jobs/job-1/applications').flush(page);
    http.expectOne('/api/jobs/job-1/applications?cursor=abc').flush(page);
  });

  it('reads the candidates waiting for words a page at a time', () => {
    let received: unknown;
    api.attention().subscribe((page) => (received = page));
    api.attention('abc').subscribe();
    const page = { items: [], nextCursor: null, total: 0 };
    http.expectOne({ method: 'GET', url: '/api/agency/attention' }).flush(page);
    http.expectOne({ method: 'GET', url: '/api/agency/attention?cursor=abc' }).flush(page);
    expect(received).toEqual(page);
  });

  it('posts a message to the candidate on the application, id escaped', () => {
    let received: unknown;
    api.sendMessage('a/b', { text: 'Still with the client.', version: 6 }).subscribe((view) => (received = view));
    const request = http.expectOne({ method: 'POST', url: '/api/applications/a%2Fb/messages' });
    expect(request.request.body).toEqual({ text: 'Still with the client.', version: 6 });
    request.flush(anApplication());
    expect(received).toEqual(anApplication());
  });
});
