import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { REGISTRATION_LINK_HOURS } from '@heardback/contracts';
import { PASSWORD_RULE } from '@heardback/domain';
import { SessionStore } from '../core/session';
import { emailProblem, newPasswordProblem, requiredProblem, FieldProblems } from './field-problems';
import { httpErrorMessage } from '../core/api-error';
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

/**
 * A new candidate account: name, email, password. Used on /register and inline on a job. Sending it
 * signs no one in: the API emails a link that makes the account and brings the person back to
 * `returnTo` (ADR 0067), so the form then says to check the inbox.
 */
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
  /** The page the emailed link opens once the account is made (this job, say); the candidate's home if unset. */
  readonly returnTo = input<string>();
  /** "Sign in instead": the host offers its sign-in form. */
  readonly signInInstead = output<void>();

  protected readonly passwordRule = PASSWORD_RULE;
  protected readonly form = inject(NonNullableFormBuilder).group({
    fullName: [''],
    email: ['', Validators.email],
    password: [''],
  });

  protected readonly fields = new FieldProblems<Field>((field) => this.clientProblem(field));
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });
  protected readonly linkHours = REGISTRATION_LINK_HOURS;
  /** Sent: the address the link went to, shown in place of the form. */
  protected readonly sentTo = signal('');

  protected id(field: string): string {
    return `${this.idPrefix()}-${field}`;
  }

  protected edited(field: Field): void {
    this.fields.edited(field);
  }

  /** "Use another address": the form again, as it was typed. */
  protected startAgain(): void {
    this.sentTo.set('');
    this.focus(`#${this.id('email')}`);
  }

  protected submit(): void {
    this.fields.submitted.set(true);
    this.submission.fail('');
    if (this.submission.busy()) {
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
          ...(this.returnTo() ? { returnTo: this.returnTo() } : {}),
        }),
      {
        done: (sent) => {
          this.sentTo.set(sent.email);
          this.focus(`#${this.id('sent')}`);
        },
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
    if (this.fields.showServerReasons(error, FIELD_NAMES)) {
      this.focus(FIRST_INVALID);
      return null;
    }
    return httpErrorMessage(error);
  }
}
