import { ChangeDetectionStrategy, Component, inject, linkedSignal, signal } from '@angular/core';
import { CANDIDATE_LOCATION_MAX_LENGTH, PHONE_INPUT_MAX_LENGTH, PROFILE_LINK_MAX_LENGTH } from '@heardback/contracts';
import { fieldProblem, httpErrorMessage } from '../core/api-error';
import { FormAlert } from '../core/form-alert';
import { FORM_FIELD } from '../core/form-field';
import { formSubmission } from '../core/form-submission';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { SessionStore } from '../core/session';
import { CandidateApi } from './candidate-api';

type ContactField = 'phone' | 'location' | 'profileLink';
const LABELS: Record<ContactField, string> = { phone: 'Phone', location: 'Where you are', profileLink: 'Link' };

/** The candidate's phone, location and link (LinkedIn or portfolio): what the agency sees to reach them. */
@Component({
  selector: 'hb-contact-details-form',
  imports: [FormAlert, FORM_FIELD],
  template: `
    <form class="form" novalidate (submit)="save($event)">
      <p class="contact__intro">Optional. Recruiters see these with your applications, to reach you and to know you.</p>
      <hb-field
        [label]="labels.phone"
        fieldId="contact-phone"
        hint="With your country code, such as +44 20 7946 0958."
        [problem]="problems().phone ?? ''"
      >
        <input
          hbControl
          class="field__input"
          type="tel"
          autocomplete="tel"
          [maxLength]="limits.phone"
          [value]="phone()"
          (input)="phone.set(value($event)); clear()"
        />
      </hb-field>
      <hb-field
        [label]="labels.location"
        fieldId="contact-location"
        hint="A city and country is enough, such as Leeds, UK."
        [problem]="problems().location ?? ''"
      >
        <input
          hbControl
          class="field__input"
          type="text"
          autocomplete="address-level2"
          [maxLength]="limits.location"
          [value]="location()"
          (input)="location.set(value($event)); clear()"
        />
      </hb-field>
      <hb-field
        [label]="labels.profileLink"
        fieldId="contact-link"
        hint="Your LinkedIn profile or portfolio, starting with https://."
        [problem]="problems().profileLink ?? ''"
      >
        <input
          hbControl
          class="field__input"
          type="url"
          autocomplete="url"
          [maxLength]="limits.profileLink"
          [value]="profileLink()"
          (input)="profileLink.set(value($event)); clear()"
        />
      </hb-field>

      <hb-form-alert [message]="submission.failure()" />

      <div class="profile__actions">
        <button class="button" type="submit" [attr.aria-disabled]="submission.busy()">
          {{ submission.busy() ? 'Saving…' : 'Save contact details' }}
        </button>
        <p class="profile__saved" role="status">{{ saved() }}</p>
      </div>
    </form>
  `,
  styles: `
    .contact__intro {
      margin: 0;
      color: var(--hb-text-muted);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactDetailsForm {
  private readonly session = inject(SessionStore);
  private readonly api = inject(CandidateApi);
  private readonly focus = focusLater();

  protected readonly labels = LABELS;
  protected readonly limits = {
    phone: PHONE_INPUT_MAX_LENGTH,
    location: CANDIDATE_LOCATION_MAX_LENGTH,
    profileLink: PROFILE_LINK_MAX_LENGTH,
  };
  protected readonly phone = linkedSignal(() => this.session.user()?.phone ?? '');
  protected readonly location = linkedSignal(() => this.session.user()?.location ?? '');
  protected readonly profileLink = linkedSignal(() => this.session.user()?.profileLink ?? '');
  protected readonly problems = signal<Partial<Record<ContactField, string>>>({});
  protected readonly saved = signal('');
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected clear(): void {
    this.problems.set({});
    this.saved.set('');
  }

  protected save(event: Event): void {
    event.preventDefault();
    const user = this.session.user();
    if (this.submission.busy() || !user) return;
    this.clear();
    const request = {
      fullName: user.fullName,
      phone: this.phone().trim(),
      location: this.location().trim(),
      profileLink: this.profileLink().trim(),
    };
    this.submission.send(() => this.api.updateProfile(request), {
      done: (updated) => {
        this.session.update(updated);
        this.saved.set('Saved. Recruiters see these details with your applications.');
      },
      failed: (error) => {
        const problems: Partial<Record<ContactField, string>> = {};
        for (const field of Object.keys(LABELS) as ContactField[]) {
          const problem = fieldProblem(error, field, LABELS[field]);
          if (problem) problems[field] = problem;
        }
        if (Object.keys(problems).length === 0)
          return `Your contact details were not saved. ${httpErrorMessage(error)}`;
        this.problems.set(problems);
        this.focus(FIRST_INVALID);
        return null;
      },
    });
  }
}
