import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Signal,
  computed,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Observable } from 'rxjs';
import { agencyErrorMessage, isStaleCursor } from './api-error';
import { focusLater } from './focus-later';
import { PageData } from './loadable';
import { shownOfTotal } from './shown-of-total';

/** A page of a list paged by cursor; `total` is the API's count of the whole list, where it gives one. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

/** Said, as a status, where a list started again from its first page because the API no longer read its cursor. */
export const LIST_STARTED_AGAIN = 'The list changed since it was loaded, so it starts again from the top.';

/** What `hb-load-more` shows and does; made by `loadMore`. */
export interface LoadMoreControl {
  readonly state: Signal<'idle' | 'loading' | 'error'>;
  readonly error: Signal<string>;
  /** `LIST_STARTED_AGAIN` once the list started again from the top, until the next page or a new list; else ''. */
  readonly startedAgain: Signal<string>;
  /** Whether the API said there is a page after the last one shown. */
  readonly hasMore: Signal<boolean>;
  readonly shown: Signal<number>;
  /** The whole list's count, or null when the API does not give one. */
  readonly total: Signal<number | null>;
  /** Back to idle when the list itself is asked for again. */
  reset(): void;
  /** Asks for the next page; nothing while one is on its way or when there is none. */
  more(): void;
}

/**
 * "Load more" for a list paged by cursor: asks for the page after the last one shown, adds it,
 * and moves focus to the first new row (`[data-index]`, inside `within` when a page has two paged
 * lists), as the button may go with the last page. A failure is kept in words beside the button,
 * except a cursor the API no longer reads (a deploy changed their form since the page was loaded): then
 * the list is asked for again from its first page, and says so. Call it in a field initialiser.
 */
export function loadMore<T, P extends CursorPage<T>>(
  list: Pick<PageData<P | null>, 'value' | 'set' | 'reload'>,
  nextPage: (cursor: string) => Observable<P>,
  { within = '' }: { within?: string } = {},
): LoadMoreControl {
  const destroyRef = inject(DestroyRef);
  const focus = focusLater();
  const state = signal<'idle' | 'loading' | 'error'>('idle');
  const error = signal('');
  const startedAgain = signal('');
  /**
   * The list whose cursor went stale, until its first page replaces it: the page resets this control
   * when the list loads again, and those resets keep the words up.
   */
  let restartedFrom: P | null = null;
  return {
    state: state.asReadonly(),
    error: error.asReadonly(),
    startedAgain: startedAgain.asReadonly(),
    hasMore: computed(() => Boolean(list.value()?.nextCursor)),
    shown: computed(() => list.value()?.items.length ?? 0),
    total: computed(() => list.value()?.total ?? null),
    reset: () => {
      state.set('idle');
      const current = untracked(list.value);
      if (restartedFrom === null) {
        startedAgain.set('');
      } else if (current !== null && current !== restartedFrom) {
        restartedFrom = null;
        // The button the person selected went with the old list: carry on from the new list's first row.
        focus(`${within} [data-index="0"]`.trim());
      }
    },
    more: () => {
      const shown = list.value();
      if (!shown?.nextCursor || state() === 'loading') return;
      const firstNew = shown.items.length;
      state.set('loading');
      nextPage(shown.nextCursor)
        .pipe(takeUntilDestroyed(destroyRef))
        .subscribe({
          next: (next) => {
            state.set('idle');
            startedAgain.set('');
            restartedFrom = null;
            // A new search or filter meanwhile replaced the list (it ends elsewhere): this page
            // belongs to the old one. A row changed in place keeps where the list ends: add the page.
            const current = list.value();
            if (current?.nextCursor !== shown.nextCursor) return;
            list.set({ ...next, items: [...current.items, ...next.items] });
            focus(`${within} [data-index="${firstNew}"]`.trim());
          },
          error: (failure: unknown) => {
            // A new search or filter replaced the list meanwhile (it ends elsewhere): it has cursors of its own.
            if (untracked(list.value)?.nextCursor !== shown.nextCursor) {
              state.set('idle');
              return;
            }
            // Started again already, and the new list's own cursor is refused too: not a deploy, so
            // the person sees the API's reason rather than the first page again and again.
            if (isStaleCursor(failure) && !startedAgain()) {
              state.set('idle');
              restartedFrom = shown;
              startedAgain.set(LIST_STARTED_AGAIN);
              list.reload();
              return;
            }
            startedAgain.set('');
            restartedFrom = null;
            error.set(agencyErrorMessage(failure));
            state.set('error');
          },
        });
    },
  };
}

let nextId = 0;

/**
 * The one "Load more" under a paged list: how many of the total are shown, the button (its name says
 * what it loads; disabled in words while a page is on its way), and a failure in words beside it.
 * Gone once the last page is in, but for the words that the list started again from the top (a status).
 * Each row of the list carries `[data-index]`, its place in the list, so focus can move to the first new one.
 */
@Component({
  selector: 'hb-load-more',
  template: `
    @if (more().startedAgain(); as startedAgain) {
      <p class="notice" role="status">{{ startedAgain }}</p>
    }
    @if (more().hasMore()) {
      @if (count(); as count) {
        <p class="load-more__count" [id]="countId">{{ count }}</p>
      }
      @if (more().state() === 'error') {
        <p class="notice notice--error" role="alert">
          More {{ what() }} could not be loaded. {{ more().error() }} Select “Load more” to try again.
        </p>
      }
      <button
        class="button button--secondary"
        type="button"
        [attr.aria-disabled]="more().state() === 'loading'"
        [attr.aria-describedby]="count() ? countId : null"
        (click)="more().more()"
      >
        {{ more().state() === 'loading' ? 'Loading more…' : 'Load more'
        }}<span class="visually-hidden"> {{ what() }}</span>
      </button>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 0.5rem;
      justify-items: start;
      margin-top: 1rem;
    }
    :host:empty {
      display: none;
    }
    .load-more__count {
      margin: 0;
      color: var(--hb-text-muted);
      font-size: 0.875rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadMore {
  readonly more = input.required<LoadMoreControl>();
  /** What the list holds, in the plural: "applications". */
  readonly what = input.required<string>();

  protected readonly countId = `hb-load-more-count-${nextId++}`;
  /** "20 of 45 jobs shown": only while pages remain, so the total is always more than one. */
  protected readonly count = computed(() => {
    const total = this.more().total();
    return total === null ? '' : `${shownOfTotal(this.more().shown(), total, this.what(), '', this.what())} shown`;
  });
}
