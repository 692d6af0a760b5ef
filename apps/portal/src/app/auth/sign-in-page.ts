import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
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
      @if (session.user(); as user) {
        <p>
          You are signed in as {{ user.fullName }}.
          <a [routerLink]="route.home()">Go to your page</a>
        </p>
      } @else {
        <div class="card">
          <hb-sign-in-form (signedIn)="route.continue($event)" />
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
}
