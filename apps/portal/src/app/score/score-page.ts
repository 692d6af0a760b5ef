import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { Router } from '@angular/router';
import {
  SATISFACTION_MIN_RESPONSES,
  ScoreGrouping,
  ScoreGroupsPage,
  ScoreGroupsQuery,
  ScoreTable as ScoreCsvTable,
} from '@heardback/contracts';
import { NOW } from '../core/date-time';
import { focusLater } from '../core/focus-later';
import { LoadMore, loadMore } from '../core/load-more';
import { LoadState } from '../core/load-state';
import { countOf, pageData } from '../core/loadable';
import { shownOfTotal } from '../core/shown-of-total';
import { ScoreApi, scoreCsvUrl } from './score-api';
import { ScoreCharts } from './score-charts';
import { ScoreSort, figure, percent, sameSort, satisfactionText } from './score-columns';
import {
  ScoreArea,
  ScoreView,
  offersGrouping,
  samePeriod,
  scoreBackValue,
  scoreUrlOf,
  scoreViewFromUrl,
} from './score-page-url';
import { PERIOD_CHOICES, PeriodChoice, monthOf, ninetyDaysTo, periodProblem, presetPeriod } from './score-period';
import { ScoreTable } from './score-table';
import { LongerPeriod } from './score-trend-note';

export const GROUPINGS: readonly { value: ScoreGrouping; label: string; noun: string; plural: string }[] = [
  { value: ScoreGrouping.Recruiter, label: 'Recruiters', noun: 'recruiter', plural: 'recruiters' },
  { value: ScoreGrouping.Client, label: 'Clients', noun: 'client', plural: 'clients' },
  {
    value: ScoreGrouping.Interviewer,
    label: 'Client interviewers',
    noun: 'client interviewer',
    plural: 'client interviewers',
  },
  { value: ScoreGrouping.Job, label: 'Jobs', noun: 'job', plural: 'jobs' },
];

/**
 * /staff/score and /recruiter/score: how well the agency keeps its promise over a period (ADR 0033).
 * Staff see everyone; a recruiter sees the same page over their own work. The period, the grouping
 * and the table's order are kept in the URL.
 */
@Component({
  selector: 'hb-score-page',
  imports: [LoadMore, LoadState, ScoreCharts, ScoreTable],
  templateUrl: './score-page.html',
  styleUrl: './score-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScorePage {
  private readonly api = inject(ScoreApi);
  private readonly router = inject(Router);
  private readonly now = inject(NOW);

  /** From the route's data: which area the page is in. */
  readonly area = input<ScoreArea>('recruiter');
  /** The URL's query (score-page-url.ts): the view to show, from a reload or a shared link. */
  readonly period = input('');
  readonly from = input('');
  readonly to = input('');
  readonly by = input('');
  readonly sort = input('');
  readonly direction = input('');

  protected readonly choices = PERIOD_CHOICES;
  protected readonly groupings = GROUPINGS;
  protected readonly minResponses = SATISFACTION_MIN_RESPONSES;
  protected readonly csvTables = [
    { table: ScoreCsvTable.Groups, label: 'Export the table (CSV)' },
    { table: ScoreCsvTable.Trend, label: 'Export the weekly trend (CSV)' },
    { table: ScoreCsvTable.Distribution, label: 'Export the distribution (CSV)' },
  ];

  /**
   * What is on screen: the URL's view, changed here at once when the reader chooses (and then written
   * into the URL, which gives the same view back); another address (the nav link) starts it afresh.
   */
  private readonly view = linkedSignal<ScoreView>(() =>
    scoreViewFromUrl(
      {
        period: this.period(),
        from: this.from(),
        to: this.to(),
        by: this.by(),
        sort: this.sort(),
        direction: this.direction(),
      },
      this.area(),
      this.now(),
    ),
  );
  /** The period shown; the radios may say "Custom" while two days are being typed. */
  protected readonly shownPeriod = computed(() => this.view().period, { equal: samePeriod });
  private readonly shownChoice = computed(() => this.view().choice);
  protected readonly choice = linkedSignal(() => this.shownChoice());
  protected readonly customFrom = linkedSignal(() => this.shownPeriod().from);
  protected readonly customTo = linkedSignal(() => this.shownPeriod().to);
  protected readonly customProblem = signal('');
  protected readonly shownBy = computed(() => this.view().by);
  /** The table's order: the API sorts every group and pages them (ADR 0045). */
  protected readonly tableSort = computed(() => this.view().sort, { equal: sameSort });

  /** The figures and the trend: the period's alone, whichever table is shown. */
  protected readonly report = pageData({
    key: () => this.shownPeriod(),
    request: (period) => this.api.report(period),
    loaded: () => {
      if (!this.focusChartsWhenLoaded) return;
      this.focusChartsWhenLoaded = false;
      this.focus('#score-charts-title');
    },
  });
  private readonly focus = focusLater();
  private focusChartsWhenLoaded = false;
  /** Too short a period for a trend (one week) is offered the 90 days to its last day. */
  protected readonly longerPeriod = computed<LongerPeriod>(() => {
    const { to } = this.shownPeriod();
    return { to, endsToday: to === presetPeriod('this-month', this.now()).to };
  });

  private readonly groupsQuery = computed<ScoreGroupsQuery>(() => ({
    ...this.shownPeriod(),
    grouping: this.shownBy(),
    sort: this.tableSort().column,
    direction: this.tableSort().direction,
  }));
  protected readonly groups = pageData({
    key: () => this.groupsQuery(),
    request: (query) => this.api.groups(query),
    loaded: () => this.more.reset(),
  });
  protected readonly more = loadMore(this.groups, (cursor) => this.api.groups({ ...this.groupsQuery(), cursor }));
  /**
   * The table on screen: the last one loaded stays while another order or grouping is on its way, so
   * the header just clicked keeps focus and the page does not jump.
   */
  protected readonly table = linkedSignal<
    { page: ScoreGroupsPage | null; grouping: ScoreGrouping },
    ScoreGroupsPage | null
  >({
    source: () => ({ page: this.groups.value(), grouping: this.shownBy() }),
    // Another grouping's rows are never shown under this one's caption and links.
    computation: ({ page, grouping }, previous) =>
      page ?? (previous?.value?.grouping === grouping ? previous.value : null),
  });
  private readonly groupingWords = computed(
    () => this.groupings.find((g) => g.value === this.shownBy()) ?? this.groupings[0],
  );
  protected readonly groupingPlural = computed(() => this.groupingWords().plural);
  /** "12 jobs in this period": the API's count of every group, not the rows shown. */
  protected readonly tableCount = computed(() => {
    const { noun, plural } = this.groupingWords();
    const total = this.table()?.total ?? 0;
    return `${shownOfTotal(total, total, noun, `No ${plural}`, plural)} in this period`;
  });

  protected readonly visibleGroupings = computed(() =>
    this.groupings.filter((g) => offersGrouping(this.area(), g.value)),
  );
  protected readonly groupingLabel = computed(() => this.groupingWords().label);
  protected readonly reportLink = computed(() =>
    this.area() === 'staff' && this.shownBy() === ScoreGrouping.Client
      ? {
          base: '/staff/score/clients',
          month: monthOf(this.shownPeriod()),
          // The report's "Back to the score" returns to this view.
          back: scoreBackValue(scoreUrlOf(this.view(), this.area())),
        }
      : null,
  );

  protected readonly number = figure;
  protected readonly share = percent;
  protected readonly satisfaction = satisfactionText;
  protected readonly answerCount = (count: number) => countOf(count, 'answer', 'No answers');

  protected csvUrl(table: ScoreCsvTable): string {
    const order =
      table === ScoreCsvTable.Groups ? { sort: this.tableSort().column, direction: this.tableSort().direction } : {};
    return scoreCsvUrl({ ...this.shownPeriod(), by: this.shownBy(), ...order }, table);
  }

  protected choose(choice: PeriodChoice): void {
    this.choice.set(choice);
    this.customProblem.set('');
    if (choice !== 'custom') this.show({ choice, period: presetPeriod(choice, this.now()) });
  }

  protected onCustom(which: 'from' | 'to', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    (which === 'from' ? this.customFrom : this.customTo).set(value);
    this.customProblem.set('');
  }

  protected showCustom(event: Event): void {
    event.preventDefault();
    const period = { from: this.customFrom(), to: this.customTo() };
    const problem = periodProblem(period);
    this.customProblem.set(problem);
    if (!problem) this.show({ choice: 'custom', period });
  }

  /** The trend's offer was taken: the longer period, and the reader back at the charts once it is in. */
  protected showLongerPeriod(): void {
    const { to, endsToday } = this.longerPeriod();
    this.customProblem.set('');
    this.focusChartsWhenLoaded = true;
    this.show(
      endsToday
        ? { choice: 'last-90-days', period: presetPeriod('last-90-days', this.now()) }
        : { choice: 'custom', period: ninetyDaysTo(to) },
    );
  }

  protected group(by: ScoreGrouping): void {
    this.show({ by });
  }

  protected sortBy(sort: ScoreSort): void {
    this.show({ sort });
  }

  /**
   * Shows another view at once and writes it into the URL in place of the one before (replaceUrl, as
   * the client report does), so a reload or a shared link shows it again; Back leaves the page.
   */
  private show(change: Partial<ScoreView>): void {
    const view = { ...this.view(), ...change };
    this.view.set(view);
    void this.router.navigate([], {
      queryParams: scoreUrlOf(view, this.area()),
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  /** Arrow keys move along the tabs, as a tab list does. */
  protected onTabKey(event: KeyboardEvent, index: number): void {
    const tabs = this.visibleGroupings();
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length];
    this.group(next.value);
    const target = (event.currentTarget as HTMLElement).parentElement?.querySelector<HTMLElement>(
      `#score-tab-${next.value}`,
    );
    target?.focus();
  }
}
