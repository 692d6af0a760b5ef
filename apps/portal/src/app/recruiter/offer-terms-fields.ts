import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import {
  CANDIDATE_MESSAGE_MAX_LENGTH,
  JOB_TITLE_MAX_LENGTH,
  OFFER_PAY_MIN,
  OfferTermsRequest,
  PayPeriod,
  SALARY_MAX,
} from '@heardback/contracts';
import { FORM_FIELD } from '../core/form-field';
import { FormSubmission } from '../core/form-submission';
import { notBlank } from '../core/text-validators';

export type OfferTermsGroup = FormGroup<{
  title: FormControl<string>;
  payAmount: FormControl<number | null>;
  payCurrency: FormControl<string>;
  payPeriod: FormControl<PayPeriod>;
  startDate: FormControl<string>;
  message: FormControl<string>;
}>;

/** The terms of an offer, the title prefilled with the job's; pay, start and message as the recruiter writes them. */
export function offerTermsGroup(jobTitle: string): OfferTermsGroup {
  return new FormGroup({
    title: new FormControl(jobTitle, {
      nonNullable: true,
      validators: [notBlank, Validators.maxLength(JOB_TITLE_MAX_LENGTH)],
    }),
    payAmount: new FormControl<number | null>(null, [Validators.min(OFFER_PAY_MIN), Validators.max(SALARY_MAX)]),
    payCurrency: new FormControl('EUR', { nonNullable: true, validators: [Validators.pattern(/^[A-Za-z]{3}$/)] }),
    payPeriod: new FormControl<PayPeriod>(PayPeriod.Year, { nonNullable: true }),
    startDate: new FormControl('', { nonNullable: true }),
    message: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(CANDIDATE_MESSAGE_MAX_LENGTH)],
    }),
  });
}

/** The request's terms from the form: what is left empty is not sent (the API's defaults apply). */
export function offerTermsOf(group: OfferTermsGroup): OfferTermsRequest {
  const { title, payAmount, payCurrency, payPeriod, startDate, message } = group.getRawValue();
  return {
    title: title.trim(),
    ...(payAmount !== null
      ? { pay: { amount: payAmount, currency: payCurrency.toUpperCase(), period: payPeriod } }
      : {}),
    ...(startDate ? { startDate } : {}),
    ...(message.trim() ? { message: message.trim() } : {}),
  };
}

/** API field name → control, so the API's field errors show next to their fields. */
export const OFFER_TERMS_CONTROLS: Record<string, string> = {
  title: 'title',
  'pay.amount': 'payAmount',
  'pay.currency': 'payCurrency',
  'pay.period': 'payPeriod',
  startDate: 'startDate',
  message: 'message',
};

/** The fields of an offer's terms, inside the decision's confirmation. */
@Component({
  selector: 'hb-offer-terms-fields',
  imports: [ReactiveFormsModule, FORM_FIELD],
  template: `
    <div class="terms" [formGroup]="group()">
      <hb-field label="Role offered" fieldId="offer-title" [problem]="problem('title', titleWords)">
        <input hbControl class="input" type="text" formControlName="title" [maxLength]="titleMax" />
      </hb-field>
      <fieldset class="terms__pay">
        <legend class="terms__legend">Pay (optional)</legend>
        <div class="terms__row">
          <hb-field label="Amount" fieldId="offer-pay-amount" [problem]="problem('payAmount', amountWords)">
            <input hbControl class="input" type="number" inputmode="numeric" min="1" formControlName="payAmount" />
          </hb-field>
          <hb-field label="Currency" fieldId="offer-pay-currency" [problem]="problem('payCurrency', currencyWords)">
            <input hbControl class="input terms__currency" type="text" maxlength="3" formControlName="payCurrency" />
          </hb-field>
          <hb-field label="Per" fieldId="offer-pay-period">
            <select hbControl class="input" formControlName="payPeriod">
              <option value="year">year</option>
              <option value="day">day</option>
              <option value="hour">hour</option>
            </select>
          </hb-field>
        </div>
      </fieldset>
      <hb-field
        label="Proposed start date (optional)"
        fieldId="offer-start-date"
        [problem]="problem('startDate', startWords)"
      >
        <input hbControl class="input" type="date" formControlName="startDate" [min]="today()" />
      </hb-field>
      <hb-field
        label="Message to the candidate (optional)"
        fieldId="offer-message"
        hint="Shown with the offer, exactly as written."
        [problem]="problem('message', messageWords)"
      >
        <textarea hbControl class="textarea" rows="4" formControlName="message"></textarea>
      </hb-field>
    </div>
  `,
  styles: `
    .terms__pay {
      margin: 0 0 1rem;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    .terms__legend {
      margin-bottom: 0.25rem;
      font-weight: 600;
    }
    .terms__row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.75rem;
    }
    .terms__currency {
      width: 5rem;
      text-transform: uppercase;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OfferTermsFields {
  readonly group = input.required<OfferTermsGroup>();
  readonly submission = input.required<FormSubmission>();
  readonly today = input.required<string>();

  protected readonly titleMax = JOB_TITLE_MAX_LENGTH;
  protected readonly titleWords = {
    maxlength: `Shorten the title to ${JOB_TITLE_MAX_LENGTH} characters or fewer.`,
    otherwise: 'Give the role offered.',
  };
  protected readonly amountWords = { otherwise: `Give a whole amount from ${OFFER_PAY_MIN} to ${SALARY_MAX}.` };
  protected readonly currencyWords = { otherwise: 'Give a three-letter currency code, such as EUR.' };
  protected readonly startWords = { otherwise: 'Choose today or a later date.' };
  protected readonly messageWords = {
    maxlength: `Shorten the message to ${CANDIDATE_MESSAGE_MAX_LENGTH} characters or fewer.`,
    otherwise: 'Check the message.',
  };

  protected problem(name: keyof OfferTermsGroup['controls'], words: { otherwise: string }): string {
    return this.submission().problem(this.group().controls[name], words);
  }
}
