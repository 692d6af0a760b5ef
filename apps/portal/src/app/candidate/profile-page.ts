import { ChangeDetectionStrategy, Component, ElementRef, inject, linkedSignal, signal, viewChild } from '@angular/core';
import { FULL_NAME_MAX_LENGTH } from '@heardback/contracts';
import { SessionStore } from '../core/session';
import { ROLE_AS_SUBJECT } from '../display-labels';
import { CandidateApi } from './candidate-api';
import { apiFieldErrors, httpErrorMessage } from '../core/api-error';

/** /me/profile: who the candidate is to the agency, and changing the name they are addressed by. */
@Component({
  selector: 'hb-profile-page',
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
  protected readonly failure = signal('');
  protected readonly saved = signal('');
  protected readonly busy = signal(false);

  private readonly nameBox = viewChild.required<ElementRef<HTMLInputElement>>('nameBox');

  protected onInput(event: Event): void {
    this.fullName.set((event.target as HTMLInputElement).value);
    this.problem.set('');
    this.saved.set('');
  }

  protected save(event: Event): void {
    event.preventDefault();
    if (this.busy()) {
      return;
    }
    this.failure.set('');
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
    this.busy.set(true);
    this.api.updateProfile({ fullName }).subscribe({
      next: (user) => {
        this.busy.set(false);
        this.session.update(user);
        this.saved.set(`Saved. The agency now sees your name as ${user.fullName}.`);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const nameProblem = apiFieldErrors(error)['fullName'];
        if (nameProblem) {
          this.problem.set(`Full name ${nameProblem}.`);
          this.nameBox().nativeElement.focus();
          return;
        }
        this.failure.set(`Your name was not changed. ${httpErrorMessage(error)}`);
      },
    });
  }
}
