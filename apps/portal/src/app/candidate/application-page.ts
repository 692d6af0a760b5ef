import { Dialog } from '@angular/cdk/dialog';
import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { ApplicationView } from '@heardback/contracts';
import { Subject, catchError, map, merge, of, switchMap, tap } from 'rxjs';
import { NOW, formatDateTime } from '../core/date-time';
import { NoticeService } from '../core/notice';
import { APPLICATION_STATUS_LABELS } from '../display-labels';
import { isOpen } from '@heardback/domain';
import { answerDue, waitingForText, withChase } from './answer-due';
import { CandidateApi } from './candidate-api';
import { DecisionDateForm } from './decision-date-form';
import { stageRows } from './stage-rows';
import { TellRecruiterForm } from './tell-recruiter-form';
import { UpdateRequestForm } from './update-request-form';
import { WithdrawDialog, WithdrawDialogData } from './withdraw-dialog';
import { httpErrorMessage } from '../core/api-error';

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; application: ApplicationView }
  | { state: 'not-found' }
  | { state: 'error'; message: string };

/**
 * /me/applications/:id: where one application stands, stage by stage, what happens next and by
 * when, telling the recruiter what has changed, everything that has happened, and withdrawing.
 */
@Component({
  selector: 'hb-application-page',
  imports: [RouterLink, UpdateRequestForm, TellRecruiterForm, DecisionDateForm],
  templateUrl: './application-page.html',
  styleUrl: './application-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplicationPage {
  private readonly api = inject(CandidateApi);
  private readonly dialog = inject(Dialog);
  private readonly notices = inject(NoticeService);
  private readonly title = inject(Title);
  private readonly injector = inject(Injector);
  private readonly now = inject(NOW);

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly loaded = signal<Loaded>({ state: 'loading' });
  protected readonly application = computed(() => {
    const loaded = this.loaded();
    return loaded.state === 'ready' ? loaded.application : null;
  });
  protected readonly errorMessage = computed(() => {
    const loaded = this.loaded();
    return loaded.state === 'error' ? loaded.message : '';
  });

  protected readonly open = computed(() => {
    const application = this.application();
    return application ? isOpen(application.status) : false;
  });
  protected readonly status = computed(() => {
    const application = this.application();
    return application ? APPLICATION_STATUS_LABELS[application.status] : '';
  });
  protected readonly waitingFor = computed(() => {
    const application = this.application();
    return application ? waitingForText(application.waitingFor, application.status) : '';
  });
  protected readonly stages = computed(() => {
    const application = this.application();
    return application ? stageRows(application, this.now()) : [];
  });
  /** The answer owed about the current stage, if one is still to come. */
  protected readonly nextAnswer = computed(() => {
    const application = this.application();
    const stage = application?.stages.find((candidate) => candidate.id === application.currentStageId);
    if (!application || !stage || !this.open()) {
      return null;
    }
    const due = withChase(answerDue(stage, this.now()), stage.id, application.timeline);
    return due ? { stageName: stage.name, ...due } : null;
  });
  protected readonly timeline = computed(() =>
    [...(this.application()?.timeline ?? [])].reverse().map((entry, index) => ({
      key: `${entry.at}-${index}`,
      at: entry.at,
      when: formatDateTime(entry.at),
      text: entry.text,
    })),
  );

  private readonly summaryHeading = viewChild<ElementRef<HTMLElement>>('summaryHeading');
  private readonly reloads = new Subject<void>();

  constructor() {
    merge(toObservable(this.id), this.reloads.pipe(map(() => this.id())))
      .pipe(
        tap(() => this.loaded.set({ state: 'loading' })),
        switchMap((id) =>
          this.api.application(id).pipe(
            map((application): Loaded => ({ state: 'ready', application })),
            catchError((error: unknown) =>
              of<Loaded>(
                error instanceof HttpErrorResponse && error.status === 404
                  ? { state: 'not-found' }
                  : { state: 'error', message: httpErrorMessage(error) },
              ),
            ),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((loaded) => this.loaded.set(loaded));

    effect(() => {
      const application = this.application();
      if (application) {
        this.title.setTitle(`Your application: ${application.job.title} · Heardback`);
      } else if (this.loaded().state === 'not-found') {
        this.title.setTitle('Application not found · Heardback');
      }
    });
  }

  /** What the candidate told their recruiter is on the application the API sent back. */
  protected updated(application: ApplicationView): void {
    this.loaded.set({ state: 'ready', application });
  }

  protected retry(): void {
    this.reloads.next();
  }

  protected withdraw(): void {
    const application = this.application();
    if (!application) {
      return;
    }
    const ref = this.dialog.open<ApplicationView, WithdrawDialogData>(WithdrawDialog, {
      data: {
        applicationId: application.id,
        jobTitle: application.job.title,
        clientName: application.job.clientName,
      },
      ariaModal: true,
      ariaLabelledBy: 'withdraw-title',
      ariaDescribedBy: 'withdraw-description',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
      width: 'min(32rem, calc(100vw - 2rem))',
    });
    ref.closed.subscribe((withdrawn) => {
      if (!withdrawn) {
        return;
      }
      this.loaded.set({ state: 'ready', application: withdrawn });
      this.notices.show(`You withdrew your application for ${withdrawn.job.title}.`, 'success');
      // The Withdraw button is gone; put focus on the summary that now says the application is closed.
      afterNextRender(() => this.summaryHeading()?.nativeElement.focus(), {
        injector: this.injector,
      });
    });
  }
}
