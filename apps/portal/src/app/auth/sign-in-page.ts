import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { UserView } from '@heardback/contracts';
import { RouterLink } from '@angular/router';
import { SessionStore } from '../core/session';
import { SignInForm } from './sign-in-form';
import { returnRoute } from './return-url';

/** /sign-in?returnUrl=… */
@Component({
  selector: 'hb-sign-in-page',
  imports: [RouterLink, SignInForm],
  template: `
    <div class="narrow-page">
      <h1 class="page-title">Sign in</h1>
      @if (leaving()) {
        <p class="status-line" role="status">Signed in. Opening your page…</p>
      } @else if (session.user(); as user) {
        <p>
          You are signed in as {{ user.fullName }}.
          <a [routerLink]="route.home()">Go to your page</a>
        </p>
      } @else {
        <div class="card">
          <hb-sign-in-form (signedIn)="continue($event)" />
          <p class="aside"><a routerLink="/forgot-password">Forgot your password?</a></p>
        </div>
        <p class="aside">
          New to Heardback?
          <a routerLink="/register" [queryParams]="route.query()">Create an account</a>
        </p>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPage {
  protected readonly session = inject(SessionStore);

  /** `?returnUrl=` */
  readonly returnUrl = input<string>();

  protected readonly route = returnRoute(this.returnUrl);
  /** Signed in here and on the way to the next page, whose code may still be loading. */
  protected readonly leaving = signal(false);

  /** Not "You are signed in as …" for the moment the next page takes to open: this person just did. */
  protected continue(user: UserView): void {
    this.leaving.set(true);
    this.route.continue(user);
  }
}
