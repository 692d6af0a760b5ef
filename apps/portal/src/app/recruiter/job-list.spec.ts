import { HttpTestingController } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { JobStatus } from '@heardback/contracts';
import { JobList, jobsInOrder } from './job-list';
import { anAgencyJob } from '../testing/factories';
import { routeHarness } from '../testing/setup';

@Component({ selector: 'hb-editor-stub', template: 'editor', changeDetection: ChangeDetectionStrategy.OnPush })
class EditorStub {}

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

describe('JobList', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(
    async () =>
      ({ harness, http } = await routeHarness({
        routes: [
          { path: 'recruiter/jobs', component: JobList },
          { path: 'staff/jobs', component: JobList, data: { manage: true } },
          { path: 'staff/jobs/new', component: EditorStub },
        ],
      })),
  );

  afterEach(() => http.verify());

  const view = () => harness.routeNativeElement as HTMLElement;

  describe('for recruiters', () => {
    beforeEach(async () => {
      await harness.navigateByUrl('/recruiter/jobs');
    });

    it('lists every job with its status and open applications, linking to its board', async () => {
      http
        .expectOne('/api/agency/jobs')
        .flush([anAgencyJob({ id: 'job-7', title: 'Staff Nurse', openApplications: 1 })]);
      await harness.fixture.whenStable();

      const row = view().querySelector('.job-row') as HTMLElement;
      expect(row.querySelector('a')?.getAttribute('href')).toBe('/recruiter/jobs/job-7');
      expect(row.textContent).toContain('Open');
      expect(row.textContent?.replace(/\s+/g, ' ')).toContain('1 open application');
      expect(view().querySelector('[role="status"]')?.textContent?.trim()).toBe('1 job');
    });

    it('asks the API for one status when the filter is changed', async () => {
      http.expectOne('/api/agency/jobs').flush([]);
      await harness.fixture.whenStable();
      expect(view().textContent).toContain('There are no jobs yet.');

      const select = view().querySelector('select') as HTMLSelectElement;
      select.value = JobStatus.Draft;
      select.dispatchEvent(new Event('change'));
      await harness.fixture.whenStable();

      http.expectOne('/api/agency/jobs?status=draft').flush([]);
      await harness.fixture.whenStable();
      expect(view().textContent).toContain('No jobs have this status.');
    });
  });

  describe('for staff', () => {
    it('lists jobs in every status, with an edit link only for drafts and open jobs', async () => {
      await harness.navigateByUrl('/staff/jobs');
      http
        .expectOne('/api/agency/jobs')
        .flush([
          anAgencyJob({ id: 'open-1', title: 'Nurse' }),
          anAgencyJob({ id: 'filled-1', title: 'Pharmacist', status: JobStatus.Filled }),
        ]);
      await harness.fixture.whenStable();

      const rows = Array.from(view().querySelectorAll('.job-row'));
      expect(rows.map((row) => row.querySelector('h2')?.textContent?.trim())).toEqual(['Nurse', 'Pharmacist']);
      expect(Array.from(rows[0].querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual([
        '/staff/jobs/open-1/edit',
        '/recruiter/jobs/open-1',
      ]);
      expect(Array.from(rows[1].querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual([
        '/recruiter/jobs/filled-1',
      ]);
    });

    it('says what the editor just saved', async () => {
      await TestBed.inject(Router).navigateByUrl('/staff/jobs', {
        state: { savedMessage: '“Nurse” is open: candidates can find it on the jobs board.' },
      });
      await harness.fixture.whenStable();
      http.expectOne('/api/agency/jobs').flush([]);
      await harness.fixture.whenStable();

      expect(view().querySelector('.notice--success')?.textContent?.trim()).toBe(
        '“Nurse” is open: candidates can find it on the jobs board.',
      );
    });
  });
});
