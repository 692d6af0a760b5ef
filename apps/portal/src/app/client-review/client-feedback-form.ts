import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  afterNextRender,
  computed,
  inject,
  input,
  output,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import {
  CANDIDATE_MESSAGE_MAX_LENGTH,
  ClientFeedbackReceipt,
  ClientFeedbackRequest,
  ClientReviewPageView,
  FeedbackDecision,
  INTERNAL_NOTES_MAX_LENGTH,
  RATING_MAX,
  RATING_MIN,
} from '@heardback/contracts';
import { apiError, httpErrorMessage, showServerErrors } from '../core/api-error';
import { ChoiceField } from '../core/choice-field';
import { NOW } from '../core/date-time';
import { DECISION_CHOICES, RATING_CHOICES } from '../core/feedback-choices';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { FormAlert } from '../core/form-alert';
import { FORM_FIELD } from '../core/form-field';
import { ProblemWords, formSubmission } from '../core/form-submission';
import { notBlank } from '../core/text-validators';
import { DUE_DATE_PROBLEMS, DueDateFields, dueAtOf, dueDateGroup } from '../recruiter/due-date-fields';
import { ClientReviewApi } from './client-review-api';
import { KeptReview } from './kept-review';
import { AGENCY_NOTES_HINT, CANDIDATE_MESSAGE_HINT, DeadLink, deadLinkOf } from './client-review-words';

const PROBLEMS = {
  decision: { otherwise: 'Choose a decision: advance, hold or reject.' },
  rating: { otherwise: `Choose a rating from ${RATING_MIN} to ${RATING_MAX}.` },
  candidateMessage: {
    maxlength: `Shorten it to ${CANDIDATE_MESSAGE_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer.`,
    otherwise: 'Write what the candidate should hear: every candidate hears back, in words.',
  },
  internalNotes: {
    otherwise: `Keep the notes to ${INTERNAL_NOTES_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer.`,
  },
} satisfies Record<string, ProblemWords>;

/**
 * A client interviewer's feedback on one interview: the decision (with a date for a hold), the
 * rating, what the candidate should hear and notes for the agency. It is a draft for the agency,
 * which reviews it before the candidate reads it.
 */
@Component({
  selector: 'hb-client-feedback-form',
  imports: [ReactiveFormsModule, FORM_FIELD, ChoiceField, DueDateFields, FormAlert],
  templateUrl: './client-feedback-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientFeedbackForm {
  private readonly api = inject(ClientReviewApi);
  private readonly now = inject(NOW);
  private readonly focus = focusLater();

  /** The link's token. */
  readonly token = input.required<string>();
  readonly review = input.required<ClientReviewPageView>();
  /** Sent: whether the candidate already has the words (the client's auto-publish). */
  readonly sent = output<ClientFeedbackReceipt>();
  /** The link stopped working meanwhile (revoked, replaced, the agency recorded feedback). */
  readonly dead = output<DeadLink>();

  protected readonly decisions = DECISION_CHOICES;
  protected readonly ratings = RATING_CHOICES;
  protected readonly messageMax = CANDIDATE_MESSAGE_MAX_LENGTH;
  protected readonly notesMax = INTERNAL_NOTES_MAX_LENGTH;
  protected readonly messageHint = CANDIDATE_MESSAGE_HINT;
  protected readonly notesHint = AGENCY_NOTES_HINT;

  private readonly decision = new FormControl<FeedbackDecision | null>(null, Validators.required);
  protected readonly form = new FormGroup({
    decision: this.decision,
    rating: new FormControl<number | null>(null, [
      Validators.required,
      Validators.min(RATING_MIN),
      Validators.max(RATING_MAX),
    ]),
    candidateMessage: new FormControl('', {
      nonNullable: true,
      validators: [notBlank, Validators.maxLength(CANDIDATE_MESSAGE_MAX_LENGTH)],
    }),
    internalNotes: new FormControl('', {
      nonNullable: true,
      validators: Validators.maxLength(INTERNAL_NOTES_MAX_LENGTH),
    }),
    holdUntil: dueDateGroup(this.now, { required: () => this.decision.value === FeedbackDecision.Hold }),
  });
  protected readonly nowDate = computed(() => this.now());
  protected readonly submission = formSubmission({
    form: this.form,
    errorMessage: httpErrorMessage,
    onInvalid: () => this.focus(FIRST_INVALID),
  });

  private readonly decided = toSignal(this.decision.valueChanges, { initialValue: this.decision.value });
  protected readonly holding = computed(() => this.decided() === FeedbackDecision.Hold);
  protected readonly candidateFirstName = computed(() => this.review().candidateName.split(' ')[0]);

  private readonly kept = inject(KeptReview);

  constructor() {
    // Whether the date is required follows the decision.
    this.decision.valueChanges.subscribe(() => this.form.controls.holdUntil.updateValueAndValidity());
    // What was typed before a reload comes back; from then on every change is kept (KeptReview).
    afterNextRender(() => {
      const typed = this.kept.feedback(this.token());
      if (typed) this.form.patchValue(typed);
      const keeping = this.form.valueChanges.subscribe(() =>
        this.kept.keepFeedback(this.token(), this.form.getRawValue()),
      );
      this.destroyRef.onDestroy(() => keeping.unsubscribe());
    });
  }

  private readonly destroyRef = inject(DestroyRef);

  protected problem(name: keyof typeof PROBLEMS): string {
    return this.submission.problem(this.form.controls[name], PROBLEMS[name]);
  }

  protected holdUntilProblem(): string {
    return this.submission.problem(this.form.controls.holdUntil, DUE_DATE_PROBLEMS);
  }

  protected submit(): void {
    if (!this.submission.begin()) {
      return;
    }
    const { decision, rating, candidateMessage, internalNotes } = this.form.getRawValue();
    const holdUntil = decision === FeedbackDecision.Hold ? dueAtOf(this.form.controls.holdUntil) : null;
    const feedback: ClientFeedbackRequest = {
      decision: decision as FeedbackDecision,
      rating: rating as number,
      candidateMessage: candidateMessage.trim(),
      ...(internalNotes.trim() ? { internalNotes: internalNotes.trim() } : {}),
      ...(holdUntil ? { holdUntil } : {}),
    };
    this.submission.send(() => this.api.sendFeedback(this.token(), feedback), {
      done: (receipt) => this.sent.emit(receipt),
      failed: (error) => {
        const dead = deadLinkOf(error);
        if (dead) {
          this.dead.emit(dead);
          return null;
        }
        if (apiError(error)?.details?.length) {
          // The API refused a field: its reason shows next to it.
          this.focus(FIRST_INVALID);
          return showServerErrors(this.form, error);
        }
        return `Your feedback was not sent. ${httpErrorMessage(error)}`;
      },
    });
  }
}
