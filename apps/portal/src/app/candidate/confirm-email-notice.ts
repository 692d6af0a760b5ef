import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { AccountApi } from '../account/account-api';
import { httpErrorMessage } from '../core/api-error';
import { SessionStore } from '../core/session';

/**
 * Until a candidate follows the link in their verification email, the agency keeps their updates
 * and emails them nothing else: the one thing that would stop them hearing back. So every page that
 * shows their applications says so, with the link to send again; nothing shows once it is confirmed.
 */
@Component({
  selector: 'hb-confirm-email-notice',
  template: `
    @if (unconfirmedEmail(); as email) {
      <section class="notice confirm-email" [attr.aria-labelledby]="headingId()">
        <h2 class="notice__title" [id]="headingId()">Confirm your email address</h2>
        <p class="notice__text">
          We sent a link to {{ email }}. Until you follow it, your updates wait here and we email you nothing else.
        </p>
        <p class="notice__text">
          <button class="button button--secondary" type="button" (click)="resend()" [attr.aria-disabled]="sending()">
            Send the link again
          </button>
        </p>
        <!-- Announced when it changes; not a role="status", which stays the page's own count line. -->
        <p class="notice__text" aria-live="polite">{{ status() }}</p>
      </section>
    }
  `,
  styles: `
    .confirm-email {
      margin-block: 1rem 1.5rem;
      border-inline-start: 4px solid var(--hb-accent, currentColor);
    }
    .confirm-email .notice__title {
      color: inherit;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmEmailNotice {
  private readonly session = inject(SessionStore);
  private readonly account = inject(AccountApi);

  /** Distinct per page, for the heading the section is labelled by. */
  readonly headingId = input('confirm-email-heading');

  protected readonly unconfirmedEmail = computed(() => {
    const user = this.session.user();
    return user && !user.emailVerified ? user.email : null;
  });
  protected readonly status = signal('');
  protected readonly sending = signal(false);

  protected resend(): void {
    if (this.sending()) return;
    this.sending.set(true);
    this.status.set('');
    this.account.resendVerification().subscribe({
      next: () => {
        this.sending.set(false);
        this.status.set(`We have sent a new link to ${this.unconfirmedEmail() ?? 'you'}.`);
      },
      error: (error: unknown) => {
        this.sending.set(false);
        this.status.set(`No link was sent. ${httpErrorMessage(error)}`);
      },
    });
  }
}
