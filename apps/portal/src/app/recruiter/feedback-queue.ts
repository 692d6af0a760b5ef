import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { FeedbackQueueItem } from '@heardback/contracts';
import { AttentionList } from './attention-list';
import { RecruiterApi } from './recruiter-api';
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

/** Overdue first, then the soonest due; a stage with no deadline last. */
export function queueOrder(items: readonly FeedbackQueueItem[], now: Date): QueueRow[] {
  const dueTime = (item: FeedbackQueueItem) =>
    item.feedbackDueAt === null ? Number.POSITIVE_INFINITY : new Date(item.feedbackDueAt).getTime();
  return items
    .map((item): QueueRow => {
      const overdue = item.overdue || dueTime(item) < now.getTime();
      return {
        item,
        overdue,
        deadline: deadlineInWords(item.feedbackDueAt, now),
        ended: item.endedAt ? formatShortDateTime(item.endedAt) : 'Not recorded',
        due: item.feedbackDueAt ? formatShortDateTime(item.feedbackDueAt) : 'No deadline',
      };
    })
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || dueTime(a.item) - dueTime(b.item));
}

/** The recruiter's home: every interview whose feedback is due, overdue first. */
@Component({
  selector: 'hb-feedback-queue',
  imports: [LoadState, RefreshBar, RouterLink, AttentionList, ChoiceField],
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
    request: (mine) => this.api.feedbackQueue(mine),
  });
  protected readonly rows = computed(() => queueOrder(this.queue.value() ?? [], this.now()));
  protected readonly statusMessage = computed(() =>
    statusLine(this.queue.state(), 'Loading the feedback queue…', () => {
      const total = this.rows().length;
      if (total === 0) {
        return this.onlyMine() === 'mine' ? 'None of your interviews needs feedback.' : 'No feedback is due.';
      }
      const overdue = this.rows().filter((row) => row.overdue).length;
      const interviews = total === 1 ? '1 interview needs' : `${total} interviews need`;
      return overdue > 0 ? `${interviews} feedback, ${overdue} overdue` : `${interviews} feedback`;
    }),
  );
}
