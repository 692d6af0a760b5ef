import { AbstractControl, ValidationErrors } from '@angular/forms';

/** Required, and more than spaces: the API trims text before it checks it is not empty. */
export function notBlank(control: AbstractControl<string | null>): ValidationErrors | null {
  return (control.value ?? '').trim().length > 0 ? null : { required: true };
}
