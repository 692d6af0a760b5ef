import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { JobStatus } from '@heardback/contracts';
import { AgencyJobs, jobsInOrder } from './agency-jobs';
import { anAgencyJob } from './testing/agency-factories';

describe('jobsInOrder', () => {
  it('lists open jobs first, the busiest first, then drafts, filled and closed ones', () => {
    const ordered = jobsInOrder([
      anAgencyJob({ id: 'closed', status: JobStatus.Closed }),
      anAgencyJob({ id: 'draft', status: JobStatus.Draft }),
      anAgencyJob({ id: 'quiet', title: 'A quiet job', openApplications: 0 }),
      anAgencyJob({ id: 'busy', title: 'Z busy job', openApplications: 4 }),
      anAgencyJob({ id: 'filled', status: JobStatus.Filled }),
    ]);
    expect(ordered.map((job) => job.id)).toEqual(['busy', 'quiet', 'draft', 'filled', 'closed']);
  });
});

describe('AgencyJobs', () => {
  let fixture: ComponentFixture<AgencyJobs>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AgencyJobs);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const view = () => fixture.nativeElement as HTMLElement;

  it('lists every job with its status and open applications, linking to its board', async () => {
    http.expectOne('/api/agency/jobs').flush([anAgencyJob({ id: 'job-7', title: 'Staff Nurse', openApplications: 1 })]);
    await fixture.whenStable();

    const row = view().querySelector('.job-row') as HTMLElement;
    expect(row.querySelector('a')?.getAttribute('href')).toBe('/recruiter/jobs/job-7');
    expect(row.textContent).toContain('Open');
    expect(row.textContent?.replace(/\s+/g, ' ')).toContain('1 open application');
    expect(view().querySelector('[role="status"]')?.textContent?.trim()).toBe('1 job');
  });

  it('asks the API for one status when the filter is changed', async () => {
    http.expectOne('/api/agency/jobs').flush([]);
    await fixture.whenStable();
    expect(view().textContent).toContain('There are no jobs yet.');

    const select = view().querySelector('select') as HTMLSelectElement;
    select.value = JobStatus.Draft;
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();

    http.expectOne('/api/agency/jobs?status=draft').flush([]);
    await fixture.whenStable();
    expect(view().textContent).toContain('No jobs have this status.');
  });
});
