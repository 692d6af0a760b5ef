import { TestBed } from '@angular/core/testing';
import { EmploymentType, WorkMode } from '@heardback/contracts';
import { JobsApi, jobSearchParams } from './jobs-api';
import { setUpPortalTest } from '../testing/setup';

describe('jobSearchParams', () => {
  it('sends every filter the visitor set, with the API’s parameter names', () => {
    const params = jobSearchParams({
      q: 'engineer',
      location: 'Leeds',
      workMode: WorkMode.Remote,
      employmentType: EmploymentType.FullTime,
      clientId: 'client-1',
      cursor: 'abc',
      limit: 50,
    });

    expect(params.toString()).toBe(
      'q=engineer&location=Leeds&workMode=remote&employmentType=full_time&clientId=client-1&cursor=abc&limit=50',
    );
  });

  it('leaves out empty and blank values so the API applies its defaults', () => {
    const params = jobSearchParams({
      q: '   ',
      location: '',
      cursor: undefined,
      limit: 20,
    });

    expect(params.keys()).toEqual(['limit']);
  });

  it('trims the search term', () => {
    expect(jobSearchParams({ q: '  data analyst ' }).get('q')).toBe('data analyst');
  });
});

describe('JobsApi', () => {
  it('asks GET /api/jobs with the query string built from the search', () => {
    const http = setUpPortalTest();
    const page = { items: [], nextCursor: null };
    let received: unknown;

    TestBed.inject(JobsApi)
      .search({ q: 'nurse', cursor: 'next-1' })
      .subscribe((result) => (received = result));

    const request = http.expectOne('/api/jobs?q=nurse&cursor=next-1');
    expect(request.request.method).toBe('GET');
    request.flush(page);
    expect(received).toEqual(page);
    http.verify();
  });
});
