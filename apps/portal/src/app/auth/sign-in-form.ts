import { ChangeDetectionStrategy, Component, ElementRef, inject, input, output, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ErrorCode, UserView } from '@heardback/contracts';
import { SessionStore } from '../core/session';
import { emailProblem, passwordGivenProblem, FieldProblems } from './field-problems';
import { apiError, httpErrorMessage } from '../core/api-error';
import { formSubmission } from '../core/form-submission';
import { FormAlert } from '../core/form-alert';
import { FORM_FIELD } from '../core/form-field';
import { FIRST_INVALID, focusLater } from '../core/focus-later';

type Field = 'email' | 'password';
const FIELDS: readonly Field[] = ['email', 'password'];

/** Email and password; tells its host who signed in. Used on /sign-in and inline on a job. */
@Component({
  selector: 'hb-sign-in-form',
  imports: [FormAlert, ReactiveFormsModule, FORM_FIELD],
  templateUrl: './sign-in-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInForm {
  private readonly session = inject(SessionStore);
  private readonly focus = focusLater();

  /** Keeps ids unique when the form shares a page with another. */
  readonly idPrefix = input('sign-in');
  readonly submitLabel = input('Sign in');
  readonly signedIn = output<UserView>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', Validators.email],
    password: [''],
  });

  protected readonly fields = new FieldProblems<Field>((field) => this.clientProblem(field));
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });

  private readonly passwordInput = viewChild.required<ElementRef<HTMLInputElement>>('password');

  protected id(field: string): string {
    return `${this.idPrefix()}-${field}`;
  }

  private clientProblem(field: Field): string | null {
    const control = this.form.controls[field];
    return field === 'email' ? emailProblem(control) : passwordGivenProblem(control);
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
    this.submission.send(() => this.session.signIn(this.form.getRawValue()), {
      done: (user) => this.signedIn.emit(user),
      failed: (error) => this.serverProblem(error),
    });
  }

  /** Puts the server's reasons at their fields; returns what the whole form says, if anything. */
  private serverProblem(error: unknown): string | null {
    if (this.fields.showServerReasons(error, { email: 'Email', password: 'Password' })) {
      this.focus(FIRST_INVALID);
      return null;
    }
    if (apiError(error)?.code === ErrorCode.InvalidCredentials) {
      this.passwordInput().nativeElement.select();
      // Registering makes no account until its emailed link is opened (ADR 0067), so say so to everyone.
      return 'That email and password do not match an account. Check them and try again; if you have just registered, open the link we emailed you first.';
    }
    return httpErrorMessage(error);
  }
}
