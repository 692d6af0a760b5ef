import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { NavigationStart, Router } from '@angular/router';
import { Observable, ReplaySubject, filter, share, take } from 'rxjs';

/**
 * A deep link's own read, started when the app starts instead of when the page's code has loaded.
 * A page's code is a chain of round trips (its chunk, then the chunks that chunk imports), and on a
 * phone each costs a network round trip; the read used to wait at the end of that chain, and the
 * page's main content (a job's text) with it. Started early, the two run side by side.
 *
 * A read is taken once, by the first page that asks for its URL, and only while the visitor is on
 * the page they arrived at: "Try again", and any later visit, read afresh.
 */
@Injectable({ providedIn: 'root' })
export class EarlyReads {
  private readonly http = inject(HttpClient);
  private readonly started = new Map<string, Observable<unknown>>();

  /** Starts a GET of `url` now; forgotten as soon as the visitor navigates anywhere else. */
  start(url: string, router: Router): void {
    const read = this.http.get(url).pipe(
      // The answer, an error included, is kept for the page: it must not ask a second time.
      share({
        connector: () => new ReplaySubject(1),
        resetOnError: false,
        resetOnComplete: false,
        resetOnRefCountZero: false,
      }),
    );
    read.subscribe({ error: () => undefined });
    this.started.set(url, read);
    router.events
      .pipe(
        filter((event) => event instanceof NavigationStart && event.id > 1),
        take(1),
      )
      .subscribe(() => this.started.clear());
  }

  /** The read started for `url`, once; null when none was started or it was taken already. */
  take<T>(url: string): Observable<T> | null {
    const read = this.started.get(url);
    this.started.delete(url);
    return (read as Observable<T> | undefined) ?? null;
  }
}
