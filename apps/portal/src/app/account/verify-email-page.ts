import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { throwError } from 'rxjs';
import { httpErrorMessage } from '../core/api-error';
import { errorOf, pageData } from '../core/loadable';
import { SessionStore } from '../core/session';
import { AccountApi } from './account-api';

/** Opened without `?token=`: there is nothing to confirm. */
class NoToken extends Error {
  override readonly message = 'This page opens from the link in a verification email.';
}

/**
 * /verify-email?token=…: the link from the verification email. Confirms on opening (a POST from
 * the page, so a mail scanner fetching the link confirms nothing).
 */
@Component({
  selector: 'hb-verify-email-page',
  imports: [RouterLink],
  template: `
    <div class="narrow-page">
      <h1 class="page-title">Confirm your email address</h1>
      <div class="card" role="status">
        @switch (confirmation.state().state) {
          @case ('loading') {
            <p>Confirming your address…</p>
          }
          @case ('ready') {
            <p>
              Thank you: your email address is confirmed. We will now send you news about your applications, including
              anything we held back.
            </p>
            <a class="button" [routerLink]="session.user() ? '/me' : '/sign-in'">{{
              session.user() ? 'See your applications' : 'Sign in'
            }}</a>
          }
          @default {
            <p>{{ failure() }}</p>
            <a [routerLink]="session.user() ? '/me/profile' : '/sign-in'">{{
              session.user() ? 'Send a new link from your profile' : 'Sign in to ask for a new link'
            }}</a>
          }
        }
      </div>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerifyEmailPage {
  private readonly api = inject(AccountApi);
  protected readonly session = inject(SessionStore);

  /** `?token=` from the emailed link. */
  readonly token = input<string>();

  protected readonly confirmation = pageData({
    key: () => this.token(),
    request: (token) => (token ? this.api.verifyEmail(token) : throwError(() => new NoToken())),
    errorMessage: (error) => (error instanceof NoToken ? error.message : httpErrorMessage(error)),
    loaded: () => {
      const user = this.session.user();
      if (user) this.session.update({ ...user, emailVerified: true });
    },
  });

  protected failure(): string {
    return errorOf(this.confirmation.state());
  }
}
