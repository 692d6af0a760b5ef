import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ScoreGroupSort, ScoreRow, SortDirection } from '@heardback/contracts';
import { SCORE_COLUMNS, ScoreSort, nextSort } from './score-columns';

/**
 * The score per group, sortable by any column: the header's button asks for that order (the API
 * sorts every group, not just the rows shown: ADR 0045), a second click turns it round, and
 * `aria-sort` tells a screen reader which column orders the rows. Each row carries its place
 * (`data-index`), so "Load more" can move focus to the first new one.
 */
@Component({
  selector: 'hb-score-table',
  imports: [RouterLink],
  template: `
    <!-- Shown above the box rather than as the caption, which is as wide as the table and was cut off on a phone
         while the figures scroll sideways; the caption still names the table and its region for screen readers. -->
    @if (!captionHidden()) {
      <p class="score-table__title" aria-hidden="true">{{ caption() }}</p>
    }
    <div class="table-scroll scroll-cue" role="region" [attr.aria-labelledby]="captionId()" tabindex="0">
      <table class="score-table">
        <caption [id]="captionId()" class="visually-hidden">
          {{
            caption()
          }}
        </caption>
        <thead>
          <tr>
            @for (column of columns; track column.id) {
              <th scope="col" [attr.aria-sort]="ariaSort(column.id)">
                <button type="button" class="sort-button" (click)="sortBy(column.id)">
                  {{ column.label }}
                  <span class="sort-button__mark" aria-hidden="true">{{ mark(column.id) }}</span>
                </button>
              </th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.id; let index = $index) {
            <tr [attr.data-index]="index" tabindex="-1">
              @for (column of columns; track column.id; let first = $first) {
                @if (first) {
                  <th scope="row" class="score-table__name">
                    {{ row.name }}
                    @if (row.detail && showDetail()) {
                      <span class="score-table__detail">{{ row.detail }}</span>
                    }
                    @if (reportLink(); as link) {
                      <a
                        class="score-table__report"
                        [routerLink]="[link.base, row.id, 'print']"
                        [queryParams]="{ month: link.month, back: link.back || null }"
                        >Monthly report<span class="visually-hidden"> for {{ row.name }}</span></a
                      >
                    }
                  </th>
                } @else {
                  <td>{{ column.text(row) }}</td>
                }
              }
            </tr>
          } @empty {
            <tr>
              <td class="score-table__empty" [attr.colspan]="columns.length">Nothing to show for this period.</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    /*
     * Eleven columns outgrow the page's reading column: on a wide screen the table takes up to 76rem, centred
     * on the page, so a laptop shows every figure without scrolling sideways. Narrower, it scrolls in its box.
     */
    @media screen and (min-width: 60rem) {
      :host {
        --score-table-half: min(38rem, 50vw - var(--hb-gutter, 1rem) - 0.5rem);
        margin-inline: calc(50% - var(--score-table-half));
      }
    }
    .table-scroll {
      overflow-x: auto;
      border: 1px solid var(--hb-border, #ccc);
      border-radius: 0.5rem;
    }
    .table-scroll:focus-visible {
      outline: 3px solid var(--hb-focus, #1f5f8b);
    }
    .score-table {
      width: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    .score-table__title {
      margin: 0 0 0.5rem;
      font-weight: 700;
    }
    th,
    td {
      padding: 0.5rem 0.625rem;
      border-top: 1px solid var(--hb-border, #ccc);
      text-align: right;
      vertical-align: top;
    }
    th:first-child,
    .score-table__name,
    .score-table__empty {
      text-align: left;
      min-width: 10rem;
    }
    /* The names stay in view while the figures scroll sideways (eleven columns outgrow a laptop's page). */
    thead th:first-child,
    .score-table__name {
      position: sticky;
      left: 0;
      z-index: 1;
      background: var(--hb-surface, #fff);
      box-shadow: 1px 0 0 var(--hb-border, #ccc);
    }
    .score-table__report {
      display: block;
      margin-top: 0.25rem;
      font-weight: 400;
      font-size: 0.875rem;
    }
    thead th {
      padding: 0;
      vertical-align: bottom;
    }
    .sort-button {
      display: inline-flex;
      gap: 0.25rem;
      align-items: flex-end;
      min-height: 2.75rem;
      width: 100%;
      justify-content: inherit;
      padding: 0.5rem 0.625rem;
      border: 0;
      background: none;
      font: inherit;
      font-size: 0.9375rem;
      font-weight: 700;
      color: var(--hb-link);
      text-align: inherit;
      cursor: pointer;
    }
    .sort-button__mark {
      min-width: 1ch;
    }
    .score-table__detail {
      display: block;
      color: var(--hb-text-muted);
      font-weight: 400;
      font-size: 0.9375rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScoreTable {
  /** The rows in the order the API gave them. */
  readonly rows = input.required<ScoreRow[]>();
  /** The order they are in. */
  readonly sort = input.required<ScoreSort>();
  /** A header was clicked: the order asked for. */
  readonly sortChange = output<ScoreSort>();
  readonly caption = input.required<string>();
  readonly captionId = input('score-table-caption');
  /** Where a heading above already names the table, the caption is for screen readers only. */
  readonly captionHidden = input(false);
  /** Whether a row's name carries what tells it apart (its client): not in one client's own report. */
  readonly showDetail = input(true);
  /** Staff's client table links each client's printable month. */
  readonly reportLink = input<{ base: string; month: string; back: string } | null>(null);

  protected readonly columns = SCORE_COLUMNS;

  protected sortBy(column: ScoreGroupSort): void {
    this.sortChange.emit(nextSort(this.sort(), column));
  }

  protected ariaSort(column: ScoreGroupSort): string {
    if (this.sort().column !== column) return 'none';
    return this.sort().direction === SortDirection.Asc ? 'ascending' : 'descending';
  }

  protected mark(column: ScoreGroupSort): string {
    if (this.sort().column !== column) return '';
    return this.sort().direction === SortDirection.Asc ? '▲' : '▼';
  }
}
