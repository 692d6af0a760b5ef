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
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { ApplicationStatus, ApplicationView, CANDIDATE_MESSAGE_MAX_LENGTH, ErrorCode } from '@heardback/contracts';
import { isOpen } from '@heardback/domain';
import { Observable } from 'rxjs';
import { SOMEONE_ELSE_ACTED } from './feedback-form';
import { RecruiterApi } from './recruiter-api';
import { agencyErrorMessage, apiError, errorCodeOf, sentence, showServerErrors } from '../core/api-error';
import { localDate } from '../core/local-date-time';
import { OFFER_TERMS_CONTROLS, OfferTermsFields, offerTermsGroup, offerTermsOf } from './offer-terms-fields';
import { APPLICATION_STATUS_LABELS } from '../core/agency-labels';
import { notBlank } from '../core/text-validators';
import { formSubmission } from '../core/form-submission';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { FORM_FIELD } from '../core/form-field';
import { NOW } from '../core/date-time';
import { DUE_DATE_PROBLEMS, DueDateFields, dueAtOf, dueDateGroup } from './due-date-fields';

type Action = 'reject' | 'offer' | 'hire';

/** Where an action's refusal is shown: next to the button that was pressed. */
interface ActionProblem {
  action: Action;
  message: string;
}

/**
 * Decisions on the whole application: reject (always with words for the candidate), make an
 * offer with its terms, mark hired (the candidate accepted outside the portal). Each is refused while a stage that took place lacks feedback; the refusal
 * is shown next to the action with a way to the feedback form.
 */
@Component({
  selector: 'hb-application-decisions',
  imports: [ReactiveFormsModule, FORM_FIELD, DueDateFields, OfferTermsFields],
  templateUrl: './application-decisions.html',
  styleUrl: './application-decisions.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplicationDecisions {
  private readonly api = inject(RecruiterApi);
  private readonly focus = focusLater();
  private readonly now = inject(NOW);

  readonly application = input.required<ApplicationView>();
  readonly changed = output<ApplicationView>();
  readonly stale = output<void>();
  /** The person asked to go to the feedback form (after a FEEDBACK_REQUIRED refusal). */
  readonly goToFeedback = output<void>();

  protected readonly messageMax = CANDIDATE_MESSAGE_MAX_LENGTH;
  protected readonly rejectMessage = new FormControl('', {
    nonNullable: true,
    validators: [notBlank, Validators.maxLength(CANDIDATE_MESSAGE_MAX_LENGTH)],
  });

  /** An offer's reply-by date: optional, the agency's default applies without it. */
  protected readonly replyBy = dueDateGroup(this.now, { required: false });
  /** An offer's terms (ADR 0020): the title starts as the job's. */
  protected readonly terms = offerTermsGroup('');
  protected readonly today = computed(() => localDate(this.now()));
  protected readonly nowDate = computed(() => this.now());

  /** The action waiting for its confirmation, if any. */
  protected readonly confirming = signal<Action | null>(null);
  protected readonly submission = formSubmission();
  /** The action under way, if any. */
  protected readonly busy = signal<Action | null>(null);
  protected readonly problem = signal<ActionProblem | null>(null);
  /** True when the refusal is that feedback is missing, so the way to the form is offered. */
  protected readonly feedbackMissing = signal(false);

  protected readonly open = computed(() => isOpen(this.application().status));
  /** Before any offer, or at Offer while its terms are not written yet (the last stage was passed). */
  protected readonly canOffer = computed(
    () => this.open() && (this.application().status !== ApplicationStatus.Offer || this.application().offer === null),
  );
  /** Once the offer's terms are written: the candidate is hired on an offer they have read (ADR 0076). */
  protected readonly canHire = computed(
    () => this.application().status === ApplicationStatus.Offer && this.application().offer !== null,
  );
  /** The names of the stages an offer made now would skip, as the API says. */
  protected readonly stagesAnOfferSkips = computed(() => {
    const { stages, offerSkipsStageIds } = this.application();
    return stages.filter((stage) => offerSkipsStageIds.includes(stage.id)).map((stage) => stage.name);
  });

  /**
   * While a stage that took place still owes its feedback (rule 1, as the API works it out), no
   * decision can be made: the reason is shown in the buttons' place, before any words are written.
   */
  protected readonly feedbackOwed = computed(() => {
    const { stages, feedbackOwedStageIds } = this.application();
    if (!this.open() || feedbackOwedStageIds.length === 0) return '';
    const names = stages.filter((stage) => feedbackOwedStageIds.includes(stage.id)).map((stage) => stage.name);
    const actions = [
      'rejecting',
      ...(this.canOffer() ? ['making an offer'] : []),
      ...(this.canHire() ? ['marking them hired'] : []),
    ];
    return `Record feedback for ${inWords(names)} before ${inWords(actions, 'or')}: the candidate must hear how it went first.`;
  });

  private readonly rejectBox = viewChild<ElementRef<HTMLTextAreaElement>>('rejectBox');
  private readonly problemBox = viewChild<ElementRef<HTMLElement>>('problemBox');

  protected readonly statusLabel = computed(() => APPLICATION_STATUS_LABELS[this.application().status].toLowerCase());
  protected readonly candidateFirstName = computed(() => this.application().candidate.fullName.split(' ')[0]);
  protected readonly problemTitle: Record<Action, string> = {
    reject: 'The application was not rejected',
    offer: 'The offer was not made',
    hire: 'The application was not marked hired',
  };

  protected rejectProblem(): string {
    return this.submission.problem(this.rejectMessage, {
      maxlength: `Shorten the message to ${this.messageMax} characters or fewer.`,
      otherwise: 'Write the message to the candidate before rejecting.',
    });
  }

  protected replyByProblem(): string {
    return this.submission.problem(this.replyBy, DUE_DATE_PROBLEMS);
  }

  protected ask(action: Action): void {
    this.problem.set(null);
    this.confirming.set(action);
    this.submission.submitted.set(false);
    if (action === 'reject') {
      this.focus(this.rejectBox);
    }
    if (action === 'offer') {
      this.terms.reset({ ...this.terms.getRawValue(), title: this.application().job.title });
    }
  }

  protected cancel(): void {
    this.confirming.set(null);
    this.problem.set(null);
  }

  protected confirmReject(): void {
    this.submission.submitted.set(true);
    if (this.rejectMessage.invalid) {
      this.focus(FIRST_INVALID);
      return;
    }
    const { id, version } = this.application();
    const candidateMessage = this.rejectMessage.value.trim();
    this.run('reject', () => this.api.reject(id, { candidateMessage, version }));
  }

  protected confirmOffer(): void {
    this.submission.submitted.set(true);
    if (this.replyBy.invalid || this.terms.invalid) {
      this.focus(FIRST_INVALID);
      return;
    }
    const { id, version } = this.application();
    const replyBy = dueAtOf(this.replyBy);
    const terms = offerTermsOf(this.terms);
    this.run('offer', () => this.api.makeOffer(id, { version, ...terms, ...(replyBy ? { replyBy } : {}) }));
  }

  protected confirmHire(): void {
    const { id, version } = this.application();
    this.run('hire', () => this.api.markHired(id, version));
  }

  private run(action: Action, request: () => Observable<ApplicationView>): void {
    if (this.submission.busy()) {
      return;
    }
    this.busy.set(action);
    this.problem.set(null);
    this.submission.send(request, {
      done: (updated) => {
        this.busy.set(null);
        this.confirming.set(null);
        this.rejectMessage.reset('');
        this.replyBy.reset();
        this.changed.emit(updated);
      },
      failed: (error) => {
        this.busy.set(null);
        const code = errorCodeOf(error);
        if (code && SOMEONE_ELSE_ACTED.includes(code)) {
          this.confirming.set(null);
          this.stale.emit();
          return null;
        }
        const details = apiError(error)?.details ?? [];
        const messageProblem = details.find((detail) => detail.field === 'candidateMessage');
        const replyByProblem = details.find((detail) => detail.field === 'replyBy');
        const termsProblem = details.find((detail) => detail.field in OFFER_TERMS_CONTROLS);
        if (termsProblem) showServerErrors(this.terms, error, OFFER_TERMS_CONTROLS);
        if (replyByProblem) {
          this.replyBy.setErrors({ server: sentence(replyByProblem.reasons) });
          this.replyBy.markAsTouched();
        }
        this.feedbackMissing.set(code === ErrorCode.FeedbackRequired);
        this.problem.set({
          action,
          message: messageProblem
            ? `Message to the candidate: ${sentence(messageProblem.reasons)}`
            : replyByProblem
              ? `Reply by: ${sentence(replyByProblem.reasons)}`
              : termsProblem
                ? 'Some terms of the offer need changing: see the messages next to the fields.'
                : agencyErrorMessage(error),
        });
        this.focus(this.problemBox);
        return null;
      },
    });
  }
}

/** ["a", "b", "c"] → "a, b and c" */
function inWords(items: readonly string[], last = 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}
