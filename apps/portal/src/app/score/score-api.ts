import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_PREFIX,
  ClientMonthQuery,
  ClientMonthlyScore,
  ScoreCsvQuery,
  ScoreGroupsPage,
  ScoreGroupsQuery,
  ScoreQuery,
  ScoreReport,
  ScoreTable,
} from '@heardback/contracts';
import { Observable } from 'rxjs';
import { httpQueryParams } from '../core/url-query';

const SCORE = `/${API_PREFIX}/agency/score`;

/** The Heardback score: staff see everyone's figures, a recruiter their own (ADR 0033). */
@Injectable({ providedIn: 'root' })
export class ScoreApi {
  private readonly http = inject(HttpClient);

  report(query: ScoreQuery): Observable<ScoreReport> {
    return this.http.get<ScoreReport>(SCORE, { params: httpQueryParams(query) });
  }

  /** One grouping's table, a page at a time, in the order asked for (ADR 0045). */
  groups(query: ScoreGroupsQuery): Observable<ScoreGroupsPage> {
    return this.http.get<ScoreGroupsPage>(`${SCORE}/groups`, { params: httpQueryParams(query) });
  }

  /** One client's month, each of its two tables in the order asked for (by name unless asked). */
  clientMonth(clientId: string, query: ClientMonthQuery): Observable<ClientMonthlyScore> {
    return this.http.get<ClientMonthlyScore>(`${SCORE}/clients/${encodeURIComponent(clientId)}/monthly`, {
      params: httpQueryParams(query),
    });
  }
}

/**
 * Where the browser downloads a table as CSV (a plain link: the session cookie goes with it); the
 * group table holds every group of `by`, in the order asked for.
 */
export function scoreCsvUrl(query: Omit<ScoreCsvQuery, 'table'>, table: ScoreTable): string {
  return `${SCORE}.csv?${httpQueryParams({ ...query, table }).toString()}`;
}
