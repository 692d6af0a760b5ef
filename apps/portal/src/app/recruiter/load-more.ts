import { DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Observable } from 'rxjs';
import { agencyErrorMessage } from '../core/api-error';
import { focusLater } from '../core/focus-later';
import { PageData } from '../core/loadable';

interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * "Load more" for a list paged by cursor: asks for the page after the last one shown, adds it,
 * and moves focus to the first new row (`[data-index]`) as the button may go with the last page.
 * A failure is kept in words beside the button. Call it in a field initialiser.
 */
export function loadMore<T, P extends CursorPage<T>>(
  list: PageData<P | null>,
  nextPage: (cursor: string) => Observable<P>,
) {
  const destroyRef = inject(DestroyRef);
  const focus = focusLater();
  const state = signal<'idle' | 'loading' | 'error'>('idle');
  const error = signal('');
  return {
    state: state.asReadonly(),
    error: error.asReadonly(),
    /** Back to idle when the list itself is asked for again. */
    reset: () => state.set('idle'),
    more: () => {
      const shown = list.value();
      if (!shown?.nextCursor || state() === 'loading') return;
      const firstNew = shown.items.length;
      state.set('loading');
      nextPage(shown.nextCursor)
        .pipe(takeUntilDestroyed(destroyRef))
        .subscribe({
          next: (next) => {
            // A new search or filter meanwhile replaced the list: this page belongs to the old one.
            if (list.value() !== shown) return;
            list.set({ ...next, items: [...shown.items, ...next.items] });
            state.set('idle');
            focus(`[data-index="${firstNew}"]`);
          },
          error: (failure: unknown) => {
            error.set(agencyErrorMessage(failure));
            state.set('error');
          },
        });
    },
  };
}

/**
 * "50 of 226,738 open applications shown" while pages remain, "3 open applications" once all are:
 * the true total in words, never the page's length presented as the total.
 */
export function shownOfTotal(shown: number, total: number, noun: string, plural = `${noun}s`): string {
  const count = (n: number) => n.toLocaleString('en-GB');
  const of = (n: number) => `${count(n)} ${n === 1 ? noun : plural}`;
  return shown >= total ? of(total) : `${count(shown)} of ${of(total)} shown`;
}
