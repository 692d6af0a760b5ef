import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { httpErrorMessage } from '../core/api-error';
import { SessionStore } from '../core/session';
import { AccountApi } from './account-api';

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
        @switch (state()) {
          @case ('working') {
            <p>Confirming your address…</p>
          }
          @case ('done') {
            <p>
              Thank you: your email address is confirmed. We will now send you news about your applications, including
              anything we held back.
            </p>
            <a class="button" [routerLink]="session.user() ? '/me' : '/sign-in'">{{
              session.user() ? 'See your applications' : 'Sign in'
            }}</a>
          }
          @case ('failed') {
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
export class VerifyEmailPage implements OnInit {
  private readonly api = inject(AccountApi);
  protected readonly session = inject(SessionStore);

  /** `?token=` from the emailed link. */
  readonly token = input<string>();

  protected readonly state = signal<'working' | 'done' | 'failed'>('working');
  protected readonly failure = signal('');

  ngOnInit(): void {
    const token = this.token();
    if (!token) {
      this.failure.set('This page opens from the link in a verification email.');
      this.state.set('failed');
      return;
    }
    this.api.verifyEmail(token).subscribe({
      next: () => {
        this.state.set('done');
        const user = this.session.user();
        if (user) this.session.update({ ...user, emailVerified: true });
      },
      error: (error: unknown) => {
        this.failure.set(httpErrorMessage(error));
        this.state.set('failed');
      },
    });
  }
}
