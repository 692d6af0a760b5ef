import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { PASSWORD_RULE } from '@heardback/domain';
import { FORM_FIELD } from '../core/form-field';

/** A new-password box that shows the rule before anyone types, and the problem after. */
@Component({
  selector: 'hb-new-password-field',
  imports: [FORM_FIELD],
  template: `
    <hb-field [label]="label()" [fieldId]="fieldId()" [hint]="rule" [problem]="problem()">
      <input
        hbControl
        class="field__input"
        type="password"
        autocomplete="new-password"
        [value]="value()"
        (input)="value.set($any($event.target).value)"
      />
    </hb-field>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewPasswordField {
  readonly fieldId = input.required<string>();
  readonly label = input('New password');
  readonly problem = input('');
  readonly value = model('');

  protected readonly rule = PASSWORD_RULE;
}
