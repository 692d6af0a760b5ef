import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnInit,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { REGISTRATION_LINK_HOURS } from '@heardback/contracts';
import { AccountApi } from '../account/account-api';
import { fieldProblem, httpErrorMessage } from '../core/api-error';
import { FormAlert } from '../core/form-alert';
import { FORM_FIELD } from '../core/form-field';
import { formSubmission } from '../core/form-submission';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { NoticeService } from '../core/notice';
import { ROLE_HOME, SessionStore } from '../core/session';
import { DeadRegistrationLink, deadRegistrationLink } from './dead-registration-link';
import { RestartRegistrationForm } from './restart-registration-form';
import { JustRegistered, afterSignIn } from './return-url';

/**
 * What the whole page says once the link has made the account and signed in: naming the address, so a
 * person talked into finishing someone else's registration sees whose account it is.
 */
export function accountReady(email: string): string {
  return `Your account for ${email} is ready, and you are signed in.`;
}

/**
 * /finish-registration?token=…: the link emailed on registering (ADR 0067). With the password chosen
 * when registering, it makes the account, signs this browser in and goes on to the page the person
 * registered from. The password is asked for because the link alone proves only that someone can read
 * the address: its owner may have been sent a stranger's link, and anyone may be sent a link that would
 * sign them in to an account someone else controls. Neither knows that registration's password. Whoever
 * does not know it starts again from here with a name and password of their own (ADR 0068), and the new
 * link goes to the address, not to this browser: only the inbox's reader finishes the account.
 */
@Component({
  selector: 'hb-finish-registration-page',
  imports: [RouterLink, FormAlert, FORM_FIELD, RestartRegistrationForm],
  template: `
    <div class="narrow-page">
      <h1 class="page-title">Finish creating your account</h1>
      @if (!token()) {
        <div class="card">
          <p>This page opens from the link in the email we send when you register.</p>
          <a routerLink="/register">Create an account</a>
        </div>
      } @else if (deadLink(); as dead) {
        <div class="card" role="alert" tabindex="-1" #deadCard>
          <p>{{ dead.message }}</p>
          @if (session.user(); as user) {
            <p>You are signed in as {{ user.fullName }}.</p>
            <p class="notice__actions"><a class="button" [routerLink]="home()">Go to your page</a></p>
          } @else if (dead.reason === 'taken') {
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
        </div>
      } @else if (newLinkSentTo(); as address) {
        <div class="notice" role="status">
          <h2 class="notice__title notice__title--plain" id="restart-registration-sent" tabindex="-1">
            Check your email
          </h2>
          <p>
            We have sent a new link to <strong class="notice__address">{{ address }}</strong
            >. Open it within {{ linkHours }} hours and enter the password you have just chosen: that finishes your
            account and signs you in. The link you opened here no longer works.
          </p>
          <p>If this is not your address, you need do nothing: only whoever reads it can finish this account.</p>
        </div>
      } @else if (startingAgain()) {
        <p class="lead">
          Choose your name and a new password. We will email a new link to
          @if (linkEmail(); as address) {
            <strong class="notice__address">{{ address }}</strong
            >,
          } @else {
            the same address,
          }
          and this one will stop working.
        </p>
        <div class="card">
          <hb-restart-registration-form
            [token]="token()!"
            [email]="linkEmail()"
            (sent)="newLinkSent($event.email)"
            (linkDead)="linkDied($event)"
            (cancelled)="backToPassword()"
          />
        </div>
      } @else {
        <p class="lead">
          @if (linkEmail(); as address) {
            This link finishes an account for <strong class="notice__address">{{ address }}</strong
            >.
          }
          Enter the password you chose when you registered. You are then signed in.
        </p>
        <div class="card">
          <form class="form" novalidate (submit)="finish($event)">
            <hb-field label="Password" fieldId="finish-registration-password" [problem]="problem()">
              <input
                hbControl
                class="field__input"
                type="password"
                autocomplete="current-password"
                [value]="password()"
                (input)="typed($event)"
              />
            </hb-field>
            <p class="aside">
              Forgot it, or did someone else register your address?
              <button class="link-button" type="button" (click)="startAgain()">Start again with a new password</button>
            </p>
            <hb-form-alert [message]="submission.failure()" />
            <button class="button" type="submit" [attr.aria-disabled]="submission.busy()">
              {{ submission.busy() ? 'Creating your account…' : 'Finish and sign in' }}
            </button>
          </form>
        </div>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FinishRegistrationPage implements OnInit {
  private readonly api = inject(AccountApi);
  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly notices = inject(NoticeService);
  private readonly focus = focusLater();

  /** `?token=` from the emailed link. */
  readonly token = input<string>();

  protected readonly password = signal('');
  protected readonly problem = signal('');
  protected readonly deadLink = signal<DeadRegistrationLink | null>(null);
  /** "Start again with a new password": the form that asks for a name and password for a new link. */
  protected readonly startingAgain = signal(false);
  /** Started again: the address the new link went to. */
  protected readonly newLinkSentTo = signal('');
  /** The address the link is for, asked on opening (the link is not used up), so the page names it. */
  protected readonly linkEmail = signal('');
  protected readonly linkHours = REGISTRATION_LINK_HOURS;
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });
  private readonly deadCard = viewChild<ElementRef<HTMLElement>>('deadCard');

  ngOnInit(): void {
    const token = this.token();
    if (!token) return;
    // Whoever was sent someone else's link sees whose account it is before typing a password. A link that
    // no longer works says so now; any other failure leaves the form, whose answer will say what is wrong.
    this.api.registrationLink(token).subscribe({
      next: ({ email }) => this.linkEmail.set(email),
      error: (error: unknown) => this.deadLink.set(deadRegistrationLink(error)),
    });
  }

  protected typed(event: Event): void {
    this.password.set((event.target as HTMLInputElement).value);
    this.problem.set('');
  }

  protected startAgain(): void {
    this.submission.fail('');
    this.startingAgain.set(true);
    this.focus('#restart-registration-full-name');
  }

  protected backToPassword(): void {
    this.startingAgain.set(false);
    this.focus('#finish-registration-password');
  }

  protected newLinkSent(address: string): void {
    this.newLinkSentTo.set(address);
    this.focus('#restart-registration-sent');
  }

  protected linkDied(dead: DeadRegistrationLink): void {
    this.deadLink.set(dead);
    // The form, and the button that had the keyboard, are gone: the card that replaces them gets it.
    this.focus(() => this.deadCard());
  }

  protected home(): string {
    const role = this.session.role();
    return role ? ROLE_HOME[role] : '/jobs';
  }

  protected finish(event: Event): void {
    event.preventDefault();
    const token = this.token();
    if (this.submission.busy() || !token) return;
    this.submission.fail('');
    if (this.password() === '') {
      this.problem.set('Enter the password you chose when you registered.');
      this.focus(FIRST_INVALID);
      return;
    }
    this.submission.send(() => this.api.confirmRegistration({ token, password: this.password() }), {
      done: ({ user, returnTo }) => {
        this.session.signedInWith(user);
        this.notices.show(accountReady(user.email), 'success', { duringNavigation: true });
        // The job page reads this to put the keyboard on the application, far down the page on a phone.
        const state: JustRegistered = { justRegistered: true };
        void this.router.navigateByUrl(afterSignIn(returnTo, user), { replaceUrl: true, state });
      },
      failed: (error) => {
        const wrongPassword = fieldProblem(error, 'password', 'Password');
        if (wrongPassword) {
          this.problem.set(wrongPassword);
          this.focus(FIRST_INVALID);
          return null;
        }
        const dead = deadRegistrationLink(error);
        if (dead) {
          this.linkDied(dead);
          return null;
        }
        return httpErrorMessage(error);
      },
    });
  }
}
