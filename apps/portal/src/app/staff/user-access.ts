import { ChangeDetectionStrategy, Component, OnInit, inject, input, output, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AgencyUserView, OpenWorkItem, UserAccessResult } from '@heardback/contracts';
import { httpErrorMessage } from '../core/api-error';
import { formSubmission } from '../core/form-submission';
import { UserAccessApi } from './user-access-api';

/**
 * Disable or re-enable one agency account. A disabled user is signed out at once; the jobs and
 * applications they own are listed, so staff can hand them to someone else.
 */
@Component({
  selector: 'hb-user-access',
  imports: [RouterLink],
  template: `
    @if (user().disabledAt) {
      <span class="badge badge--due">Disabled</span>
      <button
        class="button button--secondary"
        type="button"
        [attr.aria-disabled]="submission.busy()"
        (click)="enable()"
      >
        Enable {{ user().fullName }}
      </button>
    } @else if (!self()) {
      <button class="button button--danger" type="button" [attr.aria-disabled]="submission.busy()" (click)="disable()">
        Disable {{ user().fullName }}
      </button>
    }
    <div role="status">
      @if (submission.failure(); as failure) {
        <p class="form__error">{{ failure }}</p>
      }
      @if (user().disabledAt && openWork(); as work) {
        @if (work.length === 0) {
          <p>{{ user().fullName }} owns no open jobs or applications.</p>
        } @else {
          <p>Open work to reassign from {{ user().fullName }}:</p>
          <ul class="open-work">
            @for (item of work; track item.id) {
              <li>
                @if (item.kind === 'job') {
                  <a [routerLink]="['/staff/jobs', item.id, 'edit']">Job: {{ item.label }}</a>
                } @else {
                  <a [routerLink]="['/recruiter/applications', item.id]">Application: {{ item.label }}</a>
                }
              </li>
            }
          </ul>
        }
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserAccess implements OnInit {
  private readonly api = inject(UserAccessApi);

  readonly user = input.required<AgencyUserView>();
  /** The signed-in staff member's own row: they cannot disable themselves. */
  readonly self = input(false);
  readonly changed = output<AgencyUserView>();

  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });
  protected readonly openWork = signal<OpenWorkItem[] | null>(null);

  ngOnInit(): void {
    if (this.user().disabledAt) {
      this.api.openWork(this.user().id).subscribe({ next: (result) => this.openWork.set(result.openWork) });
    }
  }

  protected disable(): void {
    if (this.submission.busy()) return;
    if (!confirm(`Disable ${this.user().fullName}? They are signed out at once and cannot sign in until enabled.`))
      return;
    this.run(this.api.disable(this.user().id), 'was not disabled');
  }

  protected enable(): void {
    if (this.submission.busy()) return;
    this.run(this.api.enable(this.user().id), 'was not enabled');
  }

  private run(request: ReturnType<UserAccessApi['disable']>, failed: string): void {
    this.submission.send(() => request, {
      done: (result: UserAccessResult) => {
        this.openWork.set(result.openWork);
        this.changed.emit(result.user);
      },
      failed: (error) => `${this.user().fullName} ${failed}. ${httpErrorMessage(error)}`,
    });
  }
}
