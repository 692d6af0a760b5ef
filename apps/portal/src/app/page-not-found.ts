import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'hb-page-not-found',
  imports: [RouterLink],
  template: `
    <h1 class="page-title">Page not found</h1>
    <p>There is no page at this address. It may have moved, or the link may be missing a part.</p>
    <p><a routerLink="/jobs">See the open jobs</a></p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PageNotFound {}
