import { NgComponentOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  Type,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { EMPLOYMENT_TYPE_LABELS, WORK_MODE_LABELS, answerPromiseText, screeningPromiseText } from '../display-labels';
import type { ApplyPanel } from './apply-panel';
import { JobsApi } from './jobs-api';
import { formatSalary } from './salary';
import { JobStatus } from '@heardback/contracts';
import { httpErrorMessage } from '../core/api-error';
import { pageData } from '../core/loadable';
import { LoadState } from '../core/load-state';
import { descriptionBlocks } from './description-blocks';

/**
 * Resolves once the browser has painted what is on the page now: the next frame's callbacks run
 * before its paint, and a task queued from them runs after it.
 */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

/** /jobs/:id: what the job is, how its hiring works, and applying to it. */
@Component({
  selector: 'hb-job-detail-page',
  imports: [LoadState, RouterLink, NgComponentOutlet],
  templateUrl: './job-detail-page.html',
  styleUrl: './job-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobDetailPage {
  private readonly jobsApi = inject(JobsApi);
  private readonly title = inject(Title);

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly loaded = pageData({
    key: () => this.id(),
    request: (id) => this.jobsApi.get(id),
    errorMessage: httpErrorMessage,
    notFound: true,
  });
  protected readonly job = this.loaded.value;
  protected readonly promise = answerPromiseText;
  protected readonly screeningPromise = screeningPromiseText;
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
  /**
   * Only an applicant is shown a job that is no longer open (the API hides it from everyone else):
   * what became of it, and the way back to their application instead of an apply button.
   */
  protected readonly closed = computed(() => {
    const job = this.job();
    if (!job || job.status === JobStatus.Open) {
      return null;
    }
    return {
      text:
        job.status === JobStatus.Filled
          ? 'The client has filled this job. It no longer takes applications.'
          : 'It no longer takes applications.',
      applicationLink: job.myApplication ? `/me/applications/${job.myApplication.id}` : null,
    };
  });
  protected readonly descriptionBlocks = computed(() => descriptionBlocks(this.job()?.description ?? ''));

  /**
   * The apply panel with its forms (and @angular/forms, ~60 % of this page's code) is loaded once the
   * job has been painted, not before: reading and showing the job come first, and the panel's dozen
   * chunks no longer compete with them for the network and the main thread. Not `@defer`, whose
   * runtime would join the first page's bundle on every page.
   */
  protected readonly applyPanel = signal<Type<ApplyPanel> | null>(null);
  protected readonly applyInputs = computed(() => ({ job: this.job() }));
  private readonly pendingTasks = inject(PendingTasks);

  constructor() {
    effect(() => {
      if (this.job() && !this.applyPanel()) {
        // A pending task, so a test's whenStable (and anything awaiting stability) waits for the panel.
        this.pendingTasks.run(() =>
          afterNextPaint()
            .then(() => import('./apply-panel'))
            .then((loaded) => this.applyPanel.set(loaded.ApplyPanel)),
        );
      }
    });
    effect(() => {
      const loaded = this.loaded.state();
      if (loaded.state === 'ready') {
        const closed = loaded.value.status === JobStatus.Open ? '' : ' (closed)';
        this.title.setTitle(`${loaded.value.title} at ${loaded.value.clientName}${closed} · Heardback`);
      } else if (loaded.state === 'not-found') {
        this.title.setTitle('Job not found · Heardback');
      }
    });
  }
}
