import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { Loadable, errorOf } from './loadable';

/**
 * What a page shows while its data loads or after it failed; the page's own content, projected,
 * once the data is ready. The page still decides what "empty" says. A page may project its own
 * placeholder (`hbLoading`), what a 404 says (`hbNotFound`) and a title above the error (`hbErrorTitle`).
 */
@Component({
  selector: 'hb-load-state',
  template: `
    @switch (state().state) {
      @case ('loading') {
        <ng-content select="[hbLoading]">
          <ul class="list" aria-hidden="true">
            @for (placeholder of placeholderRows(); track placeholder) {
              <li class="skeleton"></li>
            }
          </ul>
        </ng-content>
      }
      @case ('not-found') {
        <ng-content select="[hbNotFound]" />
      }
      @case ('error') {
        <ng-content select="[hbErrorTitle]" />
        <div class="notice notice--error" role="alert">
          @if (headingLevel() === 3) {
            <h3 class="notice__title">We couldn't load {{ what() }}</h3>
          } @else {
            <h2 class="notice__title">We couldn't load {{ what() }}</h2>
          }
          <p class="notice__text">{{ message() }}</p>
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
  /** 3 where the list is a section under the page's own h2. */
  readonly headingLevel = input<2 | 3>(2);
  /** How many placeholder rows the default placeholder shows. */
  readonly placeholders = input(3);
  readonly retry = output<void>();

  protected readonly placeholderRows = computed(() => Array.from({ length: this.placeholders() }, (_, index) => index));

  protected message(): string {
    return errorOf(this.state());
  }
}
