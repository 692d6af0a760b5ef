import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { AgencyUserView, INVITATION_LINK_DAYS } from '@heardback/contracts';
import { invitationExpired } from '@heardback/domain';
import { httpErrorMessage } from '../core/api-error';
import { NOW, formatShortDate } from '../core/date-time';
import { formSubmission } from '../core/form-submission';
import { UserAccessApi } from './user-access-api';

/**
 * An agency account whose invitation is not accepted yet (ADR 0082): when it went, and a way to send it again
 * (a new link; the earlier one stops working). Shown only while the invitation is pending and the account enabled.
 */
@Component({
  selector: 'hb-invitation-status',
  template: `
    @if (pending()) {
      @if (expired()) {
        <span class="badge badge--due">Invitation expired</span>
        <span class="invitation__when">Sent {{ sentOn() }}; its link no longer works</span>
      } @else {
        <span class="badge">Invited</span>
        <span class="invitation__when">Sent {{ sentOn() }}, not accepted yet</span>
      }
      <button
        class="button button--secondary"
        type="button"
        [attr.aria-disabled]="submission.busy()"
        (click)="resend()"
      >
        Send the invitation again<span class="visually-hidden"> to {{ user().fullName }}</span>
      </button>
    }
    <div role="status">
      @if (submission.failure(); as failure) {
        <p class="form__error">{{ failure }}</p>
      } @else if (sentAgain()) {
        <p>{{ sentAgain() }}</p>
      }
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .invitation__when {
      color: var(--hb-text-muted);
      font-size: 0.9375rem;
    }
    [role='status'] {
      flex-basis: 100%;
      p {
        margin: 0;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvitationStatus {
  private readonly api = inject(UserAccessApi);
  private readonly now = inject(NOW);

  readonly user = input.required<AgencyUserView>();
  readonly changed = output<AgencyUserView>();

  protected readonly pending = computed(() => this.user().invitationSentAt !== null && !this.user().disabledAt);
  protected readonly sentOn = computed(() => formatShortDate(this.user().invitationSentAt ?? ''));
  /** Past the link's days: staff must send it again before the person can get in. */
  protected readonly expired = computed(() => {
    const sentAt = this.user().invitationSentAt;
    return sentAt !== null && invitationExpired(new Date(sentAt), this.now());
  });
  protected readonly sentAgain = signal('');
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });

  protected resend(): void {
    if (this.submission.busy()) return;
    this.sentAgain.set('');
    this.submission.send(() => this.api.resendInvitation(this.user().id), {
      done: (user) => {
        this.sentAgain.set(
          `A new invitation is on its way to ${user.email}, working for ${INVITATION_LINK_DAYS} days. The earlier link no longer works.`,
        );
        this.changed.emit(user);
      },
      failed: (error) => `The invitation to ${this.user().fullName} was not sent again. ${httpErrorMessage(error)}`,
    });
  }
}
