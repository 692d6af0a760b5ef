import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { AgencyJobSummary, JobStatus } from '@heardback/contracts';
import { Subject, map, merge, switchMap } from 'rxjs';
import { RecruiterApi } from './recruiter-api';
import { JOB_STATUS_LABELS } from '../core/agency-labels';
import { loadable, LOADING } from '../core/loadable';
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

/** Every job the agency runs, with how many applications are open on each: the way to a job's board. */
@Component({
  selector: 'hb-agency-jobs',
  imports: [LoadState, RouterLink],
  templateUrl: './agency-jobs.html',
  styleUrl: './agency-jobs.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgencyJobs {
  private readonly api = inject(RecruiterApi);
  private readonly reloads = new Subject<void>();

  protected readonly statuses = STATUS_ORDER.map((status) => ({
    value: status,
    label: JOB_STATUS_LABELS[status],
  }));
  protected readonly statusLabels = JOB_STATUS_LABELS;
  /** The status filter; empty means every job. */
  protected readonly status = signal<JobStatus | ''>('');

  protected readonly jobs = toSignal(
    merge(toObservable(this.status), this.reloads.pipe(map(() => this.status()))).pipe(
      switchMap((status) => loadable(this.api.agencyJobs(status ? { status } : {}))),
    ),
    { initialValue: LOADING },
  );

  protected readonly rows = computed(() => {
    const jobs = this.jobs();
    return jobs.state === 'ready' ? jobsInOrder(jobs.value) : [];
  });
  protected readonly statusMessage = computed(() => {
    switch (this.jobs().state) {
      case 'loading':
        return 'Loading jobs…';
      case 'error':
        return '';
      default: {
        const count = this.rows().length;
        return count === 0 ? 'No jobs' : `${count} ${count === 1 ? 'job' : 'jobs'}`;
      }
    }
  });

  protected chooseStatus(event: Event): void {
    this.status.set((event.target as HTMLSelectElement).value as JobStatus | '');
  }

  protected retry(): void {
    this.reloads.next();
  }
}
