import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { UserView } from '@heardback/contracts';
import { ROLE_HOME, SessionStore } from '../core/session';
import { SignInForm } from './sign-in-form';
import { afterSignIn } from './return-url';

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
          <a [routerLink]="home()">Go to your page</a>
        </p>
      } @else {
        <div class="card">
          <hb-sign-in-form (signedIn)="continue($event)" />
          <p class="aside"><a routerLink="/forgot-password">Forgot your password?</a></p>
        </div>
        <p class="aside">
          New to Heardback?
          <a routerLink="/register" [queryParams]="returnQuery()">Create an account</a>
        </p>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPage {
  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  /** `?returnUrl=` */
  readonly returnUrl = input<string>();

  protected readonly returnQuery = computed(() => (this.returnUrl() ? { returnUrl: this.returnUrl() } : {}));
  protected readonly home = computed(() => {
    const role = this.session.role();
    return role ? ROLE_HOME[role] : '/jobs';
  });

  protected continue(user: UserView): void {
    void this.router.navigateByUrl(afterSignIn(this.returnUrl(), user));
  }
}
