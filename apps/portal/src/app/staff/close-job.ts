import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { CANDIDATE_MESSAGE_MAX_LENGTH, JobClosureView, AgencyJobDetail, JobStatus } from '@heardback/contracts';
import { EMPTY, Subscription, expand, switchMap, timer } from 'rxjs';
import { StaffApi } from './staff-api';
import { agencyErrorMessage, apiError } from '../core/api-error';
import { formSubmission } from '../core/form-submission';
import { notBlank } from '../core/text-validators';
import { FIRST_INVALID, focusLater } from '../core/focus-later';

export const CLOSURE_POLL_MS = 1000;

type Step = 'closed' | 'form' | 'confirm' | 'progress';

/** "3 of 120 candidates told", or the whole count once done. */
export function closureProgressInWords(closure: JobClosureView): string {
  if (closure.status === 'queued') {
    return `Queued: ${closure.total} open ${closure.total === 1 ? 'application' : 'applications'} to close.`;
  }
  if (closure.status === 'done') {
    return closure.total === 0
      ? 'Done: the job is closed. It had no open applications.'
      : `Done: ${closure.total} ${closure.total === 1 ? 'candidate has' : 'candidates have'} your message.`;
  }
  return `${closure.done} of ${closure.total} candidates told…`;
}

/** Closing an open job: every open application on it is closed, and each candidate gets the message. */
@Component({
  selector: 'hb-close-job',
  imports: [ReactiveFormsModule],
  templateUrl: './close-job.html',
  styleUrl: './close-job.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CloseJob {
  private readonly api = inject(StaffApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly focus = focusLater();

  readonly job = input.required<AgencyJobDetail>();
  /** How often to ask for progress; tests shorten it. */
  readonly pollMs = input(CLOSURE_POLL_MS);
  /** Emitted once every application is closed, with the finished closure. */
  readonly finished = output<JobClosureView>();
  /** The API says the job was already closed by someone else. */
  readonly alreadyClosed = output<void>();

  protected readonly max = CANDIDATE_MESSAGE_MAX_LENGTH;
  protected readonly outcomes = [
    {
      value: JobStatus.Filled,
      label: 'Filled',
      hint: 'Someone was hired for it.',
    },
    {
      value: JobStatus.Closed,
      label: 'Closed',
      hint: 'It will not be filled: the client withdrew it, or it was cancelled.',
    },
  ] as const;

  protected readonly form = inject(FormBuilder).nonNullable.group({
    outcome: ['' as JobStatus.Closed | JobStatus.Filled | '', Validators.required],
    candidateMessage: ['', [notBlank, Validators.maxLength(CANDIDATE_MESSAGE_MAX_LENGTH)]],
  });
  private readonly message = toSignal(this.form.controls.candidateMessage.valueChanges, { initialValue: '' });
  protected readonly length = computed(() => this.message().length);

  protected readonly step = signal<Step>('closed');
  protected readonly submitted = signal(false);
  /** Open applications the closure will close; null while counting, -1 when the count failed. */
  protected readonly openCount = signal<number | null>(null);
  protected readonly submission = formSubmission({ form: this.form });
  protected readonly problem = signal('');
  protected readonly closure = signal<JobClosureView | null>(null);
  protected readonly percent = computed(() => {
    const closure = this.closure();
    if (!closure) {
      return 0;
    }
    return closure.total === 0 ? 100 : Math.round((closure.done / closure.total) * 100);
  });
  protected readonly progressText = computed(() => {
    const closure = this.closure();
    return closure ? closureProgressInWords(closure) : 'Starting…';
  });
  protected readonly outcomeLabel = computed(() =>
    this.form.controls.outcome.value === JobStatus.Filled ? 'filled' : 'closed',
  );

  private polling: Subscription | null = null;

  protected start(): void {
    this.step.set('form');
    this.focus('#close-job-title');
  }

  protected cancel(): void {
    this.step.set('closed');
    this.submitted.set(false);
    this.problem.set('');
    this.focus('.close-job__open');
  }

  protected shows(name: 'outcome' | 'candidateMessage'): boolean {
    const control = this.form.controls[name];
    return control.invalid && (control.touched || this.submitted());
  }

  protected messageProblem(): string {
    const control = this.form.controls.candidateMessage;
    const server = control.errors?.['server'] as string | undefined;
    if (server) {
      return server;
    }
    return control.hasError('maxlength')
      ? `Shorten the message to ${this.max} characters or fewer.`
      : 'Write the message every candidate on this job will read.';
  }

  /** Step 1 → 2: check the answers, then count who will be told. */
  protected review(): void {
    this.submitted.set(true);
    this.problem.set('');
    if (this.form.invalid) {
      this.focus(FIRST_INVALID);
      return;
    }
    this.step.set('confirm');
    this.openCount.set(null);
    this.focus('#close-job-confirm-title');
    this.api
      .jobs({ status: JobStatus.Open })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (jobs) => this.openCount.set(jobs.find((job) => job.id === this.job().id)?.openApplications ?? 0),
        error: () => this.openCount.set(-1),
      });
  }

  protected back(): void {
    this.step.set('form');
    this.problem.set('');
    this.focus('#close-job-message');
  }

  protected confirm(): void {
    if (this.submission.busy()) {
      return;
    }
    const { outcome, candidateMessage } = this.form.getRawValue();
    this.problem.set('');
    const closing = {
      outcome: outcome as JobStatus.Closed | JobStatus.Filled,
      candidateMessage: candidateMessage.trim(),
    };
    this.submission.send(() => this.api.closeJob(this.job().id, closing), {
      done: (closure) => {
        this.step.set('progress');
        this.focus('#close-job-progress-title');
        this.follow(closure);
      },
      failed: (error) => {
        if (error instanceof HttpErrorResponse && error.status === 409) {
          this.problem.set('This job is already closed: someone else closed it. The page now shows it as it is.');
          this.alreadyClosed.emit();
          return null;
        }
        if (apiError(error)?.details?.length) {
          this.step.set('form');
          this.focus(FIRST_INVALID);
        }
        this.problem.set(this.submission.errorMessage(error));
        return null;
      },
    });
  }

  private follow(first: JobClosureView): void {
    this.closure.set(first);
    if (first.status === 'done') {
      this.finished.emit(first);
      return;
    }
    this.polling?.unsubscribe();
    // One request at a time: the next is asked for a moment after the last answer arrived.
    const next = () => timer(this.pollMs()).pipe(switchMap(() => this.api.jobClosure(first.id)));
    this.polling = next()
      .pipe(
        expand((closure) => (closure.status === 'done' ? EMPTY : next())),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (closure) => {
          this.closure.set(closure);
          this.problem.set('');
          if (closure.status === 'done') {
            this.finished.emit(closure);
          }
        },
        error: (error: unknown) =>
          this.problem.set(
            `We lost track of the progress: ${agencyErrorMessage(error)} The closing carries on; reload the page to see it.`,
          ),
      });
  }
}
