import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { loadMore } from './load-more';

/** The "Load more" button under a paged list, with a failure in words beside it. */
@Component({
  selector: 'hb-load-more-button',
  template: `
    @if (more().state() === 'error') {
      <p class="notice notice--error" role="alert">
        More {{ what() }} could not be loaded. {{ more().error() }} Select “Load more” to try again.
      </p>
    }
    <button
      class="button button--secondary"
      type="button"
      [attr.aria-disabled]="more().state() === 'loading'"
      (click)="more().more()"
    >
      {{ more().state() === 'loading' ? 'Loading more…' : 'Load more'
      }}<span class="visually-hidden"> {{ what() }}</span>
    </button>
  `,
  styles: `
    :host {
      display: grid;
      gap: 0.5rem;
      justify-items: start;
      margin-top: 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadMoreButton {
  readonly more = input.required<ReturnType<typeof loadMore>>();
  /** What the list holds, in the plural: "applications". */
  readonly what = input.required<string>();
}
