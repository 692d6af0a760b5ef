import { AbstractControl, ValidationErrors } from '@angular/forms';
import { trimTyped } from '@heardback/domain';

/** Required, and more than spaces or invisible characters: the API trims text so before it checks it is not empty. */
export function notBlank(control: AbstractControl<string | null>): ValidationErrors | null {
  return trimTyped(control.value ?? '').length > 0 ? null : { required: true };
}
