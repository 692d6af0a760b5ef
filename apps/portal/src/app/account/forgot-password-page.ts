import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { httpErrorMessage } from '../core/api-error';
import { FormAlert } from '../core/form-alert';
import { formSubmission } from '../core/form-submission';
import { FORM_FIELD } from '../core/form-field';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { AccountApi } from './account-api';

/** /forgot-password: asks for a reset link; the answer is the same whether or not the address has an account. */
@Component({
  selector: 'hb-forgot-password-page',
  imports: [RouterLink, FormAlert, FORM_FIELD],
  template: `
    <div class="narrow-page">
      <h1 class="page-title">Reset your password</h1>
      @if (sentTo(); as address) {
        <div class="card" role="status">
          <p>
            If {{ address }} has a Heardback account, we have sent it a link to choose a new password. The link works
            once, for 30 minutes.
          </p>
          <p>
            No email? Check your spam folder, or
            <button class="link-button" type="button" (click)="again()">try another address</button>.
          </p>
        </div>
      } @else {
        <p class="lead">
          Enter the email address you registered with, and we will send you a link to choose a new password.
        </p>
        <div class="card">
          <form class="form" novalidate (submit)="send($event)">
            <hb-field label="Email" fieldId="forgot-email" [problem]="problem()">
              <input
                hbControl
                class="field__input"
                type="email"
                autocomplete="email"
                [value]="email()"
                (input)="email.set($any($event.target).value); problem.set('')"
              />
            </hb-field>
            <hb-form-alert [message]="submission.failure()" />
            <button class="button" type="submit" [attr.aria-disabled]="submission.busy()">
              {{ submission.busy() ? 'Sending…' : 'Send me a reset link' }}
            </button>
          </form>
        </div>
      }
      <p class="aside">Remembered it? <a routerLink="/sign-in">Sign in</a></p>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForgotPasswordPage {
  private readonly api = inject(AccountApi);
  private readonly focus = focusLater();

  protected readonly email = signal('');
  protected readonly problem = signal('');
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });
  protected readonly sentTo = signal('');

  protected send(event: Event): void {
    event.preventDefault();
    if (this.submission.busy()) return;
    this.submission.fail('');
    const email = this.email().trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      this.problem.set(email === '' ? 'Enter your email address.' : 'Enter an email address like name@example.com.');
      this.focus(FIRST_INVALID);
      return;
    }
    this.submission.send(() => this.api.requestPasswordReset(email), {
      done: () => this.sentTo.set(email),
      failed: (error) => `No link was sent. ${httpErrorMessage(error)}`,
    });
  }

  protected again(): void {
    this.sentTo.set('');
    this.email.set('');
  }
}
