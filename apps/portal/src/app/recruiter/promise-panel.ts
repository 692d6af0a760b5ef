import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { ApplicationView, ErrorCode, PROMISE_SENTENCE_MAX_LENGTH, PromiseKind } from '@heardback/contracts';
import { RecruiterApi } from './recruiter-api';
import { SOMEONE_ELSE_ACTED } from './feedback-form';
import { DUE_DATE_PROBLEMS, DueDateFields, dueAtOf, dueDateGroup } from './due-date-fields';
import { apiError, errorCodeOf } from '../core/api-error';
import { promiseWhat } from '../core/agency-labels';
import { NOW, deadlineInWords, formatShortDate, formatShortDateTime } from '../core/date-time';
import { notBlank } from '../core/text-validators';
import { formSubmission } from '../core/form-submission';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { FORM_FIELD } from '../core/form-field';

/** "1 more move", "2 more moves". */
export function movesLeftText(left: number): string {
  return `${left} more ${left === 1 ? 'move' : 'moves'} before staff must approve`;
}

/**
 * The agency's current promise to the candidate (what, by when, and where the date came from),
 * and "Move this date": a new date with the sentence the candidate is sent, while the person may
 * still move it. The API judges the date (working days ahead) and who may move it.
 */
@Component({
  selector: 'hb-promise-panel',
  imports: [ReactiveFormsModule, FORM_FIELD, DueDateFields],
  templateUrl: './promise-panel.html',
  styleUrl: './promise-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PromisePanel {
  private readonly api = inject(RecruiterApi);
  private readonly now = inject(NOW);
  private readonly focus = focusLater();

  readonly application = input.required<ApplicationView>();
  /** The application as the API returns it once the date moved. */
  readonly moved = output<ApplicationView>();
  /** Someone else acted first (409): the page reloads and says what changed. */
  readonly stale = output<void>();

  protected readonly sentenceMax = PROMISE_SENTENCE_MAX_LENGTH;
  protected readonly form = new FormGroup({
    when: dueDateGroup(this.now, { required: true }),
    sentence: new FormControl('', {
      nonNullable: true,
      validators: [notBlank, Validators.maxLength(PROMISE_SENTENCE_MAX_LENGTH)],
    }),
  });
  protected readonly submission = formSubmission({
    form: this.form,
    controlFor: { dueAt: 'when', candidateMessage: 'sentence' },
    onInvalid: () => this.focus(FIRST_INVALID),
  });

  protected readonly nowDate = computed(() => this.now());
  protected readonly promise = computed(() => this.application().promise);
  protected readonly what = computed(() => {
    const promise = this.promise();
    if (!promise) {
      return '';
    }
    const stage = this.application().stages.find((candidate) => candidate.id === promise.stageId);
    return promiseWhat(promise.kind, stage?.name ?? null);
  });
  protected readonly due = computed(() => {
    const promise = this.promise();
    return promise
      ? {
          at: formatShortDateTime(promise.dueAt),
          left: deadlineInWords(promise.dueAt, this.now()),
          late: new Date(promise.dueAt).getTime() < this.now().getTime(),
        }
      : null;
  });
  /** The dates it replaced, oldest first. */
  protected readonly history = computed(() =>
    (this.promise()?.previousDueAts ?? []).map((dueAt) => formatShortDate(dueAt)),
  );
  protected readonly candidateFirstName = computed(() => this.application().candidate.fullName.split(' ')[0]);
  /** null: no limit (staff); 0: only staff may move it now. */
  protected readonly left = computed(() => this.application().redatingsLeft);
  /** A question's date is kept by answering it, never moved (the API refuses). */
  protected readonly answersQuestion = computed(() => this.promise()?.kind === PromiseKind.UpdateRequest);
  protected readonly movesLeft = movesLeftText;

  protected whenProblem(): string {
    return this.submission.problem(this.form.controls.when, DUE_DATE_PROBLEMS);
  }

  protected sentenceProblem(): string {
    return this.submission.problem(this.form.controls.sentence, {
      maxlength: `Shorten it to ${PROMISE_SENTENCE_MAX_LENGTH} characters or fewer.`,
      otherwise: `Tell ${this.candidateFirstName()} why the date moves: they are sent these words with it.`,
    });
  }

  protected submit(): void {
    if (!this.submission.begin()) {
      return;
    }
    const { id, version } = this.application();
    const request = {
      dueAt: dueAtOf(this.form.controls.when) as string,
      candidateMessage: this.form.controls.sentence.value.trim(),
      version,
    };
    this.submission.send(() => this.api.redatePromise(id, request), {
      done: (updated) => {
        this.submission.submitted.set(false);
        this.form.reset();
        this.moved.emit(updated);
      },
      failed: (error) => this.failed(error),
    });
  }

  private failed(error: unknown): string | null {
    const code = errorCodeOf(error);
    if (code && SOMEONE_ELSE_ACTED.includes(code)) {
      this.stale.emit();
      return null;
    }
    if (code === ErrorCode.RedatingNeedsStaff) {
      return 'You have moved this date as often as a recruiter may. Ask agency staff to move it.';
    }
    const body = apiError(error);
    if (error instanceof HttpErrorResponse && error.status === 400 && body && !body.details?.length) {
      // The API's reason with no field named is about the date (too far ahead, on a closed day): show it there.
      const when = this.form.controls.when;
      when.setErrors({ server: body.message });
      when.markAsTouched();
      this.focus(FIRST_INVALID);
      return null;
    }
    this.focus(FIRST_INVALID);
    return this.submission.errorMessage(error);
  }
}
