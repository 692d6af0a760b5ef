import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { JobDetail } from '@heardback/contracts';
import { Subject, catchError, map, merge, of, switchMap, tap } from 'rxjs';
import { EMPLOYMENT_TYPE_LABELS, WORK_MODE_LABELS } from '../display-labels';
import { ApplyPanel } from './apply-panel';
import { JobsApi } from './jobs-api';
import { formatSalary } from './salary';
import { httpErrorMessage } from '../core/api-error';

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; job: JobDetail }
  | { state: 'not-found' }
  | { state: 'error'; message: string };

/** /jobs/:id: what the job is, how its hiring works, and applying to it. */
@Component({
  selector: 'hb-job-detail-page',
  imports: [RouterLink, ApplyPanel],
  templateUrl: './job-detail-page.html',
  styleUrl: './job-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobDetailPage {
  private readonly jobsApi = inject(JobsApi);
  private readonly title = inject(Title);

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly loaded = signal<Loaded>({ state: 'loading' });
  protected readonly job = computed(() => {
    const loaded = this.loaded();
    return loaded.state === 'ready' ? loaded.job : null;
  });
  protected readonly errorMessage = computed(() => {
    const loaded = this.loaded();
    return loaded.state === 'error' ? loaded.message : '';
  });
  protected readonly facts = computed(() => {
    const job = this.job();
    if (!job) {
      return [];
    }
    return [
      { term: 'Location', value: job.location },
      { term: 'Work mode', value: WORK_MODE_LABELS[job.workMode] },
      { term: 'Employment type', value: EMPLOYMENT_TYPE_LABELS[job.employmentType] },
      ...(job.salary ? [{ term: 'Salary', value: formatSalary(job.salary) }] : []),
    ];
  });
  protected readonly paragraphs = computed(
    () =>
      this.job()
        ?.description.split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean) ?? [],
  );

  private readonly retries = new Subject<void>();

  constructor() {
    merge(toObservable(this.id), this.retries.pipe(map(() => this.id())))
      .pipe(
        tap(() => this.loaded.set({ state: 'loading' })),
        switchMap((id) =>
          this.jobsApi.get(id).pipe(
            map((job): Loaded => ({ state: 'ready', job })),
            catchError((error: unknown) =>
              of<Loaded>(
                error instanceof HttpErrorResponse && error.status === 404
                  ? { state: 'not-found' }
                  : { state: 'error', message: httpErrorMessage(error) },
              ),
            ),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((loaded) => this.loaded.set(loaded));

    effect(() => {
      const loaded = this.loaded();
      if (loaded.state === 'ready') {
        this.title.setTitle(`${loaded.job.title} at ${loaded.job.clientName} · Heardback`);
      } else if (loaded.state === 'not-found') {
        this.title.setTitle('Job not found · Heardback');
      }
    });
  }

  protected retry(): void {
    this.retries.next();
  }
}
