import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { JobStatus } from '@heardback/contracts';
import { anAgencyJob } from '../recruiter/testing/agency-factories';
import { StaffJobs } from './staff-jobs';

@Component({ selector: 'hb-editor-stub', template: 'editor', changeDetection: ChangeDetectionStrategy.OnPush })
class EditorStub {}

describe('StaffJobs', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'staff/jobs', component: StaffJobs },
          { path: 'staff/jobs/new', component: EditorStub },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  const view = () => harness.routeNativeElement as HTMLElement;

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
