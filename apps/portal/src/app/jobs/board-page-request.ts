import { JobBoardPage } from '@heardback/contracts';
import { Observable, catchError, map, of } from 'rxjs';
import { httpErrorMessage, isStaleCursor } from '../core/api-error';
import { BoardQuery, toJobSearch } from './board-filters';
import { JobsApi } from './jobs-api';

/** A page of the board to load: the first (no cursor) or the one after the jobs shown. */
export interface PageRequest {
  query: BoardQuery;
  cursor: string | null;
  /** The first page again, asked for because the API no longer read the cursor of the jobs shown. */
  startingAgain?: boolean;
}

/** A page as the API answered it, or why it could not (in words, and whether its cursor was refused). */
export type PageResult =
  | { request: PageRequest; page: JobBoardPage }
  | { request: PageRequest; error: string; staleCursor: boolean };

/** Asks the API for the page; a failure is answered as a result, so the board's stream goes on. */
export function loadBoardPage(api: JobsApi, request: PageRequest): Observable<PageResult> {
  return api.search(toJobSearch(request.query, request.cursor)).pipe(
    map((page): PageResult => ({ request, page })),
    catchError((error: unknown) =>
      of<PageResult>({ request, error: httpErrorMessage(error), staleCursor: isStaleCursor(error) }),
    ),
  );
}
