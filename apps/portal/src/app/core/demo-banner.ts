import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { API_PREFIX, AboutView } from '@heardback/contracts';
import { catchError, of } from 'rxjs';

export const DEMO_BANNER_TEXT = 'Demo: sample data and demo sign-ins; do not enter real personal data.';

/**
 * A slim line above every page while the server runs with demo accounts (`GET /api/about`). It sits
 * in the page flow, never over it, and says nothing when the server is not in demo mode or cannot
 * be asked.
 */
@Component({
  selector: 'hb-demo-banner',
  template: `
    @if (demo()) {
      <p class="demo-banner" role="note">{{ text }}</p>
    }
  `,
  styles: `
    .demo-banner {
      margin: 0;
      padding: 0.375rem 1rem;
      background: #fff3cd;
      color: #4d3800;
      border-bottom: 1px solid #c9a227;
      font-size: 0.875rem;
      line-height: 1.4;
      text-align: center;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DemoBanner {
  protected readonly text = DEMO_BANNER_TEXT;
  protected readonly demo = signal(false);

  constructor() {
    inject(HttpClient)
      .get<AboutView>(`/${API_PREFIX}/about`)
      .pipe(
        catchError(() => of(null)),
        takeUntilDestroyed(),
      )
      .subscribe((about) => this.demo.set(about?.demo === true));
  }
}
