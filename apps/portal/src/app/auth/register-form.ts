import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ErrorCode, UserView } from '@heardback/contracts';
import { PASSWORD_RULE } from '@heardback/domain';
import { SessionStore } from '../core/session';
import { emailProblem, newPasswordProblem, requiredProblem } from './field-problems';
import { apiError, apiFieldErrors, httpErrorMessage } from '../core/api-error';

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
  imports: [ReactiveFormsModule],
  templateUrl: './register-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegisterForm {
  private readonly session = inject(SessionStore);

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

  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  protected readonly serverErrors = signal<Partial<Record<Field, string>>>({});
  protected readonly emailTaken = signal(false);
  /** Registered, but this browser is not signed in: the address already had an account, whose owner was emailed. */
  protected readonly checkEmail = signal('');
  protected readonly formError = signal('');

  private readonly fullNameInput = viewChild.required<ElementRef<HTMLInputElement>>('fullName');
  private readonly emailInput = viewChild.required<ElementRef<HTMLInputElement>>('email');
  private readonly passwordInput = viewChild.required<ElementRef<HTMLInputElement>>('password');

  protected id(field: string): string {
    return `${this.idPrefix()}-${field}`;
  }

  protected problem(field: Field): string | null {
    const server = this.serverErrors()[field];
    if (server) {
      return server;
    }
    return this.submitted() ? this.clientProblem(field) : null;
  }

  protected edited(field: Field): void {
    if (field === 'email') {
      this.emailTaken.set(false);
    }
    if (this.serverErrors()[field]) {
      this.serverErrors.update(({ [field]: _cleared, ...rest }) => rest);
    }
  }

  protected submit(): void {
    this.submitted.set(true);
    this.formError.set('');
    this.checkEmail.set('');
    if (this.busy()) {
      return;
    }
    if (FIELDS.some((field) => this.clientProblem(field))) {
      this.focusFirstProblem();
      return;
    }
    this.busy.set(true);
    const { fullName, email, password } = this.form.getRawValue();
    this.session.register({ fullName: fullName.trim(), email: email.trim(), password }).subscribe({
      next: (user) => {
        this.busy.set(false);
        if (user) {
          this.registered.emit(user);
        } else {
          this.checkEmail.set(email.trim());
        }
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.showServerError(error);
      },
    });
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

  private showServerError(error: unknown): void {
    if (apiError(error)?.code === ErrorCode.EmailTaken) {
      this.emailTaken.set(true);
      this.serverErrors.set({
        email: 'There is already an account with this email.',
      });
      this.focusFirstProblem();
      return;
    }
    const fields = apiFieldErrors(error);
    const known: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) {
      if (fields[field]) {
        known[field] = `${FIELD_NAMES[field]} ${fields[field]}.`;
      }
    }
    if (Object.keys(known).length > 0) {
      this.serverErrors.set(known);
      this.focusFirstProblem();
      return;
    }
    this.formError.set(httpErrorMessage(error));
  }

  private focusFirstProblem(): void {
    const field = FIELDS.find((candidate) => this.problem(candidate));
    const input = {
      fullName: this.fullNameInput,
      email: this.emailInput,
      password: this.passwordInput,
    }[field ?? 'fullName'];
    if (field) {
      input().nativeElement.focus();
    }
  }
}
