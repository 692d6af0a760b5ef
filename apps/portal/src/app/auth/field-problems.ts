import { AbstractControl } from '@angular/forms';
import { passwordProblemTexts } from '@heardback/domain';

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
