import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ApplicationView, OfferAnswer } from '@heardback/contracts';
import { formatDateTime } from '../core/date-time';
import { calendarDateInWords, payInWords } from '../core/offer-words';

const ANSWER_WORDS: Record<OfferAnswer | 'open', string> = {
  open: 'Waiting for the candidate’s answer',
  [OfferAnswer.Accepted]: 'Accepted',
  [OfferAnswer.Declined]: 'Declined',
  [OfferAnswer.Lapsed]: 'Ended without an answer',
};

/** The offer on the recruiter's application page: its terms, whether it is answered, and the candidate's reason. */
@Component({
  selector: 'hb-offer-summary',
  template: `
    @if (offer(); as offer) {
      <section class="offer panel" aria-labelledby="offer-summary-title" data-testid="offer-summary">
        <h2 class="section-title" id="offer-summary-title">The offer</h2>
        <dl class="offer__terms">
          <div class="offer__term">
            <dt>Status</dt>
            <dd>
              <strong>{{ offer.status }}</strong>
              @if (offer.answered) {
                <span> on {{ offer.answered }}</span>
              }
            </dd>
          </div>
          @if (offer.declineReason) {
            <div class="offer__term">
              <dt>Their reason</dt>
              <dd>“{{ offer.declineReason }}”</dd>
            </div>
          }
          <div class="offer__term">
            <dt>Role</dt>
            <dd>{{ offer.title }}</dd>
          </div>
          <div class="offer__term">
            <dt>Pay</dt>
            <dd>{{ offer.pay ?? 'Not stated' }}</dd>
          </div>
          <div class="offer__term">
            <dt>Start</dt>
            <dd>{{ offer.startDate ?? 'Not stated' }}</dd>
          </div>
          <div class="offer__term">
            <dt>Made</dt>
            <dd>{{ offer.madeAt }}</dd>
          </div>
          @if (offer.message) {
            <div class="offer__term">
              <dt>Message</dt>
              <dd class="offer__message">{{ offer.message }}</dd>
            </div>
          }
        </dl>
      </section>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .offer__terms {
      display: grid;
      gap: 0.25rem;
      margin: 0;
    }
    .offer__term {
      display: grid;
      grid-template-columns: 7.5rem 1fr;
      gap: 0.5rem;
    }
    .offer__term dt {
      color: var(--hb-text-muted);
    }
    .offer__term dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .offer__message {
      white-space: pre-line;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OfferSummary {
  readonly application = input.required<ApplicationView>();

  protected readonly offer = computed(() => {
    const offer = this.application().offer;
    if (!offer) return null;
    return {
      ...offer,
      status: ANSWER_WORDS[offer.answer ?? 'open'],
      answered: offer.answeredAt ? formatDateTime(offer.answeredAt) : null,
      madeAt: formatDateTime(offer.madeAt),
      pay: offer.pay ? payInWords(offer.pay) : null,
      startDate: offer.startDate ? calendarDateInWords(offer.startDate) : null,
    };
  });
}
