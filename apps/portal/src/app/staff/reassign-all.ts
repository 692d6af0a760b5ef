import { ChangeDetectionStrategy, Component, effect, inject, output, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { REASSIGN_ALL_MAX_ITEMS, ReassignmentResult } from '@heardback/contracts';
import { FormAlert } from '../core/form-alert';
import { FORM_FIELD } from '../core/form-field';
import { formSubmission } from '../core/form-submission';
import { StaffApi } from './staff-api';
import { PersonPicker } from './person-picker';

/** "Reassign all of <recruiter>'s open work": every open application they own and every open stage given to them, in one step. */
@Component({
  selector: 'hb-reassign-all',
  imports: [ReactiveFormsModule, FORM_FIELD, FormAlert, PersonPicker],
  template: `
    <form
      class="panel reassign-all"
      [formGroup]="form"
      novalidate
      (ngSubmit)="reassign()"
      aria-labelledby="reassign-all-title"
    >
      <h2 class="section-title" id="reassign-all-title">Hand over all of someone’s open work</h2>
      <div class="form-row">
        <hb-field label="Whose open work" fieldId="reassign-all-from" [problem]="problem('from')">
          <hb-person-picker [control]="form.controls.from" (chose)="fromName.set($event?.name ?? 'someone')" />
        </hb-field>
        <hb-field label="Give it to" fieldId="reassign-all-to" [problem]="problem('to')">
          <hb-person-picker [control]="form.controls.to" [active]="true" [exceptId]="fromId() || null" />
        </hb-field>
      </div>
      <p class="field__hint">Up to {{ limit }} applications and stages move at once; each new owner gets one email.</p>
      <hb-form-alert [message]="submission.failure()" />
      <button class="button" type="submit" [attr.aria-disabled]="submission.busy()">
        {{ submission.busy() ? 'Reassigning…' : 'Reassign all of ' + fromName() + '’s open work' }}
      </button>
      <div role="status" aria-live="polite">
        @if (done()) {
          <p class="notice notice--success">{{ done() }}</p>
        }
      </div>
    </form>
  `,
  styles: `
    .reassign-all {
      display: grid;
      gap: 0.75rem;
      margin-block: 1rem 1.5rem;
    }

    .reassign-all > .button {
      justify-self: start;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReassignAll {
  private readonly api = inject(StaffApi);

  readonly reassigned = output<ReassignmentResult>();

  protected readonly limit = REASSIGN_ALL_MAX_ITEMS;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    from: ['', Validators.required],
    to: ['', Validators.required],
  });
  protected readonly submission = formSubmission();
  protected readonly done = signal('');
  protected readonly fromId = toSignal(this.form.controls.from.valueChanges, { initialValue: '' });

  constructor() {
    // Work cannot go to whose it is: picking them as "whose" empties "give it to" if it held them.
    effect(() => {
      const from = this.fromId();
      untracked(() => {
        if (from && this.form.controls.to.value === from) this.form.controls.to.setValue('');
      });
    });
  }

  /** Whose work it is, as picked: a disabled account's work is the usual thing to hand over. */
  protected readonly fromName = signal('someone');

  protected problem(name: 'from' | 'to'): string {
    return this.submission.problem(this.form.controls[name], {
      unpicked: 'Choose the person from the list as you type.',
      otherwise: name === 'from' ? 'Choose whose work to hand over.' : 'Choose whom to give it to.',
    });
  }

  protected reassign(): void {
    this.done.set('');
    if (!this.submission.begin() || this.form.invalid) return;
    const { from, to } = this.form.getRawValue();
    const fromName = this.fromName();
    this.submission.send(() => this.api.reassign({ scope: 'recruiter', fromUserId: from, toUserId: to }), {
      done: (result) => {
        this.submission.submitted.set(false);
        this.form.reset();
        this.fromName.set('someone');
        const count = result.work.length;
        this.done.set(
          `${fromName}’s open work (${count} ${count === 1 ? 'application' : 'applications'}) is now ${result.to.fullName}’s.`,
        );
        this.reassigned.emit(result);
      },
    });
  }
}
