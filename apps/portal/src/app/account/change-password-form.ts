import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { passwordProblemTexts } from '@heardback/domain';
import { fieldProblem, httpErrorMessage } from '../core/api-error';
import { FormAlert } from '../core/form-alert';
import { formSubmission } from '../core/form-submission';
import { FORM_FIELD } from '../core/form-field';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { AccountApi } from './account-api';
import { NewPasswordField } from './new-password-field';

/** Changes the password with the current one; the API ends the account's other sessions. */
@Component({
  selector: 'hb-change-password-form',
  imports: [NewPasswordField, FormAlert, FORM_FIELD],
  template: `
    <form class="form" novalidate (submit)="save($event)">
      <hb-field label="Current password" fieldId="current-password" [problem]="currentProblem()">
        <input
          hbControl
          class="field__input"
          type="password"
          autocomplete="current-password"
          [value]="current()"
          (input)="current.set($any($event.target).value); currentProblem.set('')"
        />
      </hb-field>
      <hb-new-password-field fieldId="new-password" [(value)]="next" [problem]="nextProblem()" />
      <hb-form-alert [message]="submission.failure()" />
      <div class="profile__actions">
        <button class="button" type="submit" [attr.aria-disabled]="submission.busy()">
          {{ submission.busy() ? 'Saving…' : 'Change password' }}
        </button>
        <p class="profile__saved" role="status">{{ saved() }}</p>
      </div>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordForm {
  private readonly api = inject(AccountApi);
  private readonly focus = focusLater();

  readonly email = input('');
  /** Emitted after a change: the other sessions have ended. */
  readonly changed = output<void>();

  protected readonly current = signal('');
  protected readonly next = signal('');
  protected readonly currentProblem = signal('');
  protected readonly nextProblem = signal('');
  protected readonly saved = signal('');
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });

  protected save(event: Event): void {
    event.preventDefault();
    if (this.submission.busy()) return;
    this.submission.fail('');
    this.saved.set('');
    this.currentProblem.set(this.current() === '' ? 'Enter your current password.' : '');
    const [reason] = passwordProblemTexts(this.next(), { email: this.email() });
    this.nextProblem.set(this.next() === '' ? 'Choose a new password.' : reason ? `New password ${reason}.` : '');
    if (this.currentProblem() || this.nextProblem()) return this.focus(FIRST_INVALID);
    this.submission.send(() => this.api.changePassword({ currentPassword: this.current(), newPassword: this.next() }), {
      done: () => {
        this.current.set('');
        this.next.set('');
        this.saved.set('Password changed. You have been signed out on every other device.');
        this.changed.emit();
      },
      failed: (error) => {
        this.currentProblem.set(fieldProblem(error, 'currentPassword', 'Current password') ?? '');
        this.nextProblem.set(fieldProblem(error, 'newPassword', 'New password') ?? '');
        if (this.currentProblem() || this.nextProblem()) {
          this.focus(FIRST_INVALID);
          return null;
        }
        return `Your password was not changed. ${httpErrorMessage(error)}`;
      },
    });
  }
}
