import { ChangeDetectionStrategy, Component, inject, linkedSignal, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { FULL_NAME_MAX_LENGTH } from '@heardback/contracts';
import { ChangePasswordForm } from '../account/change-password-form';
import { SessionList } from '../account/session-list';
import { TimeZoneForm } from '../account/time-zone-form';
import { SessionStore } from '../core/session';
import { ROLE_AS_SUBJECT } from '../display-labels';
import { CandidateApi } from './candidate-api';
import { ConfirmEmailNotice } from './confirm-email-notice';
import { ContactDetailsForm } from './contact-details-form';
import { DocumentsSection } from './documents-section';
import { ConsentSettings } from './consent-settings';
import { fieldProblem, httpErrorMessage } from '../core/api-error';
import { formSubmission } from '../core/form-submission';
import { FormAlert } from '../core/form-alert';
import { FORM_FIELD } from '../core/form-field';
import { FIRST_INVALID, focusLater } from '../core/focus-later';

/**
 * /me/profile: who the candidate is to the agency: their name, CV and documents, contact details,
 * time zone, password, email confirmation and sessions.
 */
@Component({
  selector: 'hb-profile-page',
  imports: [
    ChangePasswordForm,
    ConfirmEmailNotice,
    ConsentSettings,
    ContactDetailsForm,
    DocumentsSection,
    FormAlert,
    RouterLink,
    SessionList,
    TimeZoneForm,
    FORM_FIELD,
  ],
  templateUrl: './profile-page.html',
  styleUrls: ['../account/account-page.scss', './profile-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfilePage {
  protected readonly session = inject(SessionStore);
  private readonly api = inject(CandidateApi);
  private readonly focus = focusLater();

  protected readonly maxLength = FULL_NAME_MAX_LENGTH;
  protected readonly roleWords = ROLE_AS_SUBJECT;
  /** What is in the name box; starts as the saved name. */
  protected readonly fullName = linkedSignal(() => this.session.user()?.fullName ?? '');
  protected readonly problem = signal('');
  protected readonly saved = signal('');
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });

  protected onInput(event: Event): void {
    this.fullName.set((event.target as HTMLInputElement).value);
    this.problem.set('');
    this.saved.set('');
  }

  protected save(event: Event): void {
    event.preventDefault();
    if (this.submission.busy()) {
      return;
    }
    this.submission.fail('');
    this.saved.set('');
    const fullName = this.fullName().trim();
    if (fullName === '') {
      this.problem.set('Enter your full name.');
      this.focus(FIRST_INVALID);
      return;
    }
    if (fullName === this.session.user()?.fullName) {
      this.saved.set('Your name is already saved as this.');
      return;
    }
    this.submission.send(() => this.api.updateProfile({ fullName }), {
      done: (user) => {
        this.session.update(user);
        this.saved.set(`Saved. The agency now sees your name as ${user.fullName}.`);
      },
      failed: (error) => {
        const nameProblem = fieldProblem(error, 'fullName', 'Full name');
        if (nameProblem) {
          this.problem.set(nameProblem);
          this.focus(FIRST_INVALID);
          return null;
        }
        return `Your name was not changed. ${httpErrorMessage(error)}`;
      },
    });
  }
}
