import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** What went wrong with the whole form, read out as soon as it appears; empty (and hidden) otherwise. */
@Component({
  selector: 'hb-form-alert',
  host: { class: 'form__alert', role: 'alert' },
  template: `
    @if (message()) {
      <p class="form__error">{{ message() }}</p>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormAlert {
  readonly message = input.required<string>();
}
