import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CandidateApi } from './candidate-api';

describe('CandidateApi', () => {
  let api: CandidateApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    api = TestBed.inject(CandidateApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists the candidate’s applications from GET /api/me/applications', () => {
    let received: unknown;
    api.myApplications().subscribe((list) => (received = list));

    http.expectOne({ method: 'GET', url: '/api/me/applications' }).flush([]);
    expect(received).toEqual([]);
  });

  it('reads one application, escaping the id from the address bar', () => {
    api.application('a/../b').subscribe();

    http.expectOne({ method: 'GET', url: '/api/applications/a%2F..%2Fb' });
  });

  it('withdraws with the reason in the body', () => {
    api.withdraw('app-1', 'I took another job').subscribe();

    const request = http.expectOne({
      method: 'POST',
      url: '/api/applications/app-1/withdraw',
    });
    expect(request.request.body).toEqual({ reason: 'I took another job' });
  });

  it('changes the name with PATCH /api/me/profile', () => {
    api.updateProfile({ fullName: 'Casey C. Candidate' }).subscribe();

    const request = http.expectOne({ method: 'PATCH', url: '/api/me/profile' });
    expect(request.request.body).toEqual({ fullName: 'Casey C. Candidate' });
  });
});
