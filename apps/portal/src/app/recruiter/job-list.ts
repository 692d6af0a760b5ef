import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { AgencyJobSummary, JobStatus } from '@heardback/contracts';
import { RecruiterApi } from './recruiter-api';
import { JOB_STATUS_LABELS } from '../core/agency-labels';
import { countOf, pageData, statusLine } from '../core/loadable';
import { LoadState } from '../core/load-state';

const STATUS_ORDER: readonly JobStatus[] = [JobStatus.Open, JobStatus.Draft, JobStatus.Filled, JobStatus.Closed];

/** Open jobs first, then drafts, filled and closed; the busiest first within each, then by title. */
export function jobsInOrder(jobs: readonly AgencyJobSummary[]): AgencyJobSummary[] {
  return [...jobs].sort(
    (a, b) =>
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
      b.openApplications - a.openApplications ||
      a.title.localeCompare(b.title),
  );
}

/** Where the page goes after the job editor saved, and what it says there. */
export interface JobSavedState {
  savedMessage: string;
}

/**
 * Every job the agency runs, with how many applications are open on each. For recruiters
 * (/recruiter/jobs) each job leads to its board; for staff (/staff/jobs, route data `manage: true`)
 * each also leads to its editor, and the page offers a new job.
 */
@Component({
  selector: 'hb-job-list',
  imports: [LoadState, RouterLink],
  templateUrl: './job-list.html',
  styleUrl: './job-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobList {
  private readonly api = inject(RecruiterApi);

  /** Staff manage the jobs: a "New job" button and an edit link on drafts and open jobs. */
  readonly manage = input(false);

  /** Said once after the editor saved a job and came back here. */
  protected readonly savedMessage =
    (inject(Router).currentNavigation()?.extras.state as JobSavedState | undefined)?.savedMessage ?? '';

  protected readonly statuses = STATUS_ORDER.map((status) => ({ value: status, label: JOB_STATUS_LABELS[status] }));
  protected readonly statusLabels = JOB_STATUS_LABELS;
  /** The status filter; empty means every job. */
  protected readonly status = signal<JobStatus | ''>('');

  protected readonly jobs = pageData({
    key: () => this.status(),
    request: (status) => this.api.agencyJobs(status ? { status } : {}),
  });
  protected readonly rows = computed(() => jobsInOrder(this.jobs.value() ?? []));
  protected readonly statusMessage = computed(() =>
    statusLine(this.jobs.state(), 'Loading jobs…', () => countOf(this.rows().length, 'job', 'No jobs')),
  );

  protected editable(status: JobStatus): boolean {
    return status === JobStatus.Draft || status === JobStatus.Open;
  }

  protected chooseStatus(event: Event): void {
    this.status.set((event.target as HTMLSelectElement).value as JobStatus | '');
  }
}
