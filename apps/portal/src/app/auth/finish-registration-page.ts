import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ErrorCode } from '@heardback/contracts';
import { throwError } from 'rxjs';
import { AccountApi } from '../account/account-api';
import { errorCodeOf, httpErrorMessage } from '../core/api-error';
import { errorOf, pageData } from '../core/loadable';
import { NoticeService } from '../core/notice';
import { ROLE_HOME, SessionStore } from '../core/session';
import { JustRegistered, afterSignIn } from './return-url';

/** What the whole page says once the link has made the account and signed in. */
export const ACCOUNT_READY = 'Your account is ready, and you are signed in.';

/** Opened without `?token=`: there is nothing to finish. */
class NoToken extends Error {
  override readonly message = 'This page opens from the link in the email we send when you register.';
}

/**
 * /finish-registration?token=…: the link emailed on registering (ADR 0067). Opening it makes the
 * account, signs this browser in and goes on to the page the person registered from. It is a POST
 * from the page, so a mail scanner that only fetches the link makes nothing.
 */
@Component({
  selector: 'hb-finish-registration-page',
  imports: [RouterLink],
  template: `
    <div class="narrow-page">
      <h1 class="page-title">Finish creating your account</h1>
      <div class="card" role="status">
        @switch (confirmation.state().state) {
          @case ('loading') {
            <p>Creating your account…</p>
          }
          @case ('ready') {
            <p>Your account is ready, and you are signed in.</p>
          }
          @default {
            <p>{{ failure() }}</p>
            @if (session.user(); as user) {
              <p>You are signed in as {{ user.fullName }}.</p>
              <p class="notice__actions"><a class="button" [routerLink]="home()">Go to your page</a></p>
            } @else if (addressTaken()) {
              <p class="notice__actions">
                <a class="button" routerLink="/sign-in">Sign in</a>
                <a routerLink="/forgot-password">Reset your password</a>
              </p>
            } @else {
              <p>If you opened this link before, your account is already made: sign in with the password you chose.</p>
              <p class="notice__actions">
                <a class="button" routerLink="/sign-in">Sign in</a>
                <a routerLink="/register">Register again</a>
              </p>
            }
          }
        }
      </div>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FinishRegistrationPage {
  private readonly api = inject(AccountApi);
  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly notices = inject(NoticeService);

  /** `?token=` from the emailed link. */
  readonly token = input<string>();

  /** The address got an account before this link was opened (another of its links, say). */
  protected readonly addressTaken = signal(false);

  protected readonly confirmation = pageData({
    key: () => this.token(),
    request: (token) => (token ? this.api.confirmRegistration(token) : throwError(() => new NoToken())),
    errorMessage: (error) => {
      this.addressTaken.set(errorCodeOf(error) === ErrorCode.EmailTaken);
      return error instanceof NoToken ? error.message : httpErrorMessage(error);
    },
    loaded: ({ user, returnTo }) => {
      this.session.signedInWith(user);
      this.notices.show(ACCOUNT_READY, 'success', { duringNavigation: true });
      // The job page reads this to put the keyboard on the application, far down the page on a phone.
      const state: JustRegistered = { justRegistered: true };
      void this.router.navigateByUrl(afterSignIn(returnTo, user), { replaceUrl: true, state });
    },
  });

  protected home(): string {
    const role = this.session.role();
    return role ? ROLE_HOME[role] : '/jobs';
  }

  protected failure(): string {
    return errorOf(this.confirmation.state());
  }
}
