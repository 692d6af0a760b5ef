import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AgencyApplicationSummary, ApplicationStatus, StageState } from '@heardback/contracts';
import { isOpen } from '@heardback/domain';
import { boardBackLink } from './back-link';
import { boardColumns } from './board-columns';
import { RecruiterApi } from './recruiter-api';
import { NOW, deadlineInWords, formatShortDate } from '../core/date-time';
import { APPLICATION_STATUS_LABELS, JOB_STATUS_LABELS, WAITING_FOR_LABELS } from '../core/agency-labels';
import { pageData, statusLine } from '../core/loadable';
import { LoadMore, loadMore } from '../core/load-more';
import { shownSoFar } from '../core/shown-of-total';
import { LoadState } from '../core/load-state';

export interface BoardCard {
  application: AgencyApplicationSummary;
  /** Where the application stands, in words. */
  note: string;
  overdue: boolean;
  applied: string;
}

export function boardCard(application: AgencyApplicationSummary, now: Date): BoardCard {
  const stage = application.currentStage;
  const applied = `Applied ${formatShortDate(application.appliedAt)}`;
  const inProgress = isOpen(application.status) && application.status !== ApplicationStatus.Offer && stage !== null;
  if (!inProgress || !stage) {
    return {
      application,
      note: APPLICATION_STATUS_LABELS[application.status],
      overdue: false,
      applied,
    };
  }
  if (stage.state === StageState.AwaitingFeedback && stage.feedbackDueAt) {
    return {
      application,
      note: `Feedback ${deadlineInWords(stage.feedbackDueAt, now).toLowerCase()}`,
      overdue: new Date(stage.feedbackDueAt) < now,
      applied,
    };
  }
  return {
    application,
    note: WAITING_FOR_LABELS[application.waitingFor],
    overdue: false,
    applied,
  };
}

/**
 * One job's applications, grouped by the stage each one is at. A popular job has thousands, so
 * they come a page at a time, oldest first, with "Load more"; each column's heading gives its true
 * count from the API ("3 of 40" while some are not loaded), so the board never understates a
 * stage: a recruiter reads the headings as "how many are at this stage".
 */
@Component({
  selector: 'hb-job-stage-board',
  imports: [LoadMore, LoadState, RouterLink],
  templateUrl: './job-stage-board.html',
  styleUrl: './job-stage-board.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobStageBoard {
  private readonly api = inject(RecruiterApi);
  private readonly now = inject(NOW);

  /** `:id` from the URL, bound by the router. */
  readonly id = input.required<string>();
  /** The `from` query parameter: where the board was opened from, for its back link. */
  readonly from = input<string>();

  protected readonly back = computed(() => boardBackLink(this.from()));

  protected readonly board = pageData({
    key: () => this.id(),
    request: (id) => this.api.jobBoard(id),
    loaded: () => this.more.reset(),
  });
  protected readonly more = loadMore(this.board, (cursor) => this.api.jobBoard(this.id(), cursor));

  protected readonly job = computed(() => this.board.value()?.job ?? null);
  protected readonly columns = computed(() => {
    const board = this.board.value();
    if (!board) {
      return [];
    }
    const now = this.now();
    // Each loaded card's place in the API's order, so "Load more" can move focus to the first new one.
    const order = new Map(board.items.map((application, index) => [application.id, index]));
    return boardColumns(board).map((column) => ({
      ...column,
      count:
        column.applications.length < column.total
          ? `${column.applications.length} of ${column.total}`
          : `${column.total}`,
      cards: column.applications.map((application) => ({
        ...boardCard(application, now),
        index: order.get(application.id) ?? null,
      })),
    }));
  });
  protected readonly total = computed(() => this.board.value()?.total ?? 0);
  protected readonly statusMessage = computed(() =>
    statusLine(this.board.state(), 'Loading the applications…', () => {
      const total = this.total();
      if (total === 0) return 'No applications yet';
      const loaded = this.board.value()?.items.length ?? 0;
      const shown = shownSoFar(loaded, total, 'application');
      return loaded < total ? `${shown}, oldest first` : shown;
    }),
  );

  protected readonly jobStatusLabels = JOB_STATUS_LABELS;
}
