import { ChangeDetectionStrategy, Component, ElementRef, inject, linkedSignal, signal, viewChild } from '@angular/core';
import { FULL_NAME_MAX_LENGTH } from '@heardback/contracts';
import { SessionStore } from '../core/session';
import { ROLE_AS_SUBJECT } from '../display-labels';
import { CandidateApi } from './candidate-api';
import { apiFieldErrors, httpErrorMessage } from '../core/api-error';
import { formSubmission } from '../core/form-submission';
import { FormAlert } from '../core/form-alert';

/** /me/profile: who the candidate is to the agency, and changing the name they are addressed by. */
@Component({
  selector: 'hb-profile-page',
  imports: [FormAlert],
  templateUrl: './profile-page.html',
  styleUrl: './profile-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfilePage {
  protected readonly session = inject(SessionStore);
  private readonly api = inject(CandidateApi);

  protected readonly maxLength = FULL_NAME_MAX_LENGTH;
  protected readonly roleWords = ROLE_AS_SUBJECT;
  /** What is in the name box; starts as the saved name. */
  protected readonly fullName = linkedSignal(() => this.session.user()?.fullName ?? '');
  protected readonly problem = signal('');
  protected readonly saved = signal('');
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });

  private readonly nameBox = viewChild.required<ElementRef<HTMLInputElement>>('nameBox');

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
      this.nameBox().nativeElement.focus();
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
        const nameProblem = apiFieldErrors(error)['fullName'];
        if (nameProblem) {
          this.problem.set(`Full name ${nameProblem}.`);
          this.nameBox().nativeElement.focus();
          return null;
        }
        return `Your name was not changed. ${httpErrorMessage(error)}`;
      },
    });
  }
}
