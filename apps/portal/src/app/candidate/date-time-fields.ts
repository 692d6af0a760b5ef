import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { userTimeZone } from '../core/local-date-time';

/**
 * A date and a time, typed in the candidate's own time zone, under one legend, with one problem
 * shown for the pair. The parent reads them with `readDateTime`.
 */
@Component({
  selector: 'hb-date-time-fields',
  template: `
    <fieldset class="when">
      <legend class="field__label when__legend">{{ legend() }}</legend>
      <p class="field__hint" [id]="idPrefix() + '-hint'">{{ hint() }} In your time zone, {{ timeZone }}.</p>
      <div class="when__inputs">
        <div class="field">
          <label class="when__label" [for]="idPrefix() + '-date'">Date</label>
          <input
            class="field__input"
            type="date"
            [id]="idPrefix() + '-date'"
            [min]="min()"
            [value]="date()"
            [attr.aria-invalid]="problem() ? true : null"
            [attr.aria-describedby]="describedBy()"
            (input)="date.set(valueOf($event))"
          />
        </div>
        <div class="field">
          <label class="when__label" [for]="idPrefix() + '-time'">Time</label>
          <input
            class="field__input"
            type="time"
            [id]="idPrefix() + '-time'"
            [value]="time()"
            [attr.aria-invalid]="problem() ? true : null"
            [attr.aria-describedby]="describedBy()"
            (input)="time.set(valueOf($event))"
          />
        </div>
      </div>
      @if (problem()) {
        <p class="field__error" [id]="idPrefix() + '-error'">
          {{ problem() }}
        </p>
      }
    </fieldset>
  `,
  styles: `
    :host {
      display: block;
    }

    .when {
      display: grid;
      gap: 0.25rem;
      min-width: 0;
      margin: 0;
      padding: 0;
      border: 0;
    }

    .when__legend {
      padding: 0;
    }

    .when__inputs {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 12rem));
      gap: 0.5rem 0.75rem;
    }

    .when__label {
      font-size: 0.9375rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DateTimeFields {
  /** Prefix of the element ids, unique on the page. */
  readonly idPrefix = input.required<string>();
  readonly legend = input.required<string>();
  readonly hint = input('');
  /** The problem with the pair, shown under both inputs; empty for none. */
  readonly problem = input('');
  /** The earliest day the date input offers (yyyy-mm-dd). */
  readonly min = input('');
  /** yyyy-mm-dd, or empty. */
  readonly date = model('');
  /** hh:mm, or empty. */
  readonly time = model('');

  protected readonly timeZone = userTimeZone();
  protected readonly describedBy = computed(
    () => `${this.idPrefix()}-hint` + (this.problem() ? ` ${this.idPrefix()}-error` : ''),
  );

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}
