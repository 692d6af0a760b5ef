import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import {
  CANDIDATE_MESSAGE_MAX_LENGTH,
  ErrorCode,
  JobClosureView,
  AgencyJobDetail,
  JobStatus,
} from '@heardback/contracts';
import { EMPTY, Subscription, expand, switchMap, timer } from 'rxjs';
import { StaffApi } from './staff-api';
import { agencyErrorMessage, apiError } from '../core/api-error';
import { ProblemWords, formSubmission } from '../core/form-submission';
import { notBlank } from '../core/text-validators';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { FORM_FIELD } from '../core/form-field';
import { Choice, ChoiceField } from '../core/choice-field';

export const CLOSURE_POLL_MS = 1000;

type Step = 'closed' | 'form' | 'confirm' | 'progress';
type Outcome = JobStatus.Closed | JobStatus.Filled | '';

const PROBLEMS = {
  outcome: { otherwise: 'Choose whether the job was filled or closed.' },
  candidateMessage: {
    maxlength: `Shorten the message to ${CANDIDATE_MESSAGE_MAX_LENGTH} characters or fewer.`,
    otherwise: 'Write the message every candidate on this job will read.',
  },
} satisfies Record<string, ProblemWords>;

/** "3 of 120 candidates told", or the whole count once done. */
export function closureProgressInWords(closure: JobClosureView): string {
  if (closure.status === 'queued') {
    return `Queued: ${closure.total} open ${closure.total === 1 ? 'application' : 'applications'} to close.`;
  }
  if (closure.status === 'done') {
    // `done`, not `total`: an application that closed another way meanwhile (withdrawn) got no message.
    return closure.total === 0
      ? 'Done: the job is closed. It had no open applications.'
      : `Done: ${closure.done} ${closure.done === 1 ? 'candidate has' : 'candidates have'} your message.`;
  }
  return `${closure.done} of ${closure.total} candidates told…`;
}

/** Closing an open job: every open application on it is closed, and each candidate gets the message. */
@Component({
  selector: 'hb-close-job',
  imports: [ReactiveFormsModule, FORM_FIELD, ChoiceField],
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
  protected readonly outcomes: Choice<Outcome>[] = [
    { value: JobStatus.Filled, label: 'Filled', hint: 'Someone was hired for it.' },
    {
      value: JobStatus.Closed,
      label: 'Closed',
      hint: 'It will not be filled: the client withdrew it, or it was cancelled.',
    },
  ];

  protected readonly form = inject(FormBuilder).nonNullable.group({
    outcome: ['' as Outcome, Validators.required],
    candidateMessage: ['', [notBlank, Validators.maxLength(CANDIDATE_MESSAGE_MAX_LENGTH)]],
  });

  protected readonly step = signal<Step>('closed');
  /** Open applications the closure will close; null while counting, -1 when the count failed. */
  protected readonly openCount = signal<number | null>(null);
  protected readonly submission = formSubmission({ form: this.form, onInvalid: () => this.focus(FIRST_INVALID) });
  /** What went wrong at any step, said where the person is. */
  protected readonly failure = signal('');
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
    this.submission.submitted.set(false);
    this.failure.set('');
    this.focus('.close-job__open');
  }

  protected problem(name: keyof typeof this.form.controls): string {
    return this.submission.problem(this.form.controls[name], PROBLEMS[name]);
  }

  /** Step 1 → 2: check the answers, then count who will be told. */
  protected review(): void {
    this.failure.set('');
    if (!this.submission.begin()) {
      return;
    }
    this.step.set('confirm');
    this.openCount.set(null);
    this.focus('#close-job-confirm-title');
    this.api
      .agencyJob(this.job().id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (job) => this.openCount.set(job.openApplications),
        error: () => this.openCount.set(-1),
      });
  }

  protected back(): void {
    this.step.set('form');
    this.failure.set('');
    this.focus('#close-job-message');
  }

  protected confirm(): void {
    if (this.submission.busy()) {
      return;
    }
    const { outcome, candidateMessage } = this.form.getRawValue();
    this.failure.set('');
    const closing = {
      outcome: outcome as Exclude<Outcome, ''>,
      candidateMessage: candidateMessage.trim(),
    };
    this.submission.send(() => this.api.closeJob(this.job().id, closing), {
      done: (closure) => {
        this.step.set('progress');
        this.focus('#close-job-progress-title');
        this.follow(closure);
      },
      failed: (error) => {
        if (apiError(error)?.code === ErrorCode.FeedbackRequired) {
          // Rule 1: the answer names the candidates whose interviews wait for feedback; the job stays open.
          this.failure.set(agencyErrorMessage(error));
          return null;
        }
        if (error instanceof HttpErrorResponse && error.status === 409) {
          this.failure.set('This job is already closed: someone else closed it. The page now shows it as it is.');
          this.alreadyClosed.emit();
          return null;
        }
        if (apiError(error)?.details?.length) {
          this.step.set('form');
          this.focus(FIRST_INVALID);
        }
        this.failure.set(this.submission.errorMessage(error));
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
          this.failure.set('');
          if (closure.status === 'done') {
            this.finished.emit(closure);
          }
        },
        error: (error: unknown) =>
          this.failure.set(
            `We lost track of the progress: ${agencyErrorMessage(error)} The closing carries on; reload the page to see it.`,
          ),
      });
  }
}
