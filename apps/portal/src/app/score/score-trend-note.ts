import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { ScoreWeek } from '@heardback/contracts';

/** The longer period the note offers: the 90 days to `to`, "the last 90 days" when `to` is today. */
export interface LongerPeriod {
  to: string;
  endsToday: boolean;
}

/**
 * In place of the trend chart when the period falls within one week: one week would be one lone dot,
 * which shows no trend, so the note says why there is no line and offers the weeks that would draw one.
 */
@Component({
  selector: 'hb-score-trend-note',
  template: `
    @if (week(); as week) {
      <p>
        A trend needs at least two weeks, and this period falls within one, the week starting
        {{ week.startsOn }}: there is no line to draw yet. Its figures are in the table below.
      </p>
    } @else {
      <p>A trend needs at least two weeks: there is no line to draw yet.</p>
    }
    @if (longer(); as offer) {
      <button type="button" class="button button--secondary" (click)="showLonger.emit()">
        @if (offer.endsToday) {
          Show the last 90 days
        } @else {
          Show the 90 days to {{ offer.to }}
        }
      </button>
    }
  `,
  styles: `
    :host {
      display: grid;
      align-content: center;
      justify-items: start;
      gap: 0.75rem;
      min-height: 12rem;
      padding: 1rem;
      border: 1px dashed var(--hb-border, #ccc);
      border-radius: 0.5rem;
    }
    p {
      margin: 0;
      max-width: 36rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScoreTrendNote {
  /** The one week the period falls within. */
  readonly week = input.required<ScoreWeek | null>();
  readonly longer = input<LongerPeriod | null>(null);
  readonly showLonger = output<void>();
}
