import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { EscalationView, ReassignmentResult } from '@heardback/contracts';
import { FormAlert } from '../core/form-alert';
import { FORM_FIELD } from '../core/form-field';
import { formSubmission } from '../core/form-submission';
import { StaffApi } from './staff-api';
import { PersonPicker } from './person-picker';

/** "Reassign to …": gives one escalated stage to another recruiter, with the application version the row was loaded with. */
@Component({
  selector: 'hb-reassign-control',
  imports: [ReactiveFormsModule, FORM_FIELD, FormAlert, PersonPicker],
  template: `
    <form
      class="reassign"
      [formGroup]="form"
      novalidate
      (ngSubmit)="reassign()"
      [attr.aria-label]="'Reassign ' + what()"
    >
      <hb-field label="Reassign to" [fieldId]="'reassign-' + escalation().stageId" [problem]="problem()">
        <hb-person-picker [control]="to" [active]="true" [exceptId]="escalation().ownerId" />
      </hb-field>
      <button class="button button--secondary" type="submit" [attr.aria-disabled]="submission.busy()">
        {{ submission.busy() ? 'Reassigning…' : 'Reassign' }}<span class="visually-hidden"> {{ what() }}</span>
      </button>
      <hb-form-alert [message]="submission.failure()" />
    </form>
  `,
  styles: `
    .reassign {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 0.75rem;
      align-items: end;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReassignControl {
  private readonly api = inject(StaffApi);

  readonly escalation = input.required<EscalationView>();
  readonly reassigned = output<ReassignmentResult>();

  protected readonly to = new FormControl('', { nonNullable: true, validators: Validators.required });
  protected readonly form = new FormGroup({ to: this.to });
  protected readonly submission = formSubmission();
  protected readonly what = computed(() => `${this.escalation().candidateName}'s ${this.escalation().stageName}`);

  protected problem(): string {
    return this.submission.problem(this.to, {
      unpicked: 'Choose the person from the list as you type.',
      otherwise: 'Choose whom to give this stage to.',
    });
  }

  protected reassign(): void {
    if (!this.submission.begin() || this.to.invalid) return;
    const { applicationId, stageId, applicationVersion } = this.escalation();
    this.submission.send(
      () =>
        this.api.reassign({
          scope: 'stage',
          applicationId,
          stageId,
          version: applicationVersion,
          toUserId: this.to.value,
        }),
      {
        done: (result) => {
          this.submission.submitted.set(false);
          this.to.reset();
          this.reassigned.emit(result);
        },
      },
    );
  }
}
