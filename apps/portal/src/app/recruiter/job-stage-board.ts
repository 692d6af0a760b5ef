import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { AgencyApplicationSummary, ApplicationStatus, StageState } from '@heardback/contracts';
import { isOpen } from '@heardback/domain';
import { Subject, map, merge, switchMap } from 'rxjs';
import { boardColumns } from './board-columns';
import { RecruiterApi } from './recruiter-api';
import { deadlineInWords, formatShortDate } from '../core/date-time';
import { APPLICATION_STATUS_LABELS, JOB_STATUS_LABELS, WAITING_FOR_LABELS } from '../core/agency-labels';
import { loadable, LOADING } from '../core/loadable';

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

/** One job's applications, grouped by the stage each one is at. */
@Component({
  selector: 'hb-job-stage-board',
  imports: [RouterLink],
  templateUrl: './job-stage-board.html',
  styleUrl: './job-stage-board.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobStageBoard {
  private readonly api = inject(RecruiterApi);
  private readonly reloads = new Subject<void>();

  /** `:id` from the URL, bound by the router. */
  readonly id = input.required<string>();

  protected readonly board = toSignal(
    merge(toObservable(this.id), this.reloads.pipe(map(() => this.id()))).pipe(
      switchMap((id) => loadable(this.api.jobBoard(id))),
    ),
    { initialValue: LOADING },
  );

  protected readonly job = computed(() => {
    const board = this.board();
    return board.state === 'ready' ? board.value.job : null;
  });
  protected readonly columns = computed(() => {
    const board = this.board();
    if (board.state !== 'ready') {
      return [];
    }
    const now = new Date();
    return boardColumns(board.value).map((column) => ({
      ...column,
      cards: column.applications.map((application) => boardCard(application, now)),
    }));
  });
  protected readonly total = computed(() => {
    const board = this.board();
    return board.state === 'ready' ? board.value.applications.length : 0;
  });
  protected readonly errorMessage = computed(() => {
    const board = this.board();
    return board.state === 'error' ? board.message : '';
  });
  protected readonly statusMessage = computed(() => {
    switch (this.board().state) {
      case 'loading':
        return 'Loading the applications…';
      case 'error':
        return '';
      default: {
        const total = this.total();
        return total === 0 ? 'No applications yet' : `${total} ${total === 1 ? 'application' : 'applications'}`;
      }
    }
  });

  protected readonly jobStatusLabels = JOB_STATUS_LABELS;

  protected retry(): void {
    this.reloads.next();
  }
}
