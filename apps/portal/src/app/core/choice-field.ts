import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';

let choiceFieldsMade = 0;

/** One answer of an `hb-choice-field`: what it sets, its name, and a line on what it means. */
export interface Choice<T> {
  value: T;
  label: string | number;
  hint: string;
}

/**
 * A question answered by one of a few choices, as radio buttons under a legend, with the
 * problem under them: the group is described by it and each button marked invalid while it shows.
 */
@Component({
  selector: 'hb-choice-field',
  imports: [ReactiveFormsModule],
  template: `
    <fieldset class="fieldset" [attr.aria-describedby]="problem() ? fieldId() + '-error' : null">
      <legend class="fieldset__legend">{{ legend() }}</legend>
      <div class="choices">
        @for (choice of choices(); track choice.value) {
          <label class="choice">
            <input
              type="radio"
              [name]="fieldId()"
              [attr.name]="fieldId()"
              [formControl]="control()"
              [value]="choice.value"
              [attr.aria-invalid]="problem() !== ''"
            />
            <span
              ><span class="choice__label">{{ choice.label }}</span>
              <span class="choice__hint">{{ choice.hint }}</span></span
            >
          </label>
        }
      </div>
      @if (problem()) {
        <p class="field__error" [id]="fieldId() + '-error'">{{ problem() }}</p>
      }
    </fieldset>
  `,
  styles: `
    .choice__label {
      font-weight: 600;
    }

    .choice__hint {
      display: block;
      color: var(--hb-text-muted);
      font-size: 0.875rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChoiceField<T> {
  readonly legend = input.required<string>();
  readonly choices = input.required<readonly Choice<T>[]>();
  readonly control = input.required<FormControl<T>>();
  /** What is wrong, once it shows; empty otherwise. */
  readonly problem = input('');
  /**
   * The buttons' group name, and the start of the error's id; unique unless given. Bound twice:
   * for the forms directive, which tells groups apart by it, and for the browser, whose arrow keys
   * move within a group of the same name.
   */
  readonly fieldId = input(`choices-${++choiceFieldsMade}`);
}
