import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ApplicationSummary, PromiseKind } from '@heardback/contracts';
import { NOW, formatDate } from '../core/date-time';
import { APPLICATION_STATUS_LABELS, STAGE_STATE_LABELS, myApplicationsTotalsText } from '../display-labels';
import { ApplicationCard, ApplicationRow } from './application-card';
import { ConfirmEmailNotice } from './confirm-email-notice';
import { CandidateApi } from './candidate-api';
import { isOpen } from '@heardback/domain';
import { waitingForText } from './answer-due';
import { hearByLine } from './promise-words';
import { httpErrorMessage } from '../core/api-error';
import { pageData, statusLine } from '../core/loadable';
import { LoadState } from '../core/load-state';
import { LoadMore, loadMore } from '../core/load-more';

/**
 * /me: the candidate's applications, open ones first, then newest first, a page at a time ("Load
 * more"), with how many are in progress and closed in all (the API's totals, every page).
 */
@Component({
  selector: 'hb-my-applications',
  imports: [LoadMore, LoadState, RouterLink, ApplicationCard, ConfirmEmailNotice],
  templateUrl: './my-applications.html',
  styleUrl: './my-applications.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyApplications {
  private readonly api = inject(CandidateApi);
  private readonly now = inject(NOW);

  protected readonly loaded = pageData({
    request: () => this.api.myApplications(),
    errorMessage: httpErrorMessage,
    loaded: () => this.more.reset(),
  });
  protected readonly more = loadMore(this.loaded, (cursor) => this.api.myApplications(cursor));

  protected readonly totals = computed(() => this.loaded.value()?.totals ?? { open: 0, closed: 0 });
  /** In the API's order, open ones first: each row's index is its place in the whole list. */
  protected readonly rows = computed(() => {
    const now = this.now();
    return (this.loaded.value()?.items ?? []).map((application, index) => ({
      index,
      row: toRow(application, now),
    }));
  });
  protected readonly openRows = computed(() => this.rows().filter(({ row }) => row.open));
  protected readonly closedRows = computed(() => this.rows().filter(({ row }) => !row.open));
  protected readonly statusMessage = computed(() =>
    statusLine(this.loaded.state(), 'Loading your applications…', () => myApplicationsTotalsText(this.totals())),
  );
}

/** A stage on hold is a wait, not a pass: the API says so by promising a date for news on it. */
function stageState({ currentStage, promise }: ApplicationSummary): string {
  if (!currentStage) {
    return '';
  }
  return promise?.kind === PromiseKind.Hold ? 'On hold' : STAGE_STATE_LABELS[currentStage.state];
}

function toRow(application: ApplicationSummary, now: Date): ApplicationRow {
  const stage = application.currentStage;
  const open = isOpen(application.status);
  return {
    id: application.id,
    jobTitle: application.job.title,
    clientName: application.job.clientName,
    open,
    status: APPLICATION_STATUS_LABELS[application.status],
    // A closed application has no current stage worth showing: nothing more happens on it.
    stage: stage && open ? `${stage.name}: ${stageState(application)}` : null,
    waitingFor: waitingForText(application.waitingFor, application.status),
    due: open ? hearByLine(application.promise, now) : null,
    appliedOn: formatDate(application.appliedAt),
  };
}
