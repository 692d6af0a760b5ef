import { HttpTestingController } from '@angular/common/http/testing';
import { CandidateApplicationView, CandidateUpdateKind, ErrorCode } from '@heardback/contracts';
import { CandidateApi } from './candidate-api';
import { aCandidateApplicationBetweenInterviews, apiErrorBody } from '../testing/factories';
import { serviceUnderTest } from '../testing/setup';

describe('CandidateApi', () => {
  let api: CandidateApi;
  let http: HttpTestingController;

  beforeEach(() => ({ service: api, http } = serviceUnderTest(CandidateApi)));

  afterEach(() => http.verify());

  it('pages the candidate’s applications from GET /api/me/applications, then after a cursor', () => {
    let received: unknown;
    api.myApplications().subscribe((page) => (received = page));
    const empty = { items: [], nextCursor: null, total: 0, totals: { open: 0, closed: 0 } };

    http.expectOne({ method: 'GET', url: '/api/me/applications' }).flush(empty);
    expect(received).toEqual(empty);

    api.myApplications('next page').subscribe();
    const request = http.expectOne((req) => req.method === 'GET' && req.url === '/api/me/applications');
    expect(request.request.params.get('cursor')).toBe('next page');
    request.flush(empty);
  });

  it('reads one application, escaping the id from the address bar', () => {
    api.application('a/../b').subscribe();

    http.expectOne({ method: 'GET', url: '/api/applications/a%2F..%2Fb' });
  });

  it('withdraws with the reason and the version the candidate saw in the body', () => {
    api.withdraw('app-1', 'I took another job', 4).subscribe();

    const request = http.expectOne({
      method: 'POST',
      url: '/api/applications/app-1/withdraw',
    });
    expect(request.request.body).toEqual({ reason: 'I took another job', version: 4 });
  });

  it('changes the name with PATCH /api/me/profile', () => {
    api.updateProfile({ fullName: 'Casey C. Candidate' }).subscribe();

    const request = http.expectOne({ method: 'PATCH', url: '/api/me/profile' });
    expect(request.request.body).toEqual({ fullName: 'Casey C. Candidate' });
  });

  it('tells the recruiter about another offer with POST …/updates, deadline included', () => {
    let received: CandidateApplicationView | undefined;
    api
      .sendUpdate('app/1', {
        kind: CandidateUpdateKind.OtherOffer,
        text: 'An offer from Pine Labs',
        deadline: '2026-06-05T16:00:00.000Z',
        version: 2,
      })
      .subscribe((application) => (received = application));

    const request = http.expectOne({
      method: 'POST',
      url: '/api/applications/app%2F1/updates',
    });
    expect(request.request.body).toEqual({
      kind: 'other_offer',
      text: 'An offer from Pine Labs',
      deadline: '2026-06-05T16:00:00.000Z',
      version: 2,
    });
    const returned = aCandidateApplicationBetweenInterviews();
    request.flush(returned, { status: 201, statusText: 'Created' });
    expect(received).toEqual(returned);
  });

  it('passes a refusal (429 for asking again too soon) to the caller', () => {
    let failed: unknown;
    api
      .sendUpdate('app-1', { kind: CandidateUpdateKind.RequestUpdate, text: 'Any news?', version: 1 })
      .subscribe({ error: (error: unknown) => (failed = error) });

    http
      .expectOne('/api/applications/app-1/updates')
      .flush(...apiErrorBody(429, ErrorCode.TooManyRequests, 'You can ask again from Thursday.'));
    expect((failed as { status: number }).status).toBe(429);
  });

  it('sets the decision date with PUT …/decision-date', () => {
    api.setDecisionDate('app-1', '2026-06-20T16:00:00.000Z', 3).subscribe();

    const request = http.expectOne({
      method: 'PUT',
      url: '/api/applications/app-1/decision-date',
    });
    expect(request.request.body).toEqual({
      decisionDate: '2026-06-20T16:00:00.000Z',
      version: 3,
    });
  });

  it('clears the decision date by sending null, not by leaving it out', () => {
    api.setDecisionDate('app-1', null, 3).subscribe();

    const request = http.expectOne({
      method: 'PUT',
      url: '/api/applications/app-1/decision-date',
    });
    expect(request.request.body).toEqual({ decisionDate: null, version: 3 });
    expect('decisionDate' in request.request.body).toBe(true);
  });
});
