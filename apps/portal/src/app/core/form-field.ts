import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Directive,
  ElementRef,
  OnInit,
  afterEveryRender,
  computed,
  contentChild,
  inject,
  input,
  signal,
} from '@angular/core';
import { NgControl } from '@angular/forms';

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
    @if (countUpTo() !== null) {
      <p class="field__hint field__count" [class.field__count--over]="over()" [id]="fieldId() + '-count'">
        {{ length() }} of {{ countUpTo() }} characters
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
  /** The most characters the control takes, for a count of those typed under it; null for no count. */
  readonly countUpTo = input<number | null>(null);
  /** Ids of other elements that describe the control, read first, such as a banner over a group. */
  readonly describedBy = input('');
  /** Marks the control invalid though its problem is shown elsewhere, such as one problem for a group. */
  readonly invalid = input(false);

  private readonly richHint = contentChild(FieldHint);
  protected readonly hasHint = computed(() => this.hint() !== '' || this.richHint() !== undefined);
  /** Characters in the control, as its form control holds them. */
  readonly length = signal(0);
  protected readonly over = computed(() => this.length() > (this.countUpTo() ?? Infinity));

  /** What the control's `aria-describedby` lists: only elements that are there. */
  readonly controlDescription = computed(() => {
    const id = this.fieldId();
    const ids = [
      this.describedBy(),
      this.hasHint() ? `${id}-hint` : '',
      this.countUpTo() !== null ? `${id}-count` : '',
      this.problem() ? `${id}-error` : '',
    ].filter((part) => part !== '');
    return ids.length > 0 ? ids.join(' ') : null;
  });
  readonly controlInvalid = computed(() => Boolean(this.problem()) || this.invalid());
}

/**
 * The input, textarea or select of an `hb-field`: its id and ARIA wiring come from the field, and
 * the field counts the characters typed: its form control's value, or for a control bound by hand
 * (`[value]` and `(input)`), the element's own value after every render, so a value set without
 * typing (a kept draft, a reset) is counted too.
 */
@Directive({
  selector: 'input[hbControl], textarea[hbControl], select[hbControl]',
  host: {
    '[id]': 'field.fieldId()',
    '[attr.aria-invalid]': 'field.controlInvalid()',
    '[attr.aria-describedby]': 'field.controlDescription()',
  },
})
export class FieldControl implements OnInit {
  protected readonly field = inject(FormField);
  private readonly control = inject(NgControl, { self: true, optional: true });
  private readonly destroyRef = inject(DestroyRef);

  constructor() {
    if (this.control) return;
    const element = inject<ElementRef<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>>(ElementRef);
    // A signal set to the same length is no change, so this settles after one pass.
    afterEveryRender({ read: () => this.field.length.set(element.nativeElement.value.length) });
  }

  ngOnInit(): void {
    // The form control is bound by now; its value also changes without typing (a reset after sending).
    const count = (value: unknown) => this.field.length.set(typeof value === 'string' ? value.length : 0);
    count(this.control?.value);
    const changes = this.control?.valueChanges?.subscribe(count);
    this.destroyRef.onDestroy(() => changes?.unsubscribe());
  }
}

/** What a template imports to use `hb-field`. */
export const FORM_FIELD = [FormField, FieldControl, FieldHint] as const;
