import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { isReturnPath } from '@heardback/contracts';
import { SessionStore } from '../core/session';
import { RegisterForm } from './register-form';
import { returnRoute } from './return-url';

/** /register?returnUrl=…: candidates create their own accounts; agency accounts are made by staff. */
@Component({
  selector: 'hb-register-page',
  imports: [RouterLink, RegisterForm],
  template: `
    <div class="narrow-page">
      <h1 class="page-title">Create your account</h1>
      @if (session.user(); as user) {
        <p>
          You are signed in as {{ user.fullName }}.
          <a [routerLink]="route.home()">Go to your page</a>
        </p>
      } @else {
        <p class="lead">
          Apply for jobs and see, at any moment, where each application stands and when you will hear back.
        </p>
        <div class="card">
          <hb-register-form [returnTo]="returnTo()" (signInInstead)="goToSignIn()" />
        </div>
        <p class="aside">
          Already have an account?
          <a routerLink="/sign-in" [queryParams]="route.query()">Sign in</a>
        </p>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegisterPage {
  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  /** `?returnUrl=` */
  readonly returnUrl = input<string>();

  protected readonly route = returnRoute(this.returnUrl);
  /** Where the emailed link brings the new candidate: the page they came from, if it is one of ours. */
  protected readonly returnTo = computed(() => {
    const returnUrl = this.returnUrl();
    return returnUrl && isReturnPath(returnUrl) ? returnUrl : undefined;
  });

  protected goToSignIn(): void {
    void this.router.navigate(['/sign-in'], {
      queryParams: this.route.query(),
    });
  }
}
