import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { EMPTY } from 'rxjs';
import { ClientMonthlyScore, ScoreFigures, ScoreGrouping, ScoreGroupsPage } from '@heardback/contracts';
import { LoadMore, LoadMoreControl, loadMore } from '../core/load-more';
import { LoadState } from '../core/load-state';
import { pageData } from '../core/loadable';
import { shownOfTotal } from '../core/shown-of-total';
import { ScoreApi } from './score-api';
import { SCORE_COLUMNS, figure, percent } from './score-columns';
import { ScoreWeeksTable } from './score-weeks-table';

/** "November 2026" for 2026-11. */
export function monthName(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, monthNumber - 1, 1)),
  );
}

/** The month before or after (yyyy-mm). */
export function shiftMonth(month: string, by: number): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Date(Date.UTC(year, monthNumber - 1 + by, 1)).toISOString().slice(0, 7);
}

/** One of the report's two paged tables: its words, and where its rows and its "Load more" come from. */
interface ReportTable {
  id: string;
  title: string;
  caption: string;
  noun: string;
  plural: string;
  empty: string;
  page: ScoreGroupsPage;
  more: LoadMoreControl;
}

/**
 * /staff/score/clients/:id/print?month=yyyy-mm: one client's month on paper, to send to the
 * client: the promise as their interviewers kept it. The charts' figures are printed as tables.
 * Its interviewers and jobs come a page at a time (ADR 0047): "Load more" reads the next from the
 * group tables filtered to the client, and each table says how many of how many it holds, on paper too.
 */
@Component({
  selector: 'hb-client-report-page',
  imports: [LoadMore, LoadState, RouterLink, ScoreWeeksTable],
  template: `
    <hb-load-state [state]="report.state()" what="the client report" (retry)="report.reload()">
      <p hbNotFound class="notice notice--error" role="alert">There is no such client, or the month is not valid.</p>
      @if (report.value(); as month) {
        <article class="client-report">
          <div class="client-report__actions no-print">
            <a routerLink="/staff/score">Back to the score</a>
            <a [routerLink]="[]" [queryParams]="{ month: previous() }">Previous month</a>
            <a [routerLink]="[]" [queryParams]="{ month: next() }">Next month</a>
            <button class="button" type="button" (click)="print()">Print</button>
          </div>
          <h1 class="page-title">{{ month.client.name }}: Heardback score for {{ title() }}</h1>
          <p class="client-report__lead">
            From {{ month.from }} to {{ month.to }}, in working days. Longest silence is measured at
            {{ month.at.slice(0, 16).replace('T', ' ') }} UTC.
          </p>

          <h2 class="section-title">The month</h2>
          <table class="report-table">
            <tbody>
              @for (line of lines(month.overall); track line.label) {
                <tr>
                  <th scope="row">{{ line.label }}</th>
                  <td>{{ line.value }}</td>
                </tr>
              }
            </tbody>
          </table>

          @for (group of groups(month); track group.id) {
            <section class="client-report__table" [id]="group.id" [attr.aria-labelledby]="group.id + '-title'">
              <h2 class="section-title" [id]="group.id + '-title'">{{ group.title }}</h2>
              @if (group.page.total > 0) {
                <p class="client-report__count">
                  {{ count(group) }}
                  @if (group.page.items.length < group.page.total) {
                    <span class="no-print">Load more below to print them all.</span>
                  }
                </p>
              }
              <div class="figures-scroll" role="region" tabindex="0" [attr.aria-label]="group.caption">
                <table class="report-table">
                  <caption class="visually-hidden">
                    {{
                      group.caption
                    }}
                  </caption>
                  <thead>
                    <tr>
                      @for (column of columns; track column.id) {
                        <th scope="col">{{ column.label }}</th>
                      }
                    </tr>
                  </thead>
                  <tbody>
                    @for (row of group.page.items; track row.id; let index = $index) {
                      <tr [attr.data-index]="index" tabindex="-1">
                        @for (column of columns; track column.id) {
                          <td>{{ column.text(row) }}</td>
                        }
                      </tr>
                    } @empty {
                      <tr>
                        <td [attr.colspan]="columns.length">{{ group.empty }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
              <hb-load-more class="no-print" [more]="group.more" [what]="group.plural" />
            </section>
          }

          <h2 class="section-title">Week by week</h2>
          <hb-score-weeks-table [weeks]="month.trend" label="Week by week" tableClass="report-table" />

          <h2 class="section-title">How long feedback took</h2>
          <div class="figures-scroll" role="region" tabindex="0" aria-label="How long feedback took">
            <table class="report-table">
              <thead>
                <tr>
                  @for (bucket of month.distribution; track bucket.label) {
                    <th scope="col">{{ bucket.label }} working days</th>
                  }
                </tr>
              </thead>
              <tbody>
                <tr>
                  @for (bucket of month.distribution; track bucket.label) {
                    <td>{{ bucket.count }}</td>
                  }
                </tr>
              </tbody>
            </table>
          </div>
        </article>
      }
    </hb-load-state>
  `,
  styles: `
    .client-report {
      display: grid;
      gap: 0.75rem;
      max-width: 72rem;
    }
    .client-report__actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 1rem;
    }
    .client-report {
      /* A grid item as wide as the page at most: a wide table scrolls in its own region. */
      min-width: 0;
      grid-template-columns: minmax(0, 1fr);
    }
    .client-report__lead,
    .client-report__count {
      margin: 0;
      color: var(--hb-text-muted);
    }
    .client-report__table {
      display: grid;
      gap: 0.5rem;
      min-width: 0;
    }
    .client-report__table .section-title {
      margin: 0;
    }
    .report-table {
      width: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    .report-table th,
    .report-table td {
      padding: 0.375rem 0.5rem;
      border-bottom: 1px solid var(--hb-border, #ccc);
      text-align: left;
    }
    @media print {
      .site-header,
      .agency-nav,
      .skip-link,
      .page-notice,
      hb-demo-banner,
      .no-print {
        display: none !important;
      }
      body {
        background: #fff;
        color: #000;
        font-size: 10pt;
      }
      .client-report {
        max-width: none;
      }
      .report-table {
        page-break-inside: avoid;
      }
      .report-table th,
      .report-table td {
        border-bottom: 1px solid #999;
      }
      a {
        color: #000;
        text-decoration: none;
      }
    }
  `,
  // The print rules hide the app's own header and the agency navigation, outside this component.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientReportPage {
  private readonly api = inject(ScoreApi);

  /** The client's id and the month, from the URL. */
  readonly id = input.required<string>();
  readonly month = input<string>('');

  protected readonly columns = SCORE_COLUMNS;

  protected readonly chosenMonth = computed(() => this.month() || new Date().toISOString().slice(0, 7));
  protected readonly title = computed(() => monthName(this.chosenMonth()));
  protected readonly previous = computed(() => shiftMonth(this.chosenMonth(), -1));
  protected readonly next = computed(() => shiftMonth(this.chosenMonth(), 1));

  protected readonly report = pageData({
    key: () => ({ id: this.id(), month: this.chosenMonth() }),
    request: ({ id, month }) => this.api.clientMonth(id, month),
    notFound: true,
    loaded: () => {
      this.moreInterviewers.reset();
      this.moreJobs.reset();
    },
  });

  protected readonly moreInterviewers = this.pagedTable('interviewers', ScoreGrouping.Interviewer);
  protected readonly moreJobs = this.pagedTable('jobs', ScoreGrouping.Job);

  /** The month per interviewer and per job: the same columns, each with its own words when empty. */
  protected groups(month: ClientMonthlyScore): ReportTable[] {
    return [
      {
        id: 'report-interviewers',
        title: 'Interviewers',
        caption: 'By interviewer',
        noun: 'interviewer',
        plural: 'interviewers',
        empty: 'No interviewer of this client gave feedback through their link this month.',
        page: month.interviewers,
        more: this.moreInterviewers,
      },
      {
        id: 'report-jobs',
        title: 'Jobs',
        caption: 'By job',
        noun: 'job',
        plural: 'jobs',
        empty: "Nothing happened on this client's jobs this month.",
        page: month.jobs,
        more: this.moreJobs,
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
      },
      (cursor) => {
        const month = this.report.value();
        if (!month) return EMPTY;
        const { from, to, client } = month;
        return this.api.groups({ from, to, grouping, client: client.id, cursor });
      },
      { within: `#report-${table}` },
    );
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
      { label: 'Candidate answers', value: String(satisfaction.responses) },
    ];
  }

  protected print(): void {
    window.print();
  }
}
