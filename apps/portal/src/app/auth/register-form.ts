import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ErrorCode, UserView } from '@heardback/contracts';
import { PASSWORD_RULE } from '@heardback/domain';
import { SessionStore } from '../core/session';
import { emailProblem, newPasswordProblem, requiredProblem, FieldProblems } from './field-problems';
import { apiError, httpErrorMessage } from '../core/api-error';
import { formSubmission } from '../core/form-submission';
import { FormAlert } from '../core/form-alert';
import { FORM_FIELD } from '../core/form-field';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { browserTimeZone } from '../core/viewer-time-zone';

type Field = 'fullName' | 'email' | 'password';
const FIELDS: readonly Field[] = ['fullName', 'email', 'password'];
const FIELD_NAMES: Record<Field, string> = {
  fullName: 'Full name',
  email: 'Email',
  password: 'Password',
};

/** A new candidate account: name, email, password. Used on /register and inline on a job. */
@Component({
  selector: 'hb-register-form',
  imports: [FormAlert, ReactiveFormsModule, FORM_FIELD],
  templateUrl: './register-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegisterForm {
  private readonly session = inject(SessionStore);
  private readonly focus = focusLater();

  readonly idPrefix = input('register');
  readonly submitLabel = input('Create account');
  readonly registered = output<UserView>();
  /** The email already has an account: the host offers its sign-in form instead. */
  readonly signInInstead = output<void>();

  protected readonly passwordRule = PASSWORD_RULE;
  protected readonly form = inject(NonNullableFormBuilder).group({
    fullName: [''],
    email: ['', Validators.email],
    password: [''],
  });

  protected readonly fields = new FieldProblems<Field>((field) => this.clientProblem(field));
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });
  protected readonly emailTaken = signal(false);
  /** Registered, but this browser is not signed in: the address already had an account, whose owner was emailed. */
  protected readonly checkEmail = signal('');

  protected id(field: string): string {
    return `${this.idPrefix()}-${field}`;
  }

  protected edited(field: Field): void {
    if (field === 'email') {
      this.emailTaken.set(false);
    }
    this.fields.edited(field);
  }

  protected submit(): void {
    this.fields.submitted.set(true);
    this.submission.fail('');
    if (this.submission.busy()) {
      this.checkEmail.set('');
      return;
    }
    if (FIELDS.some((field) => this.clientProblem(field))) {
      this.focus(FIRST_INVALID);
      return;
    }
    const { fullName, email, password } = this.form.getRawValue();
    this.submission.send(
      () =>
        this.session.register({
          fullName: fullName.trim(),
          email: email.trim(),
          password,
          timeZone: browserTimeZone(),
        }),
      {
        done: (user) => (user ? this.registered.emit(user) : this.checkEmail.set(email.trim())),
        failed: (error) => this.serverProblem(error),
      },
    );
  }

  private clientProblem(field: Field): string | null {
    const control = this.form.controls[field];
    switch (field) {
      case 'fullName':
        return requiredProblem(control, 'Enter your full name.');
      case 'email':
        return emailProblem(control);
      case 'password':
        return newPasswordProblem(control, this.form.controls.email.value);
    }
  }

  /** Puts the server's reasons at their fields; returns what the whole form says, if anything. */
  private serverProblem(error: unknown): string | null {
    if (apiError(error)?.code === ErrorCode.EmailTaken) {
      this.emailTaken.set(true);
      this.fields.showServer({ email: 'There is already an account with this email.' });
      this.focus(FIRST_INVALID);
      return null;
    }
    if (this.fields.showServerReasons(error, FIELD_NAMES)) {
      this.focus(FIRST_INVALID);
      return null;
    }
    return httpErrorMessage(error);
  }
}
