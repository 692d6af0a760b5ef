import { AbstractControl } from '@angular/forms';
import { PASSWORD_MIN_LENGTH } from '@heardback/contracts';

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

/** The same rule the API applies (PASSWORD_MIN_LENGTH), checked before the request is sent. */
export function newPasswordProblem(control: AbstractControl<string>): string | null {
  if (control.value === '') {
    return 'Choose a password.';
  }
  return control.value.length < PASSWORD_MIN_LENGTH ? `Use at least ${PASSWORD_MIN_LENGTH} characters.` : null;
}
