import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { FeedbackQueueItem } from '@heardback/contracts';
import { AttentionList } from './attention-list';
import { RecruiterApi } from './recruiter-api';
import { LoadMore, loadMore } from '../core/load-more';
import { NOW, deadlineInWords, formatShortDateTime } from '../core/date-time';
import { pageData, statusLine } from '../core/loadable';
import { LoadState } from '../core/load-state';
import { RefreshBar } from '../core/refresh-bar';
import { Choice, ChoiceField } from '../core/choice-field';

type Whose = 'all' | 'mine';

export interface QueueRow {
  item: FeedbackQueueItem;
  overdue: boolean;
  deadline: string;
  ended: string;
  due: string;
}

/**
 * The rows in the API's order, which pages keep: a stage with no deadline first, then the one
 * due longest ago (overdue ones before those still to come).
 */
export function queueRows(items: readonly FeedbackQueueItem[], now: Date): QueueRow[] {
  return items.map((item): QueueRow => {
    const overdue =
      item.overdue || (item.feedbackDueAt !== null && new Date(item.feedbackDueAt).getTime() < now.getTime());
    return {
      item,
      overdue,
      deadline: deadlineInWords(item.feedbackDueAt, now),
      ended: item.endedAt ? formatShortDateTime(item.endedAt) : 'Not recorded',
      due: item.feedbackDueAt ? formatShortDateTime(item.feedbackDueAt) : 'No deadline',
    };
  });
}

/** The status line: how many need feedback in all, and how many are shown while more can be loaded. */
export function queueStatus(rows: readonly QueueRow[], total: number, mine: boolean): string {
  if (total === 0) return mine ? 'None of your interviews needs feedback.' : 'No feedback is due.';
  const interviews = total === 1 ? '1 interview needs' : `${total.toLocaleString('en-GB')} interviews need`;
  if (rows.length < total) return `${interviews} feedback; the ${rows.length} due longest ago are shown`;
  const overdue = rows.filter((row) => row.overdue).length;
  return overdue > 0 ? `${interviews} feedback, ${overdue} overdue` : `${interviews} feedback`;
}

/** The recruiter's home: the interviews whose feedback is due, due longest ago first, a page at a time. */
@Component({
  selector: 'hb-feedback-queue',
  imports: [LoadMore, LoadState, RefreshBar, RouterLink, AttentionList, ChoiceField],
  templateUrl: './feedback-queue.html',
  styleUrl: './feedback-queue.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FeedbackQueue {
  private readonly api = inject(RecruiterApi);
  private readonly now = inject(NOW);

  protected readonly whoseChoices: Choice<Whose>[] = [
    { value: 'all', label: 'Everyone’s', hint: 'All waiting' },
    { value: 'mine', label: 'Only yours', hint: 'Including given to you' },
  ];
  protected readonly whose = new FormControl<Whose>('all', { nonNullable: true });
  private readonly onlyMine = toSignal(this.whose.valueChanges, { initialValue: this.whose.value });

  protected readonly queue = pageData({
    key: () => this.onlyMine() === 'mine',
    request: (mine: boolean) => this.api.feedbackQueue(mine),
    loaded: () => this.more.reset(),
  });
  protected readonly more = loadMore(this.queue, (cursor) =>
    this.api.feedbackQueue(this.onlyMine() === 'mine', cursor),
  );
  protected readonly rows = computed(() => queueRows(this.queue.value()?.items ?? [], this.now()));
  protected readonly statusMessage = computed(() =>
    statusLine(this.queue.state(), 'Loading the feedback queue…', () =>
      queueStatus(this.rows(), this.queue.value()?.total ?? 0, this.onlyMine() === 'mine'),
    ),
  );
}
