import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { AgencyJobQuery, JobStatus } from '@heardback/contracts';
import { RecruiterApi } from './recruiter-api';
import { LoadMore, loadMore } from '../core/load-more';
import { JOB_STATUS_LABELS } from '../core/agency-labels';
import { pageData, statusLine } from '../core/loadable';
import { LoadState } from '../core/load-state';
import { shownOfTotal } from '../core/shown-of-total';

const STATUS_ORDER: readonly JobStatus[] = [JobStatus.Open, JobStatus.Draft, JobStatus.Filled, JobStatus.Closed];

/** The filter's choices: '' is the API's default (open and draft jobs, the ones being worked on), 'all' every job. */
export type JobListFilter = JobStatus | '' | 'all';

/** What the API is asked for each choice of the filter. */
export function jobQueryFor(filter: JobListFilter): AgencyJobQuery {
  if (filter === '') return {};
  return { status: filter === 'all' ? [...STATUS_ORDER] : [filter] };
}

/** The noun of the status line for each choice: "50 of 1,234 open and draft jobs". */
function jobsNoun(filter: JobListFilter): { noun: string; plural: string } {
  if (filter === '') return { noun: 'open or draft job', plural: 'open and draft jobs' };
  if (filter === 'all') return { noun: 'job', plural: 'jobs' };
  const label = JOB_STATUS_LABELS[filter].toLowerCase();
  return { noun: `${label} job`, plural: `${label} jobs` };
}

/** Where the page goes after the job editor saved, and what it says there. */
export interface JobSavedState {
  savedMessage: string;
}

/**
 * The jobs the agency runs, newest first, a page at a time ("Load more"), with how many
 * applications are open on each; open and draft jobs unless the filter asks for others. For recruiters
 * (/recruiter/jobs) each job leads to its board; for staff (/staff/jobs, route data `manage: true`)
 * each also leads to its editor, and the page offers a new job.
 */
@Component({
  selector: 'hb-job-list',
  imports: [LoadMore, LoadState, RouterLink],
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
  /** The status filter; empty means the API's default, open and draft jobs. */
  protected readonly status = signal<JobListFilter>('');

  protected readonly jobs = pageData({
    key: () => this.status(),
    request: (filter: JobListFilter) => this.api.agencyJobs(jobQueryFor(filter)),
    loaded: () => this.more.reset(),
  });
  protected readonly more = loadMore(this.jobs, (cursor) =>
    this.api.agencyJobs({ ...jobQueryFor(this.status()), cursor }),
  );
  protected readonly rows = computed(() => this.jobs.value()?.items ?? []);
  protected readonly statusMessage = computed(() =>
    statusLine(this.jobs.state(), 'Loading jobs…', () => {
      const { noun, plural } = jobsNoun(this.status());
      return shownOfTotal(this.rows().length, this.jobs.value()?.total ?? 0, noun, `No ${plural}`, plural);
    }),
  );

  protected editable(status: JobStatus): boolean {
    return status === JobStatus.Draft || status === JobStatus.Open;
  }

  protected chooseStatus(event: Event): void {
    this.status.set((event.target as HTMLSelectElement).value as JobListFilter);
  }
}
