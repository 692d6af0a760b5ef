import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import {
  ApplicationView,
  CANDIDATE_MESSAGE_MAX_LENGTH,
  ClientFeedbackDraftView,
  FeedbackDecision,
  PublishClientFeedbackRequest,
  RATING_MAX,
} from '@heardback/contracts';
import { agencyErrorMessage, errorCodeOf, fieldProblem } from '../core/api-error';
import { DECISION_LABELS, RATING_LABELS } from '../core/agency-labels';
import { NOW, formatShortDateTime } from '../core/date-time';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { FORM_FIELD } from '../core/form-field';
import { formSubmission } from '../core/form-submission';
import { notBlank } from '../core/text-validators';
import { ClientFeedbackApi } from './client-feedback-api';
import { SOMEONE_ELSE_ACTED } from './feedback-form';
import { DUE_DATE_PROBLEMS, DueDateFields, dueAtOf, dueDateGroup } from './due-date-fields';

/** What publishing a draft does to the application, by its decision. */
export const PUBLISH_OUTCOME: Record<FeedbackDecision, string> = {
  [FeedbackDecision.Advance]: 'Publishing records it as the stage’s feedback and moves the candidate on.',
  [FeedbackDecision.Hold]:
    'Publishing records it as the stage’s feedback and tells the candidate when they hear again.',
  [FeedbackDecision.Reject]: 'Publishing records it as the stage’s feedback and closes the application.',
};

export const STALE_DRAFT_NOTICE =
  'Someone else changed this application while you were working, so it is reloaded. Your words are kept: check them and publish again.';

/**
 * One client interviewer's draft: who, when, their decision, rating and notes for the agency, and
 * the words the candidate will read, which the recruiter may edit before publishing them (one click).
 */
@Component({
  selector: 'hb-client-feedback-draft',
  imports: [ReactiveFormsModule, FORM_FIELD, DueDateFields],
  templateUrl: './client-feedback-draft.html',
  styleUrl: './client-feedback-draft.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientFeedbackDraft {
  private readonly api = inject(ClientFeedbackApi);
  private readonly focus = focusLater();
  private readonly now = inject(NOW);

  readonly application = input.required<ApplicationView>();
  readonly draft = input.required<ClientFeedbackDraftView>();
  /** The application as the API returns it once the draft is the stage's feedback. */
  readonly published = output<ApplicationView>();
  /** Someone else acted first (409): the page reloads the application and says what changed. */
  readonly stale = output<void>();

  protected readonly messageMax = CANDIDATE_MESSAGE_MAX_LENGTH;
  protected readonly message = new FormControl('', {
    nonNullable: true,
    validators: [notBlank, Validators.maxLength(CANDIDATE_MESSAGE_MAX_LENGTH)],
  });
  protected readonly staleNotice = signal('');

  protected readonly nowDate = computed(() => this.now());
  protected readonly holding = computed(() => this.draft().decision === FeedbackDecision.Hold);
  protected readonly clientDatePassed = computed(() => {
    const holdUntil = this.draft().holdUntil;
    return holdUntil !== null && new Date(holdUntil).getTime() <= this.now().getTime();
  });
  /** Set from the draft once it arrives (the form is built before the inputs are). */
  private holdDateRequired = false;
  /** A hold may be given a new date: required once the client's date has passed. */
  protected readonly form = new FormGroup({
    candidateMessage: this.message,
    holdUntil: dueDateGroup(this.now, { required: () => this.holdDateRequired }),
  });
  protected readonly submission = formSubmission({ form: this.form, onInvalid: () => this.focus(FIRST_INVALID) });
  protected readonly holdHint = computed(() => {
    const holdUntil = this.draft().holdUntil;
    if (!holdUntil) return '';
    const when = formatShortDateTime(holdUntil);
    return this.clientDatePassed()
      ? `The client’s date, ${when}, has passed: give ${this.candidateFirstName()} a new one.`
      : `Leave it empty to keep the client’s date, ${when}.`;
  });
  protected readonly idPrefix = computed(() => `client-draft-${this.draft().id}`);
  protected readonly candidateFirstName = computed(() => this.application().candidate.fullName.split(' ')[0]);
  protected readonly summary = computed(() => {
    const { decision, rating, holdUntil } = this.draft();
    return [
      DECISION_LABELS[decision],
      `rated ${rating} of ${RATING_MAX} (${RATING_LABELS[rating]})`,
      decision === FeedbackDecision.Hold && holdUntil ? `hears again by ${formatShortDateTime(holdUntil)}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
  });
  protected readonly sentAt = computed(() => formatShortDateTime(this.draft().submittedAt));
  protected readonly publishedLine = computed(() => {
    const { publishedAt, publishedBy } = this.draft();
    if (!publishedAt) return '';
    const when = formatShortDateTime(publishedAt);
    return publishedBy ? `by ${publishedBy.fullName}, ${when}` : `automatically, ${when}`;
  });
  /** The recruiter changed the words on publishing: the stage's feedback holds what the candidate reads. */
  protected readonly publishedEdited = computed(() => {
    const { publishedAt, stageId, candidateMessage } = this.draft();
    const feedback = this.application().stages.find((stage) => stage.id === stageId)?.feedback;
    return (
      publishedAt !== null &&
      feedback !== null &&
      feedback !== undefined &&
      feedback.candidateMessage !== candidateMessage
    );
  });
  protected readonly outcome = computed(() => PUBLISH_OUTCOME[this.draft().decision]);
  /**
   * Another interviewer's draft, or the recruiter's own feedback, became the stage's feedback first:
   * this one can no longer be published (the API would refuse it), so it is shown for the record.
   */
  protected readonly superseded = computed(() => {
    const { publishedAt, stageId } = this.draft();
    const stage = this.application().stages.find((candidate) => candidate.id === stageId);
    return publishedAt === null && stage?.feedback ? stage.name : null;
  });

  constructor() {
    // The interviewer's words to start from; once the recruiter edits them, a reload keeps the edit.
    // Whether a hold needs a new date follows the draft.
    effect(() => {
      const words = this.draft().candidateMessage;
      const dateRequired = this.holding() && this.clientDatePassed();
      untracked(() => {
        if (!this.message.dirty) this.message.setValue(words);
        this.holdDateRequired = dateRequired;
        this.form.controls.holdUntil.updateValueAndValidity();
      });
    });
  }

  protected messageProblem(): string {
    return this.submission.problem(this.message, {
      maxlength: `Shorten it to ${CANDIDATE_MESSAGE_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer.`,
      otherwise: `Write what ${this.candidateFirstName()} will read: every candidate hears back, in words.`,
    });
  }

  protected holdUntilProblem(): string {
    return this.submission.problem(this.form.controls.holdUntil, DUE_DATE_PROBLEMS);
  }

  protected publish(): void {
    if (!this.submission.begin()) {
      return;
    }
    this.staleNotice.set('');
    const holdUntil = this.holding() ? dueAtOf(this.form.controls.holdUntil) : null;
    const request: PublishClientFeedbackRequest = {
      version: this.application().version,
      candidateMessage: this.message.value.trim(),
      ...(holdUntil ? { holdUntil } : {}),
    };
    this.submission.send(() => this.api.publish(this.application().id, this.draft().id, request), {
      done: (updated) => this.published.emit(updated),
      failed: (error) => {
        const code = errorCodeOf(error);
        if (code && SOMEONE_ELSE_ACTED.includes(code)) {
          this.staleNotice.set(STALE_DRAFT_NOTICE);
          this.stale.emit();
          return null;
        }
        if (fieldProblem(error, 'candidateMessage', 'The message') || fieldProblem(error, 'holdUntil', 'The date')) {
          // The API's reason shows at the words.
          this.focus(FIRST_INVALID);
          return this.submission.errorMessage(error);
        }
        return `The feedback was not published. ${agencyErrorMessage(error)}`;
      },
    });
  }
}
