import { signal } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { passwordProblemTexts } from '@heardback/domain';
import { fieldProblem } from '../core/api-error';

/** What is wrong with a field, in a sentence that says what to do; null when nothing is. */
export function requiredProblem(control: AbstractControl<string>, message: string): string | null {
  return control.value.trim() === '' ? message : null;
}

export function emailProblem(control: AbstractControl<string>): string | null {
  if (control.value.trim() === '') {
    return 'Enter your email address.';
  }
  return control.hasError('email') ? 'Enter an email address like name@example.com.' : null;
}

export function passwordGivenProblem(control: AbstractControl<string>): string | null {
  return control.value === '' ? 'Enter your password.' : null;
}

/** The same rule the API applies (libs/domain's password policy), checked before the request is sent. */
export function newPasswordProblem(control: AbstractControl<string>, email = ''): string | null {
  if (control.value === '') {
    return 'Choose a password.';
  }
  const [reason] = passwordProblemTexts(control.value, { email });
  return reason ? `Password ${reason}.` : null;
}

/**
 * What a sign-in or register form shows at each field: the server's reason until the field is
 * edited, otherwise, once the form was submitted, what the form itself finds wrong.
 */
export class FieldProblems<Field extends string> {
  readonly submitted = signal(false);
  private readonly server = signal<Partial<Record<Field, string>>>({});

  constructor(private readonly clientProblem: (field: Field) => string | null) {}

  problem(field: Field): string | null {
    return this.server()[field] || (this.submitted() ? this.clientProblem(field) : null);
  }

  /** The person changed the field: the server's reason for it no longer applies. */
  edited(field: Field): void {
    if (this.server()[field]) {
      this.server.update(({ [field]: _cleared, ...rest }) => rest as Partial<Record<Field, string>>);
    }
  }

  /** Shows the server's reasons; false when there were none for these fields. */
  showServer(problems: Partial<Record<Field, string>>): boolean {
    this.server.set(problems);
    return Object.keys(problems).length > 0;
  }

  /** Shows the API's reasons (400 `details`) for these fields, named by their labels; false if none. */
  showServerReasons(error: unknown, labels: Record<Field, string>): boolean {
    const problems: Partial<Record<Field, string>> = {};
    for (const field of Object.keys(labels) as Field[]) {
      const problem = fieldProblem(error, field, labels[field]);
      if (problem) problems[field] = problem;
    }
    return this.showServer(problems);
  }
}
