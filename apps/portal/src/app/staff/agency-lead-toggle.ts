import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { AgencyUserView } from '@heardback/contracts';
import { httpErrorMessage } from '../core/api-error';
import { formSubmission } from '../core/form-submission';
import { StaffApi } from './staff-api';

/**
 * Whether a staff member is an agency lead: told when an escalation is itself left for a working
 * day (with no lead, every staff member is told again). Only staff can be leads.
 */
@Component({
  selector: 'hb-agency-lead-toggle',
  template: `
    @if (user().isAgencyLead) {
      <span class="badge">Agency lead</span>
    }
    <button
      class="button button--secondary"
      type="button"
      [attr.aria-pressed]="user().isAgencyLead === true"
      [attr.aria-disabled]="submission.busy()"
      (click)="toggle()"
    >
      Agency lead<span class="visually-hidden">: {{ user().fullName }}</span>
    </button>
    <div role="status">
      @if (submission.failure(); as failure) {
        <p class="form__error">{{ failure }}</p>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgencyLeadToggle {
  private readonly api = inject(StaffApi);

  readonly user = input.required<AgencyUserView>();
  readonly changed = output<AgencyUserView>();

  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });

  protected toggle(): void {
    this.submission.send(() => this.api.setAgencyLead(this.user().id, !this.user().isAgencyLead), {
      done: (user) => this.changed.emit(user),
    });
  }
}
