import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ErrorCode } from '@heardback/contracts';
import { passwordProblemTexts } from '@heardback/domain';
import { errorCodeOf, fieldProblem, httpErrorMessage } from '../core/api-error';
import { FormAlert } from '../core/form-alert';
import { formSubmission } from '../core/form-submission';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { ROLE_HOME, SessionStore } from '../core/session';
import { AccountApi } from './account-api';
import { NewPasswordField } from './new-password-field';

/**
 * /reset-password?token=…: the link from the reset email; and, with the route's `invitation` set,
 * /accept-invitation?token=…: the link staff's invitation emails, where an agency person chooses their first
 * password (ADR 0082). Either way, saving the password signs this browser in.
 */
@Component({
  selector: 'hb-reset-password-page',
  imports: [RouterLink, NewPasswordField, FormAlert],
  template: `
    <div class="narrow-page">
      <h1 class="page-title">{{ invitation() ? 'Choose your password' : 'Choose a new password' }}</h1>
      @if (linkDead()) {
        <div class="card" role="alert">
          <p>{{ linkDead() }}</p>
          @if (invitation()) {
            <p>If you have already chosen your password, <a routerLink="/sign-in">sign in</a>.</p>
          } @else {
            <a class="button" routerLink="/forgot-password">Send me a new link</a>
          }
        </div>
      } @else if (!token()) {
        <div class="card">
          @if (invitation()) {
            <p>This page opens from the link in the invitation email the agency's staff sent you.</p>
          } @else {
            <p>This page opens from the link in a password reset email.</p>
            <a routerLink="/forgot-password">Ask for a reset link</a>
          }
        </div>
      } @else if (invitation()) {
        <p class="lead">
          Welcome to Heardback{{ linkName() ? ', ' + linkName() : '' }}. Choose the password you will sign in with{{
            linkEmail() ? ' as ' + linkEmail() : ''
          }}. No one else knows it, not even the agency.
        </p>
      } @else {
        <p class="lead">
          @if (linkEmail()) {
            A new password for {{ linkEmail() }}.
          }
          Setting a new password signs you out on every other device.
        </p>
      }
      @if (token() && !linkDead()) {
        <div class="card">
          <form class="form" novalidate (submit)="save($event)">
            <!-- An invited person has no password yet: theirs is not "new". -->
            <hb-new-password-field
              fieldId="reset-password"
              [label]="invitation() ? 'Password' : 'New password'"
              [(value)]="password"
              [problem]="problem()"
            />
            <hb-form-alert [message]="submission.failure()" />
            <button class="button" type="submit" [attr.aria-disabled]="submission.busy()">
              {{ submission.busy() ? 'Saving…' : 'Save and sign in' }}
            </button>
          </form>
        </div>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPasswordPage implements OnInit {
  private readonly api = inject(AccountApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly focus = focusLater();

  /** `?token=` from the emailed link. */
  readonly token = input<string>();
  /** From the route: the link is an invitation's, not a reset's. */
  readonly invitation = input(false);

  protected readonly password = signal('');
  protected readonly problem = signal('');
  protected readonly linkDead = signal('');
  /** The account the link is for, asked on opening (the link is not used up), so the page names it. */
  protected readonly linkEmail = signal('');
  /** An invitation's link also names whom it is for. */
  protected readonly linkName = signal('');
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });

  ngOnInit(): void {
    const token = this.token();
    if (!token) return;
    // A used or expired link says so now, not after a new password is typed. Any other failure leaves the
    // form, whose answer will say what is wrong.
    const look = this.invitation() ? this.api.invitationLink(token) : this.api.passwordResetLink(token);
    look.subscribe({
      next: (link: { email: string; fullName?: string }) => {
        this.linkEmail.set(link.email);
        this.linkName.set(link.fullName ?? '');
      },
      error: (error: unknown) => {
        const code = errorCodeOf(error);
        if (code === ErrorCode.TokenInvalid || code === ErrorCode.AccountDisabled) {
          this.linkDead.set(httpErrorMessage(error));
        }
      },
    });
  }

  protected save(event: Event): void {
    event.preventDefault();
    const token = this.token();
    if (this.submission.busy() || !token) return;
    this.submission.fail('');
    const [reason] = passwordProblemTexts(this.password());
    if (reason) {
      this.problem.set(`Password ${reason}.`);
      this.focus(FIRST_INVALID);
      return;
    }
    this.problem.set('');
    const request = { token, password: this.password() };
    const save = () =>
      this.invitation() ? this.api.acceptInvitation(request) : this.api.confirmPasswordReset(request);
    this.submission.send(save, {
      done: (user) => {
        this.session.signedInWith(user);
        void this.router.navigateByUrl(ROLE_HOME[user.role]);
      },
      failed: (error) => {
        const passwordProblem = fieldProblem(error, 'password', 'Password');
        if (passwordProblem) {
          this.problem.set(passwordProblem);
          this.focus(FIRST_INVALID);
          return null;
        }
        if (errorCodeOf(error) === ErrorCode.TokenInvalid) {
          this.linkDead.set(httpErrorMessage(error));
          return null;
        }
        const notSaved = this.invitation() ? 'Your password was not saved.' : 'Your password was not changed.';
        return `${notSaved} ${httpErrorMessage(error)}`;
      },
    });
  }
}
