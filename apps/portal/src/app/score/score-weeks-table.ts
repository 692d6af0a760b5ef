import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ScoreWeek } from '@heardback/contracts';
import { figure, percent } from './score-columns';

/**
 * The weekly trend as a table, in a region of its own that scrolls sideways when the page is
 * narrower than the table: beside the trend chart for anyone who prefers figures, and in the
 * printable client report.
 */
@Component({
  selector: 'hb-score-weeks-table',
  template: `
    <div class="figures-scroll" role="region" tabindex="0" [attr.aria-label]="label()">
      <table class="figures-table" [class]="tableClass()">
        <caption class="visually-hidden">
          {{
            label()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">Week</th>
            <th scope="col">Interviews with feedback</th>
            <th scope="col">Median working days</th>
            <th scope="col">Promises kept on date</th>
          </tr>
        </thead>
        <tbody>
          @for (week of weeks(); track week.week) {
            <tr>
              <th scope="row">{{ withStart() ? week.week + ' (' + week.startsOn + ')' : week.week }}</th>
              <td>{{ week.feedbackCount }}</td>
              <td>{{ number(week.medianWorkingDays) }}</td>
              <td>{{ week.promisesDue === 0 ? '–' : share(week.keptShare) + ' of ' + week.promisesDue }}</td>
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
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScoreWeeksTable {
  readonly weeks = input.required<ScoreWeek[]>();
  /** Names the scrolling region and the table. */
  readonly label = input.required<string>();
  /** Each week with its Monday: `2026-W49 (2026-11-30)`. */
  readonly withStart = input(false);
  readonly tableClass = input('');

  protected readonly number = figure;
  protected readonly share = percent;
}
