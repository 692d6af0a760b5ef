import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import {
  SATISFACTION_MIN_RESPONSES,
  ScoreGrouping,
  ScoreGroupsPage,
  ScoreGroupsQuery,
  ScoreTable as ScoreCsvTable,
} from '@heardback/contracts';
import { NOW } from '../core/date-time';
import { LoadMore, loadMore } from '../core/load-more';
import { LoadState } from '../core/load-state';
import { pageData } from '../core/loadable';
import { shownOfTotal } from '../core/shown-of-total';
import { ScoreApi, scoreCsvUrl } from './score-api';
import { ScoreCharts } from './score-charts';
import { FIRST_SORT, ScoreSort, figure, percent, satisfactionText } from './score-columns';
import { PERIOD_CHOICES, Period, PeriodChoice, monthOf, periodProblem, presetPeriod } from './score-period';
import { ScoreTable } from './score-table';

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
 * Staff see everyone; a recruiter sees the same page over their own work.
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
  private readonly now = inject(NOW);

  /** From the route's data: which area the page is in. */
  readonly area = input<'staff' | 'recruiter'>('recruiter');

  protected readonly choices = PERIOD_CHOICES;
  protected readonly groupings = GROUPINGS;
  protected readonly minResponses = SATISFACTION_MIN_RESPONSES;
  protected readonly csvTables = [
    { table: ScoreCsvTable.Groups, label: 'Export the table (CSV)' },
    { table: ScoreCsvTable.Trend, label: 'Export the weekly trend (CSV)' },
    { table: ScoreCsvTable.Distribution, label: 'Export the distribution (CSV)' },
  ];

  protected readonly choice = signal<PeriodChoice>('this-month');
  protected readonly period = signal<Period>(presetPeriod('this-month', this.now()));
  protected readonly customFrom = signal(this.period().from);
  protected readonly customTo = signal(this.period().to);
  protected readonly customProblem = signal('');
  private readonly chosenBy = signal<ScoreGrouping | null>(null);
  /** Staff start with the recruiters; a recruiter, whose recruiter table is their own row, with clients. */
  protected readonly by = computed(
    () => this.chosenBy() ?? (this.area() === 'staff' ? ScoreGrouping.Recruiter : ScoreGrouping.Client),
  );

  /** The figures and the trend: the period's alone, whichever table is shown. */
  protected readonly report = pageData({ key: () => this.period(), request: (period) => this.api.report(period) });

  /** The table's order: the API sorts every group and pages them (ADR 0045). */
  protected readonly sort = signal<ScoreSort>(FIRST_SORT);
  private readonly groupsQuery = computed<ScoreGroupsQuery>(() => ({
    ...this.period(),
    grouping: this.by(),
    sort: this.sort().column,
    direction: this.sort().direction,
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
    source: () => ({ page: this.groups.value(), grouping: this.by() }),
    // Another grouping's rows are never shown under this one's caption and links.
    computation: ({ page, grouping }, previous) =>
      page ?? (previous?.value?.grouping === grouping ? previous.value : null),
  });
  private readonly grouping = computed(() => this.groupings.find((g) => g.value === this.by()) ?? this.groupings[0]);
  protected readonly groupingPlural = computed(() => this.grouping().plural);
  /** "12 jobs in this period": the API's count of every group, not the rows shown. */
  protected readonly tableCount = computed(() => {
    const { noun, plural } = this.grouping();
    const total = this.table()?.total ?? 0;
    return `${shownOfTotal(total, total, noun, `No ${plural}`, plural)} in this period`;
  });

  protected readonly visibleGroupings = computed(() =>
    // A recruiter's recruiter table is their own row, the same as the figures above it.
    this.area() === 'staff' ? this.groupings : this.groupings.filter((g) => g.value !== ScoreGrouping.Recruiter),
  );
  protected readonly groupingLabel = computed(() => this.groupings.find((g) => g.value === this.by())?.label ?? '');
  protected readonly reportLink = computed(() =>
    this.area() === 'staff' && this.by() === ScoreGrouping.Client
      ? { base: '/staff/score/clients', month: monthOf(this.period()) }
      : null,
  );

  protected readonly number = figure;
  protected readonly share = percent;
  protected readonly satisfaction = satisfactionText;

  protected csvUrl(table: ScoreCsvTable): string {
    return scoreCsvUrl({ ...this.period(), by: this.by() }, table);
  }

  protected choose(choice: PeriodChoice): void {
    this.choice.set(choice);
    this.customProblem.set('');
    if (choice !== 'custom') this.period.set(presetPeriod(choice, this.now()));
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
    if (!problem) this.period.set(period);
  }

  protected group(by: ScoreGrouping): void {
    this.chosenBy.set(by);
  }

  /** Arrow keys move along the tabs, as a tab list does. */
  protected onTabKey(event: KeyboardEvent, index: number): void {
    const tabs = this.visibleGroupings();
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length];
    this.chosenBy.set(next.value);
    const target = (event.currentTarget as HTMLElement).parentElement?.querySelector<HTMLElement>(
      `#score-tab-${next.value}`,
    );
    target?.focus();
  }
}
