import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { JobStatus } from '@heardback/contracts';
import { Subject, map, merge, switchMap } from 'rxjs';
import { jobsInOrder } from '../recruiter/agency-jobs';
import { JobSavedState } from './job-editor';
import { StaffApi } from './staff-api';
import { JOB_STATUS_LABELS } from '../core/agency-labels';
import { loadable, LOADING } from '../core/loadable';
import { LoadState } from '../core/load-state';

/** Every job in any status, for staff to create, edit and publish. */
@Component({
  selector: 'hb-staff-jobs',
  imports: [LoadState, RouterLink],
  templateUrl: './staff-jobs.html',
  styleUrl: './staff-jobs.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffJobs {
  private readonly api = inject(StaffApi);
  private readonly reloads = new Subject<void>();

  /** Said once after the editor saved a job and came back here. */
  protected readonly savedMessage =
    (inject(Router).currentNavigation()?.extras.state as JobSavedState | undefined)?.savedMessage ?? '';

  protected readonly statuses = [JobStatus.Open, JobStatus.Draft, JobStatus.Filled, JobStatus.Closed].map((value) => ({
    value,
    label: JOB_STATUS_LABELS[value],
  }));
  protected readonly statusLabels = JOB_STATUS_LABELS;
  protected readonly status = signal<JobStatus | ''>('');

  protected readonly jobs = toSignal(
    merge(toObservable(this.status), this.reloads.pipe(map(() => this.status()))).pipe(
      switchMap((status) => loadable(this.api.jobs(status ? { status } : {}))),
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

  protected editable(status: JobStatus): boolean {
    return status === JobStatus.Draft || status === JobStatus.Open;
  }

  protected chooseStatus(event: Event): void {
    this.status.set((event.target as HTMLSelectElement).value as JobStatus | '');
  }

  protected retry(): void {
    this.reloads.next();
  }
}
