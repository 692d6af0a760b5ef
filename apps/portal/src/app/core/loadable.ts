import { Observable, catchError, map, of, startWith } from 'rxjs';
import { agencyErrorMessage } from './api-error';

/** Data a page is waiting for: loading, ready with a value, or failed with words for the person. */
export type Loadable<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

export const LOADING: Loadable<never> = { state: 'loading' };

/** Wraps one request: emits `loading`, then the value or the error in words. Never errors itself. */
export function loadable<T>(request: Observable<T>): Observable<Loadable<T>> {
  return request.pipe(
    map((value): Loadable<T> => ({ state: 'ready', value })),
    catchError((error: unknown) => of<Loadable<T>>({ state: 'error', message: agencyErrorMessage(error) })),
    startWith<Loadable<T>>(LOADING),
  );
}
