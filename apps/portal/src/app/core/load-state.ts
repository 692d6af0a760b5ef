import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { Loadable } from './loadable';

/**
 * What an agency list shows while it loads or after it failed; the page's own content, projected,
 * once the data is ready. The page still decides what "empty" says.
 */
@Component({
  selector: 'hb-load-state',
  template: `
    @switch (state().state) {
      @case ('loading') {
        <ul class="list" aria-hidden="true">
          @for (placeholder of [1, 2, 3]; track placeholder) {
            <li class="skeleton"></li>
          }
        </ul>
      }
      @case ('error') {
        <div class="notice notice--error" role="alert">
          <h2 class="notice__title">We couldn't load {{ what() }}</h2>
          <p>{{ errorMessage() }}</p>
          <button class="button" type="button" (click)="retry.emit()">Try again</button>
        </div>
      }
      @case ('ready') {
        <ng-content />
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadState {
  readonly state = input.required<Loadable<unknown>>();
  /** Completes "We couldn't load …": "the jobs", "who is waiting". */
  readonly what = input.required<string>();
  readonly retry = output<void>();

  protected errorMessage(): string {
    const state = this.state();
    return state.state === 'error' ? state.message : '';
  }
}
