import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { ScoreBucket, ScoreWeek } from '@heardback/contracts';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import { distributionSummary, trendSummary } from './score-chart-summaries';
import { LongerPeriod, ScoreTrendNote } from './score-trend-note';
import { ScoreWeeksTable } from './score-weeks-table';

// Only what the two charts draw, so the lazy score chunk carries no more of chart.js than it needs.
Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);

const ACCENT = '#1f5f8b';
const SECOND = '#b4541a';

/** Whether this browser can draw on a canvas (a test's DOM cannot): without it the tables carry the figures. */
function drawable(canvas: HTMLCanvasElement): boolean {
  try {
    return typeof canvas.getContext === 'function' && !!canvas.getContext('2d');
  } catch {
    return false;
  }
}

/**
 * The score's two charts (chart.js, ADR 0033): the weekly trend of time to feedback and promises
 * kept, and how long interviews waited for feedback. Each canvas is an image with a short label;
 * the figures it draws are in a table beside it, for screen readers and for anyone who prefers them.
 */
@Component({
  selector: 'hb-score-charts',
  imports: [ScoreTrendNote, ScoreWeeksTable],
  template: `
    <div class="charts">
      <figure class="chart panel">
        <figcaption class="chart__caption" id="trend-caption">
          Median working days to feedback, and promises kept on date, week by week
        </figcaption>
        @if (drawsTrend()) {
          <div class="chart__canvas">
            <canvas
              #trendCanvas
              role="img"
              aria-labelledby="trend-caption"
              [attr.aria-describedby]="'trend-summary'"
            ></canvas>
          </div>
          <p class="chart__summary" id="trend-summary">{{ trendSummary() }}</p>
        } @else {
          <hb-score-trend-note
            id="trend-summary"
            [week]="trend().at(0) ?? null"
            [longer]="longer()"
            (showLonger)="showLonger.emit()"
          />
        }
        <details class="chart__table" [open]="!drawsTrend()">
          <summary>The weekly figures as a table</summary>
          <hb-score-weeks-table [weeks]="trend()" label="Weekly trend" [withStart]="true" />
        </details>
      </figure>

      <figure class="chart panel">
        <figcaption class="chart__caption" id="distribution-caption">
          How long interviews waited for feedback, in working days
        </figcaption>
        <div class="chart__canvas">
          <canvas
            #distributionCanvas
            role="img"
            aria-labelledby="distribution-caption"
            aria-describedby="distribution-summary"
          ></canvas>
        </div>
        <p class="chart__summary" id="distribution-summary">{{ distributionSummary() }}</p>
        <details class="chart__table">
          <summary>The distribution as a table</summary>
          <div class="figures-scroll" role="region" tabindex="0" aria-label="Time to feedback">
            <table class="figures-table">
              <caption class="visually-hidden">
                Time to feedback
              </caption>
              <thead>
                <tr>
                  <th scope="col">Working days</th>
                  <th scope="col">Interviews</th>
                </tr>
              </thead>
              <tbody>
                @for (bucket of distribution(); track bucket.label) {
                  <tr>
                    <th scope="row">{{ bucket.label }}</th>
                    <td>{{ bucket.count }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </details>
      </figure>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .charts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 28rem), 1fr));
      gap: 1rem;
    }
    .chart {
      margin: 0;
      min-width: 0;
    }
    .chart__caption {
      font-weight: 700;
      margin-bottom: 0.5rem;
    }
    .chart__canvas {
      position: relative;
      height: 16rem;
    }
    .chart__summary {
      margin: 0.5rem 0 0;
      color: var(--hb-text-muted);
    }
    .chart__table summary {
      min-height: 2.75rem;
      padding: 0.5rem 0;
      color: var(--hb-link);
      font-weight: 600;
      cursor: pointer;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScoreCharts {
  readonly trend = input.required<ScoreWeek[]>();
  readonly distribution = input.required<ScoreBucket[]>();
  /** A longer period to offer when this one is too short for a trend: the 90 days to its last day. */
  readonly longer = input<LongerPeriod | null>(null);
  readonly showLonger = output<void>();

  /** A line needs two weeks: one week would be a lone dot, which tells the reader nothing. */
  protected readonly drawsTrend = computed(() => this.trend().length >= 2);
  private readonly trendCanvas = viewChild<ElementRef<HTMLCanvasElement>>('trendCanvas');
  private readonly distributionCanvas = viewChild.required<ElementRef<HTMLCanvasElement>>('distributionCanvas');
  private trendChart: Chart | null = null;
  private distributionChart: Chart | null = null;

  protected readonly trendSummary = computed(() => trendSummary(this.trend()));
  protected readonly distributionSummary = computed(() => distributionSummary(this.distribution()));

  constructor() {
    const injector = inject(Injector);
    // Drawn once the canvases are in the page, and again whenever the figures change. (effect and
    // afterNextRender, not afterRenderEffect: the framework code for that would land in the initial bundle.)
    effect(() => {
      const trend = this.trend();
      const distribution = this.distribution();
      afterNextRender(
        () => {
          this.drawTrend(trend);
          this.drawDistribution(distribution);
        },
        { injector },
      );
    });
    inject(DestroyRef).onDestroy(() => {
      this.trendChart?.destroy();
      this.distributionChart?.destroy();
    });
  }

  private drawTrend(weeks: ScoreWeek[]): void {
    const canvas = this.trendCanvas()?.nativeElement;
    if (!canvas || !drawable(canvas)) {
      // No canvas (too short a period): a chart drawn on the one before goes with it.
      this.trendChart?.destroy();
      this.trendChart = null;
      return;
    }
    this.trendChart?.destroy();
    this.trendChart = new Chart(canvas, {
      type: 'line',
      data: {
        labels: weeks.map((week) => week.week),
        datasets: [
          {
            label: 'Median working days to feedback',
            data: weeks.map((week) => week.medianWorkingDays),
            borderColor: ACCENT,
            backgroundColor: ACCENT,
            yAxisID: 'days',
            spanGaps: true,
          },
          {
            label: 'Promises kept on date (%)',
            data: weeks.map((week) => (week.keptShare === null ? null : Math.round(week.keptShare * 1000) / 10)),
            borderColor: SECOND,
            backgroundColor: SECOND,
            borderDash: [6, 4],
            yAxisID: 'percent',
            spanGaps: true,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          days: { type: 'linear', position: 'left', beginAtZero: true, title: { display: true, text: 'Working days' } },
          percent: {
            type: 'linear',
            position: 'right',
            min: 0,
            max: 100,
            grid: { drawOnChartArea: false },
            title: { display: true, text: 'Kept %' },
          },
        },
      },
    });
  }

  private drawDistribution(buckets: ScoreBucket[]): void {
    const canvas = this.distributionCanvas().nativeElement;
    if (!drawable(canvas)) return;
    this.distributionChart?.destroy();
    this.distributionChart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: buckets.map((bucket) => bucket.label),
        datasets: [{ label: 'Interviews', data: buckets.map((bucket) => bucket.count), backgroundColor: ACCENT }],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: {
          x: { title: { display: true, text: 'Working days from interview end to feedback' } },
          y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Interviews' } },
        },
      },
    });
  }
}
