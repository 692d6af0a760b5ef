import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  ValidatorFn,
} from '@angular/forms';
import { PROMISE_MAX_WORKING_DAYS_AHEAD } from '@heardback/contracts';
import { localDate, localDateTimeToIso, userTimeZone } from '../core/local-date-time';
import { FORM_FIELD } from '../core/form-field';
import { ProblemWords } from '../core/form-submission';

/** A promise ends at the end of a working day unless the person says otherwise. */
export const DEFAULT_DUE_TIME = '17:00';

export type DueDateGroup = FormGroup<{ date: FormControl<string>; time: FormControl<string> }>;

/**
 * A date the candidate is promised, typed in the person's own zone: a future instant, or, when
 * optional, nothing at all. How far ahead it may be is the API's to judge (working days, holidays).
 */
export function dueDateValid(now: () => Date, { required }: DueDateOptions): ValidatorFn {
  return (group: AbstractControl): ValidationErrors | null => {
    const { date, time } = group.value as { date: string; time: string };
    if (!date) {
      return (typeof required === 'function' ? required() : required) ? { required: true } : null;
    }
    if (!time) {
      return { time: true };
    }
    const iso = localDateTimeToIso(date, time);
    if (!iso) {
      return { invalid: true };
    }
    return new Date(iso).getTime() <= now().getTime() ? { past: true } : null;
  };
}

/** Whether a date must be given; a function when that depends on another answer (re-check on its change). */
export interface DueDateOptions {
  required: boolean | (() => boolean);
}

/** A date and time pair, empty date, 17:00, with the rule above. */
export function dueDateGroup(now: () => Date, options: DueDateOptions): DueDateGroup {
  return new FormGroup(
    {
      date: new FormControl('', { nonNullable: true }),
      time: new FormControl(DEFAULT_DUE_TIME, { nonNullable: true }),
    },
    { validators: dueDateValid(now, options) },
  );
}

/** The instant the pair names, or null when no date is given. */
export function dueAtOf(group: DueDateGroup): string | null {
  const { date, time } = group.getRawValue();
  return date ? localDateTimeToIso(date, time) : null;
}

/** What is wrong with the pair, in words that say what to do. */
export const DUE_DATE_PROBLEMS: ProblemWords = {
  required: 'Choose the date.',
  time: 'Give the time as well.',
  invalid: 'Enter a real date.',
  past: 'Choose a date and time in the future.',
  otherwise: 'Choose a date in the future.',
};

/**
 * The date and time a promise is given for, under one legend with its hint: the date's field shows
 * the problem with the pair, and the time beside it is marked invalid with it.
 */
@Component({
  selector: 'hb-due-date-fields',
  imports: [ReactiveFormsModule, FORM_FIELD],
  template: `
    <fieldset class="due-date" [formGroup]="group()">
      <legend class="field__label due-date__legend">{{ label() }}</legend>
      <p class="field__hint" [id]="idPrefix() + '-hint'">{{ fullHint() }}</p>
      <div class="due-date__inputs">
        <hb-field
          label="Date"
          [fieldId]="idPrefix() + '-date'"
          [describedBy]="idPrefix() + '-hint'"
          [problem]="problem()"
        >
          <input hbControl class="input" type="date" formControlName="date" [min]="today()" />
        </hb-field>
        <hb-field
          label="Time"
          [fieldId]="idPrefix() + '-time'"
          [describedBy]="idPrefix() + '-hint'"
          [invalid]="problem() !== ''"
        >
          <input hbControl class="input" type="time" formControlName="time" />
        </hb-field>
      </div>
    </fieldset>
  `,
  styles: `
    :host {
      display: block;
    }

    .due-date {
      display: grid;
      gap: 0.25rem;
      min-width: 0;
      margin: 0;
      padding: 0;
      border: 0;
    }

    .due-date__legend {
      padding: 0;
    }

    .due-date__inputs {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 12rem));
      gap: 0 0.75rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DueDateFields {
  readonly group = input.required<DueDateGroup>();
  /** The legend: what the date is for ("New date", "Reply by (optional)"). */
  readonly label = input.required<string>();
  /** Prefix of the ids (`-date`, `-time`, `-hint`), unique on the page. */
  readonly idPrefix = input.required<string>();
  readonly hint = input('');
  /** "Now", for the first day the date input offers. */
  readonly now = input.required<Date>();
  /** The problem with the pair, once it shows; empty otherwise. */
  readonly problem = input('');

  protected readonly today = computed(() => localDate(this.now()));
  protected readonly fullHint = computed(() =>
    [this.hint(), `At most ${PROMISE_MAX_WORKING_DAYS_AHEAD} working days ahead. In your time zone, ${userTimeZone()}.`]
      .filter(Boolean)
      .join(' '),
  );
}
