import { ChangeDetectionStrategy, Component, ElementRef, input, model, viewChild } from '@angular/core';
import { PASSWORD_RULE } from '@heardback/domain';

/** A new-password box that shows the rule before anyone types, and the problem after. */
@Component({
  selector: 'hb-new-password-field',
  template: `
    <div class="field">
      <label class="field__label" [for]="fieldId()">{{ label() }}</label>
      <p class="field__hint" [id]="fieldId() + '-hint'">{{ rule }}</p>
      <input
        #box
        class="field__input"
        type="password"
        autocomplete="new-password"
        [id]="fieldId()"
        [value]="value()"
        [attr.aria-invalid]="problem() ? true : null"
        [attr.aria-describedby]="fieldId() + '-hint' + (problem() ? ' ' + fieldId() + '-error' : '')"
        (input)="value.set($any($event.target).value)"
      />
      @if (problem()) {
        <p class="field__error" [id]="fieldId() + '-error'">{{ problem() }}</p>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewPasswordField {
  readonly fieldId = input.required<string>();
  readonly label = input('New password');
  readonly problem = input('');
  readonly value = model('');

  protected readonly rule = PASSWORD_RULE;
  private readonly box = viewChild.required<ElementRef<HTMLInputElement>>('box');

  focus(): void {
    this.box().nativeElement.focus();
  }
}
