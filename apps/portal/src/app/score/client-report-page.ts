import {
  ChangeDetectionStrategy,
  Component,
  Signal,
  ViewEncapsulation,
  computed,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { EMPTY, Subject, catchError, finalize, map, of, switchMap } from 'rxjs';
import {
  ClientMonthQuery,
  ClientMonthlyScore,
  SATISFACTION_MIN_RESPONSES,
  ScoreFigures,
  ScoreGroupSort,
  ScoreGrouping,
  ScoreGroupsPage,
  SortDirection,
} from '@heardback/contracts';
import { agencyErrorMessage } from '../core/api-error';
import { NOW, formatShortDateTime } from '../core/date-time';
import { LoadMore, LoadMoreControl, loadMore } from '../core/load-more';
import { LoadState } from '../core/load-state';
import { pageData } from '../core/loadable';
import { shownOfTotal } from '../core/shown-of-total';
import { dateTimeFormat } from '../core/intl-formatters';
import { oneOf, toQueryParams } from '../core/url-query';
import { ScoreApi } from './score-api';
import { ScoreSort, figure, percent } from './score-columns';
import { ScoreTable } from './score-table';
import { ScoreWeeksTable } from './score-weeks-table';
import { scoreQueryFromBack } from './score-page-url';

/** "November 2026" for 2026-11. */
export function monthName(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return dateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, monthNumber - 1, 1)),
  );
}

/** The month before or after (yyyy-mm). */
export function shiftMonth(month: string, by: number): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Date(Date.UTC(year, monthNumber - 1 + by, 1)).toISOString().slice(0, 7);
}

type ReportTableName = 'interviewers' | 'jobs';

/** The URL's (and the API's) names for each table's order: `?interviewerSort=median&interviewerDirection=desc`. */
const ORDER_PARAMS = {
  interviewers: { sort: 'interviewerSort', direction: 'interviewerDirection' },
  jobs: { sort: 'jobSort', direction: 'jobDirection' },
} as const satisfies Record<ReportTableName, { sort: keyof ClientMonthQuery; direction: keyof ClientMonthQuery }>;

/** A table's order as the URL and the API write it. */
function orderQuery(table: ReportTableName, sort: ScoreSort): Partial<ClientMonthQuery> {
  return { [ORDER_PARAMS[table].sort]: sort.column, [ORDER_PARAMS[table].direction]: sort.direction };
}

/** Sorting one of the month's tables: under way, or what went wrong, in words. */
interface TableSorting {
  readonly busy: Signal<boolean>;
  readonly problem: Signal<string>;
  sortBy(sort: ScoreSort): void;
  /** Another client or month is asked for: a sort under way is dropped, and its words with it. */
  reset(): void;
}

/** What a sort brought back: the table's first page in its new order, or the failure in words. */
type SortAnswer = { sort: ScoreSort; asked: ClientMonthlyScore } & (
  | { page: ScoreGroupsPage; failure?: never }
  | { page: null; failure: string }
);

/** One of the report's two paged tables: its words, where its rows come from, its "Load more" and its sorting. */
interface ReportTable {
  id: string;
  name: ReportTableName;
  title: string;
  caption: string;
  noun: string;
  plural: string;
  empty: string;
  page: ScoreGroupsPage;
  sort: ScoreSort;
  more: LoadMoreControl;
  sorting: TableSorting;
}

/**
 * /staff/score/clients/:id/print?month=yyyy-mm: one client's month on paper, to send to the
 * client: the promise as their interviewers kept it. The charts' figures are printed as tables.
 * Its interviewers and jobs come a page at a time (ADR 0047): "Load more" reads the next from the
 * group tables filtered to the client, and each table says how many of how many it holds, on paper too.
 * Each table sorts by any column as the score page's does (the API sorts every group of the client);
 * the order is kept in the URL, so a month printed, shared or stepped to keeps it.
 */
@Component({
  selector: 'hb-client-report-page',
  imports: [LoadMore, LoadState, RouterLink, ScoreTable, ScoreWeeksTable],
  templateUrl: './client-report-page.html',
  styleUrl: './client-report-page.scss',
  // The print rules hide the app's own header and the agency navigation, outside this component.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientReportPage {
  private readonly api = inject(ScoreApi);
  private readonly router = inject(Router);
  private readonly now = inject(NOW);

  /** The client's id, the month and each table's order, from the URL. */
  readonly id = input.required<string>();
  readonly month = input<string>('');
  readonly interviewerSort = input<string>('');
  readonly interviewerDirection = input<string>('');
  readonly jobSort = input<string>('');
  readonly jobDirection = input<string>('');
  /** The score's view this report was opened from (its query as one value), for the way back. */
  readonly back = input<string>('');

  protected readonly backToScore = computed(() => scoreQueryFromBack(this.back()));

  /** The orders the URL asks for; a hand-edited value that is not a column is left out (by name). */
  private readonly urlOrders = computed<Partial<ClientMonthQuery>>(() => ({
    interviewerSort: oneOf(ScoreGroupSort, this.interviewerSort()) || undefined,
    interviewerDirection: oneOf(SortDirection, this.interviewerDirection()) || undefined,
    jobSort: oneOf(ScoreGroupSort, this.jobSort()) || undefined,
    jobDirection: oneOf(SortDirection, this.jobDirection()) || undefined,
  }));

  protected readonly chosenMonth = computed(() => this.month() || this.now().toISOString().slice(0, 7));
  protected readonly title = computed(() => monthName(this.chosenMonth()));
  protected readonly previous = computed(() => shiftMonth(this.chosenMonth(), -1));
  protected readonly next = computed(() => shiftMonth(this.chosenMonth(), 1));

  protected readonly report = pageData({
    // A new order reloads only its table (`sortable`), which then writes the order into the URL; the
    // month is asked for again only for another client or month, in the orders the URL holds then.
    key: () => ({ id: this.id(), month: this.chosenMonth() }),
    request: ({ id, month }) => {
      this.sortInterviewers.reset();
      this.sortJobs.reset();
      return this.api.clientMonth(id, { month, ...untracked(this.urlOrders) });
    },
    notFound: true,
    loaded: () => {
      this.moreInterviewers.reset();
      this.moreJobs.reset();
    },
  });

  protected readonly moreInterviewers = this.pagedTable('interviewers', ScoreGrouping.Interviewer);
  protected readonly moreJobs = this.pagedTable('jobs', ScoreGrouping.Job);
  private readonly sortInterviewers = this.sortable('interviewers', ScoreGrouping.Interviewer, this.moreInterviewers);
  private readonly sortJobs = this.sortable('jobs', ScoreGrouping.Job, this.moreJobs);

  /** The month per interviewer and per job: the same columns, each with its own words when empty. */
  protected groups(month: ClientMonthlyScore): ReportTable[] {
    return [
      {
        id: 'report-interviewers',
        name: 'interviewers',
        title: 'Interviewers',
        caption: 'By interviewer',
        noun: 'interviewer',
        plural: 'interviewers',
        empty: 'No interviewer of this client gave feedback through their link this month.',
        page: month.interviewers,
        sort: { column: month.interviewers.sort, direction: month.interviewers.direction },
        more: this.moreInterviewers,
        sorting: this.sortInterviewers,
      },
      {
        id: 'report-jobs',
        name: 'jobs',
        title: 'Jobs',
        caption: 'By job',
        noun: 'job',
        plural: 'jobs',
        empty: "Nothing happened on this client's jobs this month.",
        page: month.jobs,
        sort: { column: month.jobs.sort, direction: month.jobs.direction },
        more: this.moreJobs,
        sorting: this.sortJobs,
      },
    ];
  }

  /** "53 interviewers", or "50 of 53 interviewers shown." while pages remain (on paper too): the API's total. */
  protected count(table: ReportTable): string {
    const { items, total } = table.page;
    const words = shownOfTotal(items.length, total, table.noun, '', table.plural);
    return items.length < total ? `${words} shown.` : words;
  }

  /** "Load more" for one of the month's tables: the next page of the client's groups, added to the report. */
  private pagedTable(table: 'interviewers' | 'jobs', grouping: ScoreGrouping): LoadMoreControl {
    return loadMore(
      {
        value: computed(() => this.report.value()?.[table] ?? null),
        set: (page: ScoreGroupsPage | null) => {
          if (page) this.report.update((month) => ({ ...month, [table]: page }));
        },
        // The month again, each table from its first page in the orders the URL holds.
        reload: () => this.report.reload(),
      },
      (cursor) => {
        const month = this.report.value();
        if (!month) return EMPTY;
        const { from, to, client } = month;
        // The next page in the order of the rows shown: a cursor belongs to one order.
        const { sort, direction } = month[table];
        return this.api.groups({ from, to, grouping, client: client.id, sort, direction, cursor });
      },
      { within: `#report-${table}` },
    );
  }

  /**
   * A header of one of the month's tables was clicked: that table's first page in the new order (the
   * API sorts every group of the client), while the rows shown stay until it comes, as on the score
   * page. The header marks the order of the rows shown, so a failure leaves both as they were and
   * says so; the order goes into the URL once the rows are in it.
   */
  private sortable(table: ReportTableName, grouping: ScoreGrouping, more: LoadMoreControl): TableSorting {
    const requests = new Subject<ScoreSort | null>();
    const busy = signal(false);
    const problem = signal('');
    requests
      .pipe(
        switchMap((sort) => {
          const month = this.report.value();
          if (!sort || !month) return EMPTY;
          busy.set(true);
          problem.set('');
          const { from, to, client } = month;
          const query = { from, to, grouping, client: client.id, sort: sort.column, direction: sort.direction };
          return this.api.groups(query).pipe(
            map((page): SortAnswer => ({ page, sort, asked: month })),
            catchError((failure: unknown) =>
              of<SortAnswer>({ page: null, failure: agencyErrorMessage(failure), sort, asked: month }),
            ),
            finalize(() => busy.set(false)),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((answer) => {
        const shown = this.report.value();
        const { asked } = answer;
        // Another client or month came meanwhile: the answer belongs to the one asked about.
        if (!shown || shown.client.id !== asked.client.id || shown.month !== asked.month) return;
        if (answer.page === null) {
          problem.set(answer.failure);
          return;
        }
        this.report.update((month) => ({ ...month, [table]: answer.page }));
        more.reset();
        // Someone is on their way elsewhere ("Next month"): writing the order now would turn them back.
        if (this.router.currentNavigation()) return;
        void this.router.navigate([], {
          queryParams: toQueryParams({ month: asked.month, ...orderQuery(table, answer.sort) }),
          queryParamsHandling: 'merge',
          replaceUrl: true,
        });
      });
    return {
      busy: busy.asReadonly(),
      problem: problem.asReadonly(),
      sortBy: (sort) => requests.next(sort),
      reset: () => {
        requests.next(null);
        problem.set('');
      },
    };
  }

  protected lines(figures: ScoreFigures): { label: string; value: string }[] {
    const { timeToFeedback, promises, silence, rejections, satisfaction } = figures;
    return [
      { label: 'Interviews with feedback', value: String(timeToFeedback.count) },
      { label: 'Median working days from interview to feedback', value: figure(timeToFeedback.medianWorkingDays) },
      { label: 'p90 working days from interview to feedback', value: figure(timeToFeedback.p90WorkingDays) },
      {
        label: 'Promises kept on date',
        value:
          promises.due === 0
            ? '–'
            : `${percent(promises.keptShare)} of ${promises.due} (${promises.redated} re-dated in time, ${promises.broken} broken)`,
      },
      { label: 'Longest silence on an open application (days)', value: figure(silence.longestDays) },
      {
        label: 'Rejections after an interview with feedback in words',
        value: rejections.afterInterview === 0 ? '–' : `${percent(rejections.share)} of ${rejections.afterInterview}`,
      },
      { label: 'Candidate cNPS', value: figure(satisfaction.cnps) },
      { label: 'Candidates who felt ghosted', value: figure(satisfaction.feltGhostedPercent, '%') },
      { label: 'Candidate answers', value: satisfaction.responses === null ? '–' : String(satisfaction.responses) },
    ];
  }

  protected readonly minResponses = SATISFACTION_MIN_RESPONSES;
  /** When the silence was measured, in the reader's zone with the zone named, as every time in the portal. */
  protected readonly measuredAt = formatShortDateTime;

  protected print(): void {
    window.print();
  }
}
