import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { EarlyReads } from './early-reads';
import { JobsApi, firstReadFor } from '../jobs/jobs-api';
import { setUpPortalTest } from '../testing/setup';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class AnyPage {}

const JOB_ID = '2b1c8f4e-7d7a-4a43-9a59-0c6f9a2f3b11';
const JOB_URL = `/api/jobs/${JOB_ID}`;

/** The app as a visitor arriving at a job's page starts it: the read begins before the page exists. */
function arriveAtJobPage() {
  const http = setUpPortalTest({ routes: [{ path: '**', component: AnyPage }] });
  const router = TestBed.inject(Router);
  const url = firstReadFor(`/jobs/${JOB_ID}`);
  expect(url).toBe(JOB_URL);
  TestBed.inject(EarlyReads).start(url as string, router);
  return { http, router, jobs: TestBed.inject(JobsApi) };
}

describe('a deep link’s first read', () => {
  it('is asked once, when the app starts, and the job page is given its answer', async () => {
    const { http, router, jobs } = arriveAtJobPage();
    const early = http.expectOne(JOB_URL);
    await router.navigateByUrl(`/jobs/${JOB_ID}`);

    const answer = firstValueFrom(jobs.get(JOB_ID));
    early.flush({ id: JOB_ID, title: 'Nurse' });

    expect(await answer).toEqual({ id: JOB_ID, title: 'Nurse' });
    http.verify();
  });

  it('gives the page its error too, without asking again', async () => {
    const { http, jobs } = arriveAtJobPage();
    http.expectOne(JOB_URL).flush({ code: 'JOB_NOT_FOUND' }, { status: 404, statusText: 'Not Found' });

    await expect(firstValueFrom(jobs.get(JOB_ID))).rejects.toMatchObject({ status: 404 });
    http.verify();
  });

  it('is taken once: "Try again" reads afresh', async () => {
    const { http, jobs } = arriveAtJobPage();
    http.expectOne(JOB_URL).flush({ id: JOB_ID });
    await firstValueFrom(jobs.get(JOB_ID));

    const again = firstValueFrom(jobs.get(JOB_ID));
    http.expectOne(JOB_URL).flush({ id: JOB_ID, title: 'Renamed' });
    expect(await again).toEqual({ id: JOB_ID, title: 'Renamed' });
  });

  it('is forgotten once the visitor goes to another page, so coming back reads afresh', async () => {
    const { http, router, jobs } = arriveAtJobPage();
    http.expectOne(JOB_URL).flush({ id: JOB_ID, title: 'Old' });
    await router.navigateByUrl(`/jobs/${JOB_ID}`);
    await router.navigateByUrl('/jobs');

    const later = firstValueFrom(jobs.get(JOB_ID));
    http.expectOne(JOB_URL).flush({ id: JOB_ID, title: 'New' });
    expect(await later).toEqual({ id: JOB_ID, title: 'New' });
  });
});

describe('firstReadFor', () => {
  it('starts a job page’s read, and no other page’s', () => {
    expect(firstReadFor('/jobs/abc')).toBe('/api/jobs/abc');
    expect(firstReadFor('/jobs/abc/')).toBe('/api/jobs/abc');
    expect(firstReadFor('/jobs/a%2Fb')).toBe('/api/jobs/a%2Fb');
    expect(firstReadFor('/jobs')).toBeNull();
    expect(firstReadFor('/jobs/abc/apply')).toBeNull();
    expect(firstReadFor('/me/applications/abc')).toBeNull();
    expect(firstReadFor('/jobs/%E0%A4%A')).toBeNull();
  });
});
