import { ChangeDetectionStrategy, Component, Directive, computed, contentChild, inject, input } from '@angular/core';

let fieldsMade = 0;

/** Hint content with more than words, such as a link, projected into the field's hint. */
@Directive({ selector: '[hbHint]' })
export class FieldHint {}

/**
 * One labelled control, the same way everywhere: the label, the hint under it, the control, an
 * optional character count, and the problem under the control. The control, marked `hbControl`,
 * takes the field's id, is described by whichever of hint, count and problem are shown, and is
 * marked invalid while a problem shows, so a screen reader reads the problem with the label.
 */
@Component({
  selector: 'hb-field',
  host: { class: 'field' },
  template: `
    <label class="field__label" [for]="fieldId()">{{ label() }}</label>
    @if (hasHint()) {
      <p class="field__hint" [id]="fieldId() + '-hint'">{{ hint() }}<ng-content select="[hbHint]" /></p>
    }
    <ng-content />
    @if (length() !== null) {
      <p class="field__hint field__count" [class.field__count--over]="over()" [id]="fieldId() + '-count'">
        {{ length() }} of {{ maxLength() }} characters
      </p>
    }
    @if (problem()) {
      <p class="field__error" [id]="fieldId() + '-error'">{{ problem() }}</p>
    }
    <ng-content select="[hbAfterProblem]" />
  `,
  styles: `
    /* Beside a taller field in a row (one showing a problem), the control keeps its own height. */
    :host {
      align-content: start;
    }

    .field__count {
      text-align: right;
    }

    .field__count--over {
      color: var(--hb-danger);
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormField {
  readonly label = input.required<string>();
  /** The control's id, and the start of its hint, count and error ids; unique unless given. */
  readonly fieldId = input(`field-${++fieldsMade}`);
  readonly hint = input('');
  /** What is wrong, in words that say what to do; empty while nothing is (or nothing shows yet). */
  readonly problem = input<string | null>('');
  /** Characters typed, for a count against `maxLength`; null for no count. */
  readonly length = input<number | null>(null);
  readonly maxLength = input(0);
  /** Ids of other elements that describe the control, read first, such as a banner over a group. */
  readonly describedBy = input('');
  /** Marks the control invalid though its problem is shown elsewhere, such as one problem for a group. */
  readonly invalid = input(false);

  private readonly richHint = contentChild(FieldHint);
  protected readonly hasHint = computed(() => this.hint() !== '' || this.richHint() !== undefined);
  protected readonly over = computed(() => (this.length() ?? 0) > this.maxLength());

  /** What the control's `aria-describedby` lists: only elements that are there. */
  readonly controlDescription = computed(() => {
    const id = this.fieldId();
    const ids = [
      this.describedBy(),
      this.hasHint() ? `${id}-hint` : '',
      this.length() !== null ? `${id}-count` : '',
      this.problem() ? `${id}-error` : '',
    ].filter((part) => part !== '');
    return ids.length > 0 ? ids.join(' ') : null;
  });
  readonly controlInvalid = computed(() => Boolean(this.problem()) || this.invalid());
}

/** The input, textarea or select of an `hb-field`: its id and ARIA wiring come from the field. */
@Directive({
  selector: 'input[hbControl], textarea[hbControl], select[hbControl]',
  host: {
    '[id]': 'field.fieldId()',
    '[attr.aria-invalid]': 'field.controlInvalid()',
    '[attr.aria-describedby]': 'field.controlDescription()',
  },
})
export class FieldControl {
  protected readonly field = inject(FormField);
}

/** What a template imports to use `hb-field`. */
export const FORM_FIELD = [FormField, FieldControl, FieldHint] as const;
