import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ScoreRow } from '@heardback/contracts';
import { SCORE_COLUMNS, ScoreSort, nextSort, sortRows } from './score-columns';

/**
 * The score per group, sortable by any column: the header's button sorts, a second click turns
 * the order round, and `aria-sort` tells a screen reader which column orders the rows.
 */
@Component({
  selector: 'hb-score-table',
  imports: [RouterLink],
  template: `
    <div class="table-scroll" role="region" [attr.aria-labelledby]="captionId()" tabindex="0">
      <table class="score-table">
        <caption [id]="captionId()">
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
            @if (reportLink()) {
              <th scope="col">Report</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of sorted(); track row.id) {
            <tr>
              @for (column of columns; track column.id; let first = $first) {
                @if (first) {
                  <th scope="row" class="score-table__name">
                    {{ row.name }}
                    @if (row.detail) {
                      <span class="score-table__detail">{{ row.detail }}</span>
                    }
                  </th>
                } @else {
                  <td>{{ column.text(row) }}</td>
                }
              }
              @if (reportLink(); as link) {
                <td>
                  <a [routerLink]="[link.base, row.id, 'print']" [queryParams]="{ month: link.month }"
                    >Monthly report<span class="visually-hidden"> for {{ row.name }}</span></a
                  >
                </td>
              }
            </tr>
          } @empty {
            <tr>
              <td [attr.colspan]="columns.length + (reportLink() ? 1 : 0)">Nothing to show for this period.</td>
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
    .table-scroll {
      overflow-x: auto;
      border: 1px solid var(--hb-border, #ccc);
      border-radius: 0.5rem;
      background: var(--hb-surface, #fff);
    }
    .table-scroll:focus-visible {
      outline: 3px solid var(--hb-focus, #1f5f8b);
    }
    .score-table {
      width: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    caption {
      text-align: left;
      padding: 0.75rem;
      font-weight: 700;
    }
    th,
    td {
      padding: 0.5rem 0.75rem;
      border-top: 1px solid var(--hb-border, #ccc);
      text-align: right;
      vertical-align: top;
    }
    th:first-child,
    .score-table__name {
      text-align: left;
      min-width: 10rem;
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
      padding: 0.5rem 0.75rem;
      border: 0;
      background: none;
      font: inherit;
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
  readonly rows = input.required<ScoreRow[]>();
  readonly caption = input.required<string>();
  readonly captionId = input('score-table-caption');
  /** Staff's client table links each client's printable month. */
  readonly reportLink = input<{ base: string; month: string } | null>(null);

  protected readonly columns = SCORE_COLUMNS;
  protected readonly sort = signal<ScoreSort>({ column: 'name', direction: 'ascending' });
  protected readonly sorted = computed(() => sortRows(this.rows(), this.sort()));

  protected sortBy(column: string): void {
    this.sort.update((current) => nextSort(current, column));
  }

  protected ariaSort(column: string): string {
    return this.sort().column === column ? this.sort().direction : 'none';
  }

  protected mark(column: string): string {
    if (this.sort().column !== column) return '';
    return this.sort().direction === 'ascending' ? '▲' : '▼';
  }
}
