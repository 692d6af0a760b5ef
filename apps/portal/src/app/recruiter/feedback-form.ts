import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import {
  ApplicationView,
  CANDIDATE_MESSAGE_MAX_LENGTH,
  ErrorCode,
  FeedbackDecision,
  GIVEN_BY_MAX_LENGTH,
  INTERNAL_NOTES_MAX_LENGTH,
  RATING_MAX,
  RATING_MIN,
  StageView,
} from '@heardback/contracts';
import { RecruiterApi } from './recruiter-api';
import { errorCodeOf } from '../core/api-error';
import { DECISION_LABELS, RATING_LABELS } from '../core/agency-labels';
import { notBlank } from '../core/text-validators';
import { ProblemWords, formSubmission } from '../core/form-submission';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { FORM_FIELD } from '../core/form-field';
import { ChoiceField } from '../core/choice-field';
import { DECISION_CHOICES, RATING_CHOICES } from '../core/feedback-choices';
import { NOW, formatDateTime } from '../core/date-time';
import { DUE_DATE_PROBLEMS, DueDateFields, dueAtOf, dueDateGroup } from './due-date-fields';
import { KeepDraft } from '../core/keep-draft';

/** Conflicts that mean someone else acted on the application since this page loaded it. */
export const SOMEONE_ELSE_ACTED: readonly ErrorCode[] = [
  ErrorCode.StaleVersion,
  ErrorCode.FeedbackAlreadyRecorded,
  ErrorCode.StageNotCurrent,
];

const PROBLEMS = {
  decision: { otherwise: 'Choose a decision: advance, hold or reject.' },
  rating: { otherwise: `Choose a rating from ${RATING_MIN} to ${RATING_MAX}.` },
  candidateMessage: {
    maxlength: `Shorten the message to ${CANDIDATE_MESSAGE_MAX_LENGTH} characters or fewer.`,
    otherwise: 'Write the message to the candidate: every candidate hears back, in words.',
  },
  internalNotes: {
    otherwise: `Keep internal notes to ${INTERNAL_NOTES_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer.`,
  },
  givenBy: { otherwise: `Keep the name to ${GIVEN_BY_MAX_LENGTH} characters or fewer.` },
} satisfies Record<string, ProblemWords>;

/** What the form hands back when someone else got there first, so nothing typed is lost. */
export interface UnsentFeedback {
  stageName: string;
  candidateMessage: string;
}

/**
 * Records the feedback for one stage: the decision, the rating, the words the candidate will read
 * (previewed exactly as they will read them) and the agency's internal notes, kept visibly apart.
 * Feedback is final and emailed at once, so a valid form is first shown back as it will be sent
 * ("Check and send"): the words, the decision and to whom; "Edit" returns with everything kept.
 */
@Component({
  selector: 'hb-feedback-form',
  imports: [ReactiveFormsModule, NgTemplateOutlet, FORM_FIELD, ChoiceField, DueDateFields, KeepDraft],
  templateUrl: './feedback-form.html',
  styleUrl: './feedback-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FeedbackForm {
  private readonly api = inject(RecruiterApi);
  private readonly focus = focusLater();
  private readonly now = inject(NOW);

  readonly application = input.required<ApplicationView>();
  readonly stage = input.required<StageView>();
  readonly recorded = output<ApplicationView>();
  /** Someone else acted first (409): the page reloads and says what changed. */
  readonly stale = output<UnsentFeedback>();

  protected readonly decisions = DECISION_CHOICES;
  protected readonly ratings = RATING_CHOICES;
  protected readonly messageMax = CANDIDATE_MESSAGE_MAX_LENGTH;

  private readonly decision = new FormControl<FeedbackDecision | null>(null, Validators.required);
  protected readonly form = inject(FormBuilder).group({
    decision: this.decision,
    rating: [null as number | null, [Validators.required, Validators.min(RATING_MIN), Validators.max(RATING_MAX)]],
    candidateMessage: ['', [notBlank, Validators.maxLength(CANDIDATE_MESSAGE_MAX_LENGTH)]],
    internalNotes: ['', Validators.maxLength(INTERNAL_NOTES_MAX_LENGTH)],
    givenBy: ['', Validators.maxLength(GIVEN_BY_MAX_LENGTH)],
    // On hold, the candidate is given the date by which they hear again.
    holdUntil: dueDateGroup(this.now, { required: () => this.decision.value === FeedbackDecision.Hold }),
  });
  protected readonly nowDate = computed(() => this.now());

  protected readonly submission = formSubmission({ form: this.form, onInvalid: () => this.focus(FIRST_INVALID) });

  private readonly value = toSignal(this.form.valueChanges, {
    initialValue: this.form.getRawValue(),
  });
  protected readonly holding = computed(() => this.value().decision === FeedbackDecision.Hold);

  constructor() {
    // Whether "hear again by" is required follows the decision.
    this.form.controls.decision.valueChanges.subscribe(() => this.form.controls.holdUntil.updateValueAndValidity());
  }

  protected readonly idPrefix = computed(() => `feedback-${this.stage().id}`);
  /** The message exactly as it will be stored and shown: the API trims it. */
  protected readonly previewMessage = computed(() => (this.value().candidateMessage ?? '').trim());
  protected readonly candidateFirstName = computed(() => this.application().candidate.fullName.split(' ')[0]);
  /** Where "advance" leads, as the API says; none when an offer follows. */
  protected readonly nextStage = computed(() => {
    const { stages, nextStageId } = this.application();
    return stages.find((stage) => stage.id === nextStageId) ?? null;
  });
  /** Advance and reject end the stage for the candidate; hold leaves the decision to come. */
  protected readonly previewDone = computed(
    () => this.value().decision === FeedbackDecision.Advance || this.value().decision === FeedbackDecision.Reject,
  );
  /** The line the candidate reads under the message, depending on the decision. */
  protected readonly previewOutcome = computed(() => {
    switch (this.value().decision) {
      case FeedbackDecision.Advance: {
        const next = this.nextStage();
        return next
          ? `You are through to ${next.name}. We will be in touch to arrange it.`
          : 'Good news: you have passed every stage and an offer is on its way.';
      }
      case FeedbackDecision.Reject:
        return 'The application has been closed. The message above explains why.';
      case FeedbackDecision.Hold: {
        const until = dueAtOf(this.form.controls.holdUntil);
        return until && !this.form.controls.holdUntil.invalid
          ? `No decision yet: you will hear from us again by ${formatDateTime(until)}.`
          : '';
      }
      default:
        return '';
    }
  });

  /** True while the filled-in form is shown back for a last check before it is sent. */
  protected readonly checking = signal(false);
  private readonly checkHeading = viewChild<ElementRef<HTMLElement>>('checkHeading');

  /** "Advance · rated 3 of 4 (Good) · on behalf of Jo Hiring", for the check before sending. */
  protected decisionLine(): string {
    const { decision, rating, givenBy } = this.form.getRawValue();
    return [
      decision ? DECISION_LABELS[decision] : '',
      rating ? `rated ${rating} of ${RATING_MAX} (${RATING_LABELS[rating]})` : '',
      givenBy?.trim() ? `on behalf of ${givenBy.trim()}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
  }

  protected problem(name: keyof typeof PROBLEMS): string {
    return this.submission.problem(this.form.controls[name], PROBLEMS[name]);
  }

  protected holdUntilProblem(): string {
    return this.submission.problem(this.form.controls.holdUntil, DUE_DATE_PROBLEMS);
  }

  /** "Check and send…": a valid form is shown back as it will be sent; an invalid one says what is missing. */
  protected check(): void {
    if (!this.submission.begin()) {
      return;
    }
    this.checking.set(true);
    this.focus(this.checkHeading);
  }

  /** Back to the form, with everything as it was typed. */
  protected edit(): void {
    this.checking.set(false);
    this.focus(`#${this.idPrefix()}-message`);
  }

  protected submit(): void {
    if (!this.checking()) {
      this.check();
      return;
    }
    if (!this.submission.begin()) {
      this.checking.set(false);
      return;
    }
    const { decision, rating, candidateMessage, internalNotes, givenBy } = this.form.getRawValue();
    const holdUntil = decision === FeedbackDecision.Hold ? dueAtOf(this.form.controls.holdUntil) : null;
    const feedback = {
      decision: decision as FeedbackDecision,
      ...(holdUntil ? { holdUntil } : {}),
      rating: rating as number,
      candidateMessage: (candidateMessage ?? '').trim(),
      ...(internalNotes?.trim() ? { internalNotes: internalNotes.trim() } : {}),
      ...(givenBy?.trim() ? { givenBy: givenBy.trim() } : {}),
      version: this.application().version,
    };
    this.submission.send(() => this.api.recordFeedback(this.application().id, this.stage().id, feedback), {
      done: (updated) => this.recorded.emit(updated),
      failed: (error) => {
        const code = errorCodeOf(error);
        if (code && SOMEONE_ELSE_ACTED.includes(code)) {
          this.stale.emit({ stageName: this.stage().name, candidateMessage: feedback.candidateMessage });
          return null;
        }
        // The API refused a field: back to the form, where the refusal is shown next to it.
        this.checking.set(false);
        this.focus(FIRST_INVALID);
        return this.submission.errorMessage(error);
      },
    });
  }
}
