import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ApplicationSummary, PromiseKind } from '@heardback/contracts';
import { NOW, formatDate } from '../core/date-time';
import { APPLICATION_STATUS_LABELS, STAGE_STATE_LABELS } from '../display-labels';
import { ApplicationCard, ApplicationRow } from './application-card';
import { CandidateApi } from './candidate-api';
import { isOpen } from '@heardback/domain';
import { waitingForText } from './answer-due';
import { hearByLine } from './promise-words';
import { httpErrorMessage } from '../core/api-error';
import { pageData, statusLine } from '../core/loadable';
import { LoadState } from '../core/load-state';

/** /me: every application the candidate made, where each stands and when they will hear back. */
@Component({
  selector: 'hb-my-applications',
  imports: [LoadState, RouterLink, ApplicationCard],
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
  });

  protected readonly rows = computed(() => {
    const now = this.now();
    return (this.loaded.value() ?? []).map((application) => toRow(application, now));
  });
  protected readonly openRows = computed(() => this.rows().filter((row) => row.open));
  protected readonly closedRows = computed(() => this.rows().filter((row) => !row.open));
  protected readonly statusMessage = computed(() =>
    statusLine(this.loaded.state(), 'Loading your applications…', () => {
      const count = this.rows().length;
      return count === 1 ? '1 application' : `${count} applications`;
    }),
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
