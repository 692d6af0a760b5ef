import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
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
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { JOB_LOCATION_MAX_LENGTH, JOB_SEARCH_TEXT_MAX_LENGTH, JobSummary } from '@heardback/contracts';
import { EMPTY, Subject, distinctUntilChanged, filter, fromEvent, map, merge, of, switchMap, tap, timer } from 'rxjs';
import { EMPLOYMENT_TYPE_OPTIONS, WORK_MODE_OPTIONS } from '../display-labels';
import {
  BoardQuery,
  EMPTY_BOARD_QUERY,
  boardQueryFrom,
  clientOptions,
  filtersButtonText,
  hasFilters,
  resultsInWords,
  sameBoardQuery,
  shownOfTotal,
  withClientsOf,
} from './board-filters';
import { BoardMemory, BoardSnapshot, jobOpenedBy } from './board-memory';
import { PageRequest, PageResult, loadBoardPage } from './board-page-request';
import { JobCard } from './job-card';
import { JobsApi } from './jobs-api';
import { LIST_STARTED_AGAIN } from '../core/load-more';
import { toQueryParams } from '../core/url-query';

/** How long typing pauses before the results follow it. */
export const SEARCH_DEBOUNCE_MS = 300;

/** The typed fields follow the visitor after a pause; the selects apply at once. */
type TypedField = 'q' | 'location';

/**
 * The public board of open jobs: search, filters, results and paging. The search and the filters
 * live in the URL (`?q=&location=&workMode=&employmentType=&clientId=`), so a link shows the same jobs.
 */
@Component({
  selector: 'hb-job-board',
  imports: [JobCard, RouterLink],
  templateUrl: './job-board.html',
  styleUrl: './job-board.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobBoard {
  private readonly jobsApi = inject(JobsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly injector = inject(Injector);
  private readonly memory = inject(BoardMemory);
  /** Only Back (or Forward) to the board brings back what was loaded and where the visitor was. */
  private restoring: boolean = this.router.currentNavigation()?.trigger === 'popstate';
  /** Where the visitor is on the page, kept as they scroll: by the time the board is gone, the page has moved. */
  private scrollY = 0;

  /** Query parameters from the URL, bound by the router. */
  readonly q = input<string>();
  readonly location = input<string>();
  readonly workMode = input<string>();
  readonly employmentType = input<string>();
  readonly clientId = input<string>();

  protected readonly query = computed(
    () =>
      boardQueryFrom({
        q: this.q(),
        location: this.location(),
        workMode: this.workMode(),
        employmentType: this.employmentType(),
        clientId: this.clientId(),
      }),
    { equal: sameBoardQuery },
  );
  protected readonly term = computed(() => this.query().q);

  /** What this board last put in the URL itself, so a box is not rewritten under the visitor's fingers. */
  private readonly weNavigatedTo: Record<TypedField, string | null> = {
    q: null,
    location: null,
  };
  /** What is in the search box; follows the URL when it changes from outside (a shared link, Back). */
  protected readonly draft = linkedSignal<string, string>({
    source: this.term,
    computation: (term, previous) => (previous && term === this.weNavigatedTo.q ? previous.value : term),
  });
  protected readonly locationDraft = linkedSignal<string, string>({
    source: computed(() => this.query().location),
    computation: (location, previous) =>
      previous && location === this.weNavigatedTo.location ? previous.value : location,
  });

  /** The boxes take no more than the API searches, so a long paste is cut where typed, not refused. */
  protected readonly searchMaxLength = JOB_SEARCH_TEXT_MAX_LENGTH;
  protected readonly locationMaxLength = JOB_LOCATION_MAX_LENGTH;
  protected readonly workModes = WORK_MODE_OPTIONS;
  protected readonly employmentTypes = EMPLOYMENT_TYPE_OPTIONS;
  /**
   * There is no public list of clients, so the client filter offers every client seen in the
   * results so far. The first page of all jobs usually shows every client.
   */
  private readonly seenClients = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly clientOptions = computed(() => clientOptions(this.seenClients(), this.query().clientId));

  protected readonly jobs = signal<readonly JobSummary[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  /** How many open jobs match the shown query in all. */
  protected readonly total = signal(0);
  /** More jobs match than the API counted: the total means "more than". */
  protected readonly totalCapped = signal(false);
  /** The API's correction of a search that found nothing ("Londn" → "London"), offered as a link. */
  protected readonly didYouMean = signal<string | null>(null);
  /** On a phone the filters fold away behind a "Filters" button; wider screens always show them. */
  protected readonly filtersOpen = signal(false);
  protected readonly filtersButtonText = computed(() => filtersButtonText(this.query()));
  protected readonly shownOfTotal = computed(() => shownOfTotal(this.jobs().length, this.total(), this.totalCapped()));
  /** The first page of the current search. */
  protected readonly status = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly errorMessage = signal('');
  protected readonly moreStatus = signal<'idle' | 'loading' | 'error'>('idle');
  protected readonly moreErrorMessage = signal('');
  /** Whether the jobs started again from the first page, as the API no longer read the cursor of those shown. */
  protected readonly startedAgain = signal(false);
  protected readonly startedAgainWords = LIST_STARTED_AGAIN;
  /** The query the listed jobs were found with; the URL may already be ahead of it. */
  protected readonly shownQuery = signal<BoardQuery>(EMPTY_BOARD_QUERY);
  protected readonly shownTerm = computed(() => this.shownQuery().q);
  protected readonly filtered = computed(() => hasFilters(this.query()));
  protected readonly narrowed = computed(() => this.shownTerm() !== '' || hasFilters(this.shownQuery()));

  protected readonly resultsMessage = computed(() => {
    if (this.status() === 'loading') {
      return this.jobs().length > 0 ? 'Searching…' : 'Loading jobs…';
    }
    // On an error, the notice below is announced as an alert.
    return this.status() === 'error' ? '' : resultsInWords(this.total(), this.shownQuery(), this.totalCapped());
  });

  private readonly searchBox = viewChild.required<ElementRef<HTMLInputElement>>('searchBox');
  private readonly cards = viewChildren(JobCard);
  /** Typed text on its way to the URL; null drops whatever is still waiting. */
  private readonly typing = new Subject<{
    field: TypedField;
    text: string;
    now: boolean;
  } | null>();
  private readonly pageRequests = new Subject<PageRequest>();

  constructor() {
    // A pending debounced search is dropped when Enter is pressed or more is typed.
    this.typing
      .pipe(
        switchMap((typed) =>
          typed === null ? EMPTY : typed.now ? of(typed) : timer(SEARCH_DEBOUNCE_MS).pipe(map(() => typed)),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ field, text }) => this.putTypedInUrl(field, text.trim()));

    // A new search cancels whatever was still loading, so late answers never overwrite newer ones.
    merge(
      toObservable(this.query).pipe(
        distinctUntilChanged(sameBoardQuery),
        filter((query) => !this.restoreFor(query)),
        map((query): PageRequest => ({ query, cursor: null })),
      ),
      this.pageRequests,
    )
      .pipe(
        tap((request) => this.startLoading(request)),
        switchMap((request) => loadBoardPage(this.jobsApi, request)),
        takeUntilDestroyed(),
      )
      .subscribe((result) => this.show(result));

    fromEvent(window, 'scroll', { passive: true })
      .pipe(takeUntilDestroyed())
      .subscribe(() => (this.scrollY = window.scrollY));
    inject(DestroyRef).onDestroy(() => {
      if (this.status() === 'ready') {
        this.memory.remember({
          query: this.shownQuery(),
          jobs: this.jobs(),
          nextCursor: this.nextCursor(),
          total: this.total(),
          totalCapped: this.totalCapped(),
          didYouMean: this.didYouMean(),
          scrollY: this.scrollY,
          openedJobId: jobOpenedBy(this.router.currentNavigation()),
        });
      }
    });
  }

  protected toggleFilters(): void {
    this.filtersOpen.update((open) => !open);
  }

  protected onType(event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.draft.set(text);
    this.typing.next({ field: 'q', text, now: false });
  }

  protected onTypeLocation(event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.locationDraft.set(text);
    this.typing.next({ field: 'location', text, now: false });
  }

  protected onSubmit(event: Event): void {
    event.preventDefault();
    const q = this.draft().trim();
    const location = this.locationDraft().trim();
    const query = this.query();
    if (q === query.q && location === query.location) {
      if (this.status() === 'error') {
        this.retry();
      }
      return;
    }
    this.typing.next(null);
    this.weNavigatedTo.q = q;
    this.weNavigatedTo.location = location;
    this.navigate({ q, location });
  }

  protected onSelect(field: 'workMode' | 'employmentType' | 'clientId', event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.navigate({ [field]: value });
  }

  protected clearSearch(): void {
    this.draft.set('');
    this.typing.next({ field: 'q', text: '', now: true });
    this.searchBox().nativeElement.focus();
  }

  protected clearAll(): void {
    this.typing.next(null);
    this.draft.set('');
    this.locationDraft.set('');
    this.weNavigatedTo.q = '';
    this.weNavigatedTo.location = '';
    this.navigate({ ...EMPTY_BOARD_QUERY });
    this.searchBox().nativeElement.focus();
  }

  protected retry(): void {
    this.pageRequests.next({ query: this.query(), cursor: null });
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (cursor === null || this.moreStatus() === 'loading') {
      return;
    }
    this.pageRequests.next({ query: this.shownQuery(), cursor });
  }

  private putTypedInUrl(field: TypedField, text: string): void {
    if (text === this.query()[field]) {
      return;
    }
    this.weNavigatedTo[field] = text;
    this.navigate({ [field]: text });
  }

  private navigate(change: Partial<BoardQuery>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: toQueryParams(change),
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  /**
   * On Back to the board, shows what was loaded for this query, then scrolls to where the visitor was
   * and focuses the link of the job they had opened.
   */
  private restoreFor(query: BoardQuery): boolean {
    const snapshot: BoardSnapshot | null = this.restoring ? this.memory.recall(query) : null;
    this.restoring = false;
    if (!snapshot) {
      return false;
    }
    this.seenClients.update((known) => withClientsOf(snapshot.jobs, known));
    this.jobs.set(snapshot.jobs);
    this.nextCursor.set(snapshot.nextCursor);
    this.total.set(snapshot.total);
    this.totalCapped.set(snapshot.totalCapped);
    this.didYouMean.set(snapshot.didYouMean);
    this.shownQuery.set(snapshot.query);
    this.status.set('ready');
    this.scrollY = snapshot.scrollY;
    afterNextRender(
      () => {
        window.scrollTo({ top: snapshot.scrollY, behavior: 'instant' });
        // Keyboard and screen-reader users carry on from the job they opened, not from the top of the page.
        if (snapshot.openedJobId) {
          document
            .getElementById(`job-title-${snapshot.openedJobId}`)
            ?.querySelector<HTMLAnchorElement>('a')
            ?.focus({ preventScroll: true });
        }
      },
      { injector: this.injector },
    );
    return true;
  }

  private startLoading(request: PageRequest): void {
    if (request.cursor === null) {
      this.status.set('loading');
      this.moreStatus.set('idle');
      this.startedAgain.set(request.startingAgain ?? false);
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
        this.didYouMean.set(null);
        this.shownQuery.set(request.query);
        this.errorMessage.set(result.error);
        this.status.set('error');
      } else if (result.staleCursor && !this.startedAgain()) {
        // A deploy changed the cursors' form since these jobs were loaded: the search starts again from the top.
        this.pageRequests.next({ query: request.query, cursor: null, startingAgain: true });
      } else {
        // Started again already, and the new list's own cursor is refused too: not a deploy, so say why.
        this.startedAgain.set(false);
        this.moreErrorMessage.set(result.error);
        this.moreStatus.set('error');
      }
      return;
    }

    const { items, nextCursor, total, totalCapped } = result.page;
    this.seenClients.update((known) => withClientsOf(items, known));
    this.nextCursor.set(nextCursor);
    this.total.set(total);
    this.totalCapped.set(totalCapped ?? false);
    if (request.cursor === null) {
      this.jobs.set(items);
      this.didYouMean.set(result.page.didYouMean ?? null);
      this.shownQuery.set(request.query);
      this.status.set('ready');
      if (request.startingAgain) {
        // The button the visitor selected may have gone and come back: carry on from the first job.
        afterNextRender(() => this.cards()[0]?.focus(), { injector: this.injector });
      }
      return;
    }

    const firstNew = this.jobs().length;
    this.startedAgain.set(false);
    this.jobs.update((jobs) => [...jobs, ...items]);
    this.moreStatus.set('idle');
    // The Load more button may disappear with the last page; keep focus where the new jobs start.
    afterNextRender(() => this.cards()[firstNew]?.focus(), {
      injector: this.injector,
    });
  }
}
