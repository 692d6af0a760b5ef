import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import {
  ApplicationStatus,
  CandidateApplicationView,
  OFFER_DECLINE_REASON_MAX_LENGTH,
  OfferAnswer,
  PromiseKind,
} from '@heardback/contracts';
import { fieldProblem, httpErrorMessage } from '../core/api-error';
import { formatDate, formatDateTime } from '../core/date-time';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { FormAlert } from '../core/form-alert';
import { FORM_FIELD } from '../core/form-field';
import { formSubmission } from '../core/form-submission';
import { calendarDateInWords, payInWords } from '../core/offer-words';
import { CandidateApi } from './candidate-api';

/** Which answer the candidate is about to give: each asks once more before it is sent. */
type Step = 'read' | 'accepting' | 'declining';

/**
 * The offer on the candidate's application page (issue 10, item 7): its terms, and accepting or
 * declining it, each confirmed once. After an answer it says what was answered and when.
 */
@Component({
  selector: 'hb-offer-panel',
  imports: [FormAlert, FORM_FIELD],
  templateUrl: './offer-panel.html',
  styleUrl: './offer-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OfferPanel {
  private readonly api = inject(CandidateApi);
  private readonly focus = focusLater();

  readonly application = input.required<CandidateApplicationView>();
  /** The application as the API returned it after the answer. */
  readonly changed = output<CandidateApplicationView>();

  protected readonly maxLength = OFFER_DECLINE_REASON_MAX_LENGTH;
  protected readonly step = signal<Step>('read');
  protected readonly reason = signal('');
  protected readonly problem = signal('');
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });

  protected readonly offer = computed(() => {
    const offer = this.application().offer;
    if (!offer) return null;
    // The reply-by date in force is the promise's (a recruiter may have moved it).
    const promise = this.application().promise;
    const replyBy = promise?.kind === PromiseKind.OfferReply ? promise.dueAt : offer.replyBy;
    return {
      ...offer,
      pay: offer.pay ? payInWords(offer.pay) : null,
      startDate: offer.startDate ? calendarDateInWords(offer.startDate) : null,
      replyBy: formatDateTime(replyBy),
      answered: offer.answeredAt ? formatDate(offer.answeredAt) : null,
    };
  });
  protected readonly answerable = computed(
    () => this.application().status === ApplicationStatus.Offer && this.application().offer?.answer === null,
  );
  protected readonly answers = OfferAnswer;

  protected choose(step: Step): void {
    this.submission.fail('');
    this.problem.set('');
    this.step.set(step);
  }

  protected onReason(event: Event): void {
    this.reason.set((event.target as HTMLTextAreaElement).value);
    this.problem.set('');
  }

  protected accept(): void {
    const { id, version } = this.application();
    this.submission.send(() => this.api.acceptOffer(id, version), {
      done: (application) => this.answered(application),
      failed: (error) => `Your answer was not sent. ${httpErrorMessage(error)}`,
    });
  }

  protected decline(event: Event): void {
    event.preventDefault();
    const { id, version } = this.application();
    this.submission.send(() => this.api.declineOffer(id, version, this.reason().trim()), {
      done: (application) => this.answered(application),
      failed: (error) => {
        const reasonProblem = fieldProblem(error, 'reason', 'The reason');
        if (reasonProblem) {
          this.problem.set(reasonProblem);
          this.focus(FIRST_INVALID);
          return null;
        }
        return `Your answer was not sent. ${httpErrorMessage(error)}`;
      },
    });
  }

  private answered(application: CandidateApplicationView): void {
    this.step.set('read');
    this.changed.emit(application);
  }
}
