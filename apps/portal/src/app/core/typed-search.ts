import { Signal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

/** How long typing pauses before a list is searched again. */
export const SEARCH_PAUSE_MS = 250;

/** A list's search box: what it holds, and the search (trimmed) asked for once typing pauses. */
export interface TypedSearch {
  /** What the box holds now, for its `[value]`. */
  readonly typed: Signal<string>;
  /** The words to search for: trimmed, and changed only after typing pauses. */
  readonly search: Signal<string>;
  /** For the box's `(input)`. */
  type(event: Event): void;
}

/** Call in a field initialiser (it needs an injection context). */
export function typedSearch(): TypedSearch {
  const typed = signal('');
  const search = toSignal(
    toObservable(typed).pipe(
      debounceTime(SEARCH_PAUSE_MS),
      map((text) => text.trim()),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  return {
    typed: typed.asReadonly(),
    search,
    type: (event) => typed.set((event.target as HTMLInputElement).value),
  };
}
