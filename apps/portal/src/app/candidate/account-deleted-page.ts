import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

/** Where a candidate lands after deleting their account: open to visitors, since they are one now. */
@Component({
  selector: 'hb-account-deleted-page',
  imports: [RouterLink],
  template: `
    <div class="narrow-page">
      <h1 class="page-title">Your account is deleted</h1>
      <p class="lead">
        We have deleted your personal data and signed you out everywhere. Any applications that were still open are
        withdrawn, and the recruiters have been told.
      </p>
      <p>You can register again at any time with the same email address; it will be a new, empty account.</p>
      <p><a routerLink="/jobs">Browse open jobs</a></p>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountDeletedPage {}
