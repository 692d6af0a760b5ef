import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { ApplicationSummary } from '@heardback/contracts';
import { Subject, catchError, map, of, startWith, switchMap } from 'rxjs';
import { NOW, formatDate } from '../core/date-time';
import { APPLICATION_STATUS_LABELS, STAGE_STATE_LABELS } from '../display-labels';
import { ApplicationCard, ApplicationRow } from './application-card';
import { CandidateApi } from './candidate-api';
import { isOpen } from '@heardback/domain';
import { answerDue, waitingForText } from './answer-due';
import { httpErrorMessage } from '../core/api-error';

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; applications: ApplicationSummary[] }
  | { state: 'error'; message: string };

/** /me: every application the candidate made, where each stands and when they will hear back. */
@Component({
  selector: 'hb-my-applications',
  imports: [RouterLink, ApplicationCard],
  templateUrl: './my-applications.html',
  styleUrl: './my-applications.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyApplications {
  private readonly api = inject(CandidateApi);
  private readonly now = inject(NOW);

  protected readonly loaded = signal<Loaded>({ state: 'loading' });
  private readonly reloads = new Subject<void>();

  protected readonly rows = computed(() => {
    const loaded = this.loaded();
    if (loaded.state !== 'ready') {
      return [];
    }
    const now = this.now();
    return loaded.applications.map((application) => toRow(application, now));
  });
  protected readonly openRows = computed(() => this.rows().filter((row) => row.open));
  protected readonly closedRows = computed(() => this.rows().filter((row) => !row.open));
  protected readonly errorMessage = computed(() => {
    const loaded = this.loaded();
    return loaded.state === 'error' ? loaded.message : '';
  });
  protected readonly statusMessage = computed(() => {
    const loaded = this.loaded();
    if (loaded.state === 'loading') {
      return 'Loading your applications…';
    }
    if (loaded.state === 'error') {
      return '';
    }
    const count = loaded.applications.length;
    return count === 1 ? '1 application' : `${count} applications`;
  });

  constructor() {
    this.reloads
      .pipe(
        startWith(undefined),
        switchMap(() => {
          this.loaded.set({ state: 'loading' });
          return this.api.myApplications().pipe(
            map((applications): Loaded => ({ state: 'ready', applications })),
            catchError((error: unknown) => of<Loaded>({ state: 'error', message: httpErrorMessage(error) })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((loaded) => this.loaded.set(loaded));
  }

  protected retry(): void {
    this.reloads.next();
  }
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
    stage: stage && open ? `${stage.name}: ${STAGE_STATE_LABELS[stage.state]}` : null,
    waitingFor: waitingForText(application.waitingFor, application.status),
    due: open ? answerDue(stage, now) : null,
    appliedOn: formatDate(application.appliedAt),
  };
}
