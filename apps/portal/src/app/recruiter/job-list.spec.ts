import { HttpTestingController } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { JobStatus } from '@heardback/contracts';
import { JobList, jobQueryFor } from './job-list';
import { aListPage, anAgencyJob } from '../testing/factories';
import { routeHarness } from '../testing/setup';

@Component({ selector: 'hb-editor-stub', template: 'editor', changeDetection: ChangeDetectionStrategy.OnPush })
class EditorStub {}

describe('jobQueryFor', () => {
  it('leaves the default (open and draft jobs) to the API, and names every status for “Every job”', () => {
    expect(jobQueryFor('')).toEqual({});
    expect(jobQueryFor(JobStatus.Filled)).toEqual({ status: [JobStatus.Filled] });
    expect(jobQueryFor('all')).toEqual({
      status: [JobStatus.Open, JobStatus.Draft, JobStatus.Filled, JobStatus.Closed],
    });
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
        .flush(aListPage([anAgencyJob({ id: 'job-7', title: 'Staff Nurse', openApplications: 1 })]));
      await harness.fixture.whenStable();

      const row = view().querySelector('.job-row') as HTMLElement;
      expect(row.querySelector('a')?.getAttribute('href')).toBe('/recruiter/jobs/job-7');
      expect(row.textContent).toContain('Open');
      expect(row.textContent?.replace(/\s+/g, ' ')).toContain('1 open application');
      expect(view().querySelector('[role="status"]')?.textContent?.trim()).toBe('1 open or draft job');
    });

    it('asks the API for one status, or every one, when the filter is changed', async () => {
      http.expectOne('/api/agency/jobs').flush(aListPage([]));
      await harness.fixture.whenStable();
      expect(view().textContent).toContain('No job is open or a draft.');

      const select = view().querySelector('select') as HTMLSelectElement;
      select.value = JobStatus.Draft;
      select.dispatchEvent(new Event('change'));
      await harness.fixture.whenStable();
      http.expectOne('/api/agency/jobs?status=draft').flush(aListPage([]));
      await harness.fixture.whenStable();
      expect(view().textContent).toContain('No jobs have this status.');

      select.value = 'all';
      select.dispatchEvent(new Event('change'));
      await harness.fixture.whenStable();
      http.expectOne('/api/agency/jobs?status=open,draft,filled,closed').flush(aListPage([]));
      await harness.fixture.whenStable();
      expect(view().textContent).toContain('There are no jobs yet.');
    });

    it('says how many of the total are shown, and “Load more” adds the next page with the same filter', async () => {
      const select = view().querySelector('select') as HTMLSelectElement;
      http.expectOne('/api/agency/jobs').flush(aListPage([]));
      await harness.fixture.whenStable();
      select.value = JobStatus.Closed;
      select.dispatchEvent(new Event('change'));
      await harness.fixture.whenStable();
      http
        .expectOne('/api/agency/jobs?status=closed')
        .flush(aListPage([anAgencyJob({ id: 'j1', title: 'Porter', status: JobStatus.Closed })], 'c1', 1234));
      await harness.fixture.whenStable();
      const status = () => view().querySelector('[role="status"]')?.textContent?.trim();
      expect(status()).toBe('1 of 1,234 closed jobs');

      const more = () =>
        Array.from(view().querySelectorAll('button')).find((b) => b.textContent?.includes('Load more'));
      more()?.click();
      await harness.fixture.whenStable();
      http
        .expectOne('/api/agency/jobs?status=closed&cursor=c1')
        .flush(aListPage([anAgencyJob({ id: 'j2', title: 'Cook', status: JobStatus.Closed })], null, 1234));
      await harness.fixture.whenStable();
      expect(Array.from(view().querySelectorAll('.job-row__title')).map((a) => a.textContent?.trim())).toEqual([
        'Porter',
        'Cook',
      ]);
      expect(status()).toBe('2 of 1,234 closed jobs');
    });
  });

  describe('for staff', () => {
    it('lists jobs in every status, with an edit link only for drafts and open jobs', async () => {
      await harness.navigateByUrl('/staff/jobs');
      http
        .expectOne('/api/agency/jobs')
        .flush(
          aListPage([
            anAgencyJob({ id: 'open-1', title: 'Nurse' }),
            anAgencyJob({ id: 'filled-1', title: 'Pharmacist', status: JobStatus.Filled }),
          ]),
        );
      await harness.fixture.whenStable();

      const rows = Array.from(view().querySelectorAll('.job-row'));
      expect(rows.map((row) => row.querySelector('h2')?.textContent?.trim())).toEqual(['Nurse', 'Pharmacist']);
      expect(Array.from(rows[0].querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual([
        '/staff/jobs/open-1/edit',
        '/recruiter/jobs/open-1?from=manage',
      ]);
      expect(Array.from(rows[1].querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual([
        '/recruiter/jobs/filled-1?from=manage',
      ]);
    });

    it('says what the editor just saved', async () => {
      await TestBed.inject(Router).navigateByUrl('/staff/jobs', {
        state: { savedMessage: '“Nurse” is open: candidates can find it on the jobs board.' },
      });
      await harness.fixture.whenStable();
      http.expectOne('/api/agency/jobs').flush(aListPage([]));
      await harness.fixture.whenStable();

      expect(view().querySelector('.notice--success')?.textContent?.trim()).toBe(
        '“Nurse” is open: candidates can find it on the jobs board.',
      );
    });
  });
});
