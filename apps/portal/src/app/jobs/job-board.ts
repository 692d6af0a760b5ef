import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
  viewChild,
  viewChildren,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { JobSummary, Page } from '@heardback/contracts';
import {
  Subject,
  catchError,
  map,
  merge,
  of,
  switchMap,
  tap,
  timer,
} from 'rxjs';
import { httpErrorMessage } from '../http-error-message';
import { JobCard } from './job-card';
import { JobsApi } from './jobs-api';

/** How long typing pauses before the results follow it. */
export const SEARCH_DEBOUNCE_MS = 300;

interface PageRequest {
  term: string;
  cursor: string | null;
}

type PageResult =
  | { request: PageRequest; page: Page<JobSummary> }
  | { request: PageRequest; error: string };

/** The public board of open jobs: search, results and paging. The search term lives in the URL (`?q=`). */
@Component({
  selector: 'hb-job-board',
  imports: [JobCard],
  templateUrl: './job-board.html',
  styleUrl: './job-board.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobBoard {
  private readonly jobsApi = inject(JobsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly injector = inject(Injector);

  /** `?q=` from the URL, bound by the router. */
  readonly q = input<string>();
  protected readonly term = computed(() => (this.q() ?? '').trim());

  /** The term this board last put in the URL itself, so the box is not rewritten under the visitor's fingers. */
  private termWeNavigatedTo: string | null = null;
  /** What is in the search box; follows the URL when it changes from outside (a shared link, Back). */
  protected readonly draft = linkedSignal<string, string>({
    source: this.term,
    computation: (term, previous) =>
      previous && term === this.termWeNavigatedTo ? previous.value : term,
  });

  protected readonly jobs = signal<readonly JobSummary[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  /** The first page of the current search. */
  protected readonly status = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly errorMessage = signal('');
  protected readonly moreStatus = signal<'idle' | 'loading' | 'error'>('idle');
  protected readonly moreErrorMessage = signal('');
  /** The term the listed jobs were found with; the URL may already be ahead of it. */
  protected readonly shownTerm = signal('');

  protected readonly resultsMessage = computed(() => {
    if (this.status() === 'loading') {
      return this.jobs().length > 0 ? 'Searching…' : 'Loading jobs…';
    }
    if (this.status() === 'error') {
      return ''; // The error notice below is announced as an alert.
    }
    const count = this.jobs().length;
    const term = this.shownTerm();
    if (count === 0) {
      return term
        ? `No jobs match “${term}”`
        : 'There are no open jobs right now';
    }
    const more = this.nextCursor() !== null;
    const one = count === 1 && !more;
    const jobs = `${count}${more ? '+' : ''} ${one ? 'job' : 'jobs'}`;
    return term ? `${jobs} ${one ? 'matches' : 'match'} “${term}”` : jobs;
  });

  private readonly searchBox =
    viewChild.required<ElementRef<HTMLInputElement>>('searchBox');
  private readonly cards = viewChildren(JobCard);
  private readonly searchInput = new Subject<{ text: string; now: boolean }>();
  private readonly pageRequests = new Subject<PageRequest>();

  constructor() {
    // A pending debounced search is dropped when Enter is pressed or more is typed.
    this.searchInput
      .pipe(
        switchMap(({ text, now }) =>
          now ? of(text) : timer(SEARCH_DEBOUNCE_MS).pipe(map(() => text)),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((text) => this.putTermInUrl(text.trim()));

    // A new search cancels whatever was still loading, so late answers never overwrite newer ones.
    merge(
      toObservable(this.term).pipe(
        map((term): PageRequest => ({ term, cursor: null })),
      ),
      this.pageRequests,
    )
      .pipe(
        tap((request) => this.startLoading(request)),
        switchMap((request) =>
          this.jobsApi
            .search({ q: request.term, cursor: request.cursor ?? undefined })
            .pipe(
              map((page): PageResult => ({ request, page })),
              catchError((error: unknown) =>
                of<PageResult>({ request, error: httpErrorMessage(error) }),
              ),
            ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => this.show(result));
  }

  protected onType(event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.draft.set(text);
    this.searchInput.next({ text, now: false });
  }

  protected onSubmit(event: Event): void {
    event.preventDefault();
    const text = this.draft();
    if (text.trim() === this.term() && this.status() === 'error') {
      this.retry();
      return;
    }
    this.searchInput.next({ text, now: true });
  }

  protected clearSearch(): void {
    this.draft.set('');
    this.searchInput.next({ text: '', now: true });
    this.searchBox().nativeElement.focus();
  }

  protected retry(): void {
    this.pageRequests.next({ term: this.term(), cursor: null });
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (cursor === null || this.moreStatus() === 'loading') {
      return;
    }
    this.pageRequests.next({ term: this.shownTerm(), cursor });
  }

  private putTermInUrl(term: string): void {
    if (term === this.term()) {
      return;
    }
    this.termWeNavigatedTo = term;
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { q: term || null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  private startLoading(request: PageRequest): void {
    if (request.cursor === null) {
      this.status.set('loading');
      this.moreStatus.set('idle');
    } else {
      this.moreStatus.set('loading');
    }
  }

  private show(result: PageResult): void {
    const { request } = result;
    if ('error' in result) {
      if (request.cursor === null) {
        this.jobs.set([]);
        this.nextCursor.set(null);
        this.shownTerm.set(request.term);
        this.errorMessage.set(result.error);
        this.status.set('error');
      } else {
        this.moreErrorMessage.set(result.error);
        this.moreStatus.set('error');
      }
      return;
    }

    const { items, nextCursor } = result.page;
    this.nextCursor.set(nextCursor);
    if (request.cursor === null) {
      this.jobs.set(items);
      this.shownTerm.set(request.term);
      this.status.set('ready');
      return;
    }

    const firstNew = this.jobs().length;
    this.jobs.update((jobs) => [...jobs, ...items]);
    this.moreStatus.set('idle');
    // The Load more button may disappear with the last page; keep focus where the new jobs start.
    afterNextRender(() => this.cards()[firstNew]?.focus(), {
      injector: this.injector,
    });
  }
}
