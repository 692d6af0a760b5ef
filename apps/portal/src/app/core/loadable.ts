import { HttpErrorResponse } from '@angular/common/http';
import { Signal, computed, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { Observable, Subject, catchError, map, merge, of, startWith, switchMap } from 'rxjs';
import { agencyErrorMessage } from './api-error';

/**
 * Data a page is waiting for: loading, ready with a value, not found (a 404, where the page
 * says so itself), or failed with words for the person.
 */
export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'not-found' }
  | { state: 'error'; message: string };

export const LOADING: Loadable<never> = { state: 'loading' };

export interface LoadableOptions {
  /** Puts a failure in words; the agency's wording by default. */
  errorMessage?: (error: unknown) => string;
  /** A 404 becomes `not-found` instead of an error, for pages that name a record in their URL. */
  notFound?: boolean;
}

/** Wraps one request: emits `loading`, then the value or the error in words. Never errors itself. */
export function loadable<T>(
  request: Observable<T>,
  { errorMessage = agencyErrorMessage, notFound = false }: LoadableOptions = {},
): Observable<Loadable<T>> {
  return request.pipe(
    map((value): Loadable<T> => ({ state: 'ready', value })),
    catchError((error: unknown) =>
      of<Loadable<T>>(
        notFound && error instanceof HttpErrorResponse && error.status === 404
          ? { state: 'not-found' }
          : { state: 'error', message: errorMessage(error) },
      ),
    ),
    startWith<Loadable<T>>(LOADING),
  );
}

/** The loaded value, or null in every other state. */
export function valueOf<T>(loaded: Loadable<T>): T | null {
  return loaded.state === 'ready' ? loaded.value : null;
}

/** The error in words, or '' in every other state. */
export function errorOf(loaded: Loadable<unknown>): string {
  return loaded.state === 'error' ? loaded.message : '';
}

/**
 * The page's status line: `loading` while it loads, nothing on an error (the error notice is
 * announced as an alert), and what `ready` says once the data is there.
 */
export function statusLine(loaded: Loadable<unknown>, loading: string, ready: () => string): string {
  switch (loaded.state) {
    case 'loading':
      return loading;
    case 'ready':
      return ready();
    default:
      return '';
  }
}

/** "No clients yet", "1 client", "3 clients": a count for a status line. */
export function countOf(count: number, noun: string, none: string): string {
  return count === 0 ? none : `${count} ${count === 1 ? noun : `${noun}s`}`;
}

/** What a page that fetches data reads and does. */
export interface PageData<T> {
  /** Loading, ready, not found or failed; what `hb-load-state` shows. */
  readonly state: Signal<Loadable<T>>;
  /** The data once it is ready; null before and after a failure. */
  readonly value: Signal<T | null>;
  readonly loading: Signal<boolean>;
  /** Asks again, for "Try again" and "Refresh"; not while a request is already under way. */
  reload(): void;
  /** Shows a newer copy, such as the one the API returned after a change. */
  set(value: T): void;
  /** Changes the data in place once it is ready, such as a record just added to the list. */
  update(change: (value: T) => T): void;
}

export interface PageDataOptions<T, K> extends LoadableOptions {
  /** What the request depends on, such as the `:id` in the URL; it is asked again when this changes. */
  key?: () => K;
  /** The request for the current key. */
  request: (key: K) => Observable<T>;
  /** Called with the data each time it arrives. */
  loaded?: (value: T) => void;
}

/**
 * The one way a page loads its data: the request starts with the page (or whenever `key`
 * changes), a newer request drops an older one still under way, and the page is told
 * loading / ready / not found / error. Call it in a constructor or field initialiser.
 */
export function pageData<T, K = void>(options: PageDataOptions<T, K>): PageData<T> {
  const state = signal<Loadable<T>>(LOADING);
  const reloads = new Subject<void>();
  const key = options.key ?? ((): K => undefined as K);
  const keys: Observable<K> = options.key ? toObservable(computed(key)) : of(undefined as K);

  merge(keys, reloads.pipe(map(() => untracked(key))))
    .pipe(
      switchMap((current) => loadable(options.request(current), options)),
      takeUntilDestroyed(),
    )
    .subscribe((loaded) => {
      state.set(loaded);
      if (loaded.state === 'ready') {
        options.loaded?.(loaded.value);
      }
    });

  return {
    state: state.asReadonly(),
    value: computed(() => valueOf(state())),
    loading: computed(() => state().state === 'loading'),
    reload: () => {
      if (untracked(state).state !== 'loading') {
        reloads.next();
      }
    },
    set: (value) => state.set({ state: 'ready', value }),
    update: (change) =>
      state.update((loaded) => (loaded.state === 'ready' ? { state: 'ready', value: change(loaded.value) } : loaded)),
  };
}
