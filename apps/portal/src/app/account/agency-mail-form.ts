import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { AgencyMailPreference, DEFAULT_AGENCY_MAIL } from '@heardback/contracts';
import { httpErrorMessage } from '../core/api-error';
import { Choice, ChoiceField } from '../core/choice-field';
import { FormAlert } from '../core/form-alert';
import { formSubmission } from '../core/form-submission';
import { SessionStore } from '../core/session';
import { AccountApi } from './account-api';

const CHOICES: Choice<AgencyMailPreference>[] = [
  { value: 'immediate', label: 'As it happens', hint: 'An email for each reminder, as soon as it is written.' },
  { value: 'hourly', label: 'Hourly digest', hint: 'One email at the top of each hour, listing everything since.' },
  {
    value: 'daily',
    label: 'Daily digest',
    hint: 'One email at the start of each working day; none at weekends or on holidays.',
  },
];

const SAVED: Record<AgencyMailPreference, string> = {
  immediate: 'Saved. We will email you about each thing as it happens.',
  hourly: 'Saved. We will gather your reminders into one email at the top of each hour.',
  daily: 'Saved. We will gather your reminders into one email at the start of each working day.',
};

/** How a recruiter or staff member is emailed about their work; escalations always come at once. */
@Component({
  selector: 'hb-agency-mail-form',
  imports: [ChoiceField, FormAlert],
  template: `
    <form class="form" novalidate (submit)="save($event)">
      <hb-choice-field
        class="choices-stacked"
        legend="Email me about my work"
        fieldId="agency-mail"
        [choices]="choices"
        [control]="form.controls.agencyMail"
        [problem]="problem()"
      />
      <p class="field__hint">Escalations always reach you at once, whichever you choose.</p>

      <hb-form-alert [message]="submission.failure()" />

      <div class="profile__actions">
        <button class="button" type="submit" [attr.aria-disabled]="submission.busy()">
          {{ submission.busy() ? 'Saving…' : 'Save how we email you' }}
        </button>
        <p class="profile__saved" role="status">{{ saved() }}</p>
      </div>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgencyMailForm {
  private readonly session = inject(SessionStore);
  private readonly api = inject(AccountApi);

  protected readonly choices = CHOICES;
  protected readonly form = new FormGroup({
    agencyMail: new FormControl<AgencyMailPreference>(this.session.user()?.agencyMail ?? DEFAULT_AGENCY_MAIL, {
      nonNullable: true,
      validators: Validators.required,
    }),
  });
  protected readonly saved = signal('');
  protected readonly submission = formSubmission({ form: this.form, errorMessage: httpErrorMessage });

  constructor() {
    this.form.valueChanges.subscribe(() => this.saved.set(''));
  }

  protected problem(): string {
    return this.submission.problem(this.form.controls.agencyMail, { otherwise: 'Choose how we email you.' });
  }

  protected save(event: Event): void {
    event.preventDefault();
    this.saved.set('');
    if (!this.submission.begin()) {
      return;
    }
    const agencyMail = this.form.controls.agencyMail.value;
    this.submission.send(() => this.api.updateAgencyMail(agencyMail), {
      done: (user) => {
        this.session.update(user);
        this.saved.set(SAVED[agencyMail]);
      },
      failed: (error) => `How we email you was not changed. ${this.submission.errorMessage(error)}`,
    });
  }
}
