import { Dialog } from '@angular/cdk/dialog';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { CandidateApplicationView } from '@heardback/contracts';
import { NOW, formatDateTime } from '../core/date-time';
import { NoticeService } from '../core/notice';
import { applicationTimeline } from '../core/application-timeline';
import { LoadMore } from '../core/load-more';
import { timelineText } from '../core/timeline-text';
import { APPLICATION_STATUS_LABELS } from '../display-labels';
import { isOpen } from '@heardback/domain';
import { waitingForText } from './answer-due';
import { ConfirmEmailNotice } from './confirm-email-notice';
import { AUTOMATIC_UPDATE_WORDS, promiseLine } from './promise-words';
import { CandidateApi } from './candidate-api';
import { DecisionDateForm } from './decision-date-form';
import { ApplicationSatisfaction } from './application-satisfaction';
import { OfferPanel } from './offer-panel';
import { stageRows } from './stage-rows';
import { TellRecruiterForm } from './tell-recruiter-form';
import { UpdateRequestForm } from './update-request-form';
import { WithdrawDialog, WithdrawDialogData } from './withdraw-dialog';
import { httpErrorMessage } from '../core/api-error';
import { pageData } from '../core/loadable';
import { LoadState } from '../core/load-state';
import { focusLater } from '../core/focus-later';

/**
 * /me/applications/:id: where one application stands, stage by stage, what happens next and by
 * when, telling the recruiter what has changed, everything that has happened, and withdrawing.
 */
@Component({
  selector: 'hb-application-page',
  imports: [
    LoadState,
    LoadMore,
    RouterLink,
    UpdateRequestForm,
    TellRecruiterForm,
    DecisionDateForm,
    OfferPanel,
    ApplicationSatisfaction,
    ConfirmEmailNotice,
  ],
  templateUrl: './application-page.html',
  styleUrl: './application-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplicationPage {
  private readonly api = inject(CandidateApi);
  private readonly dialog = inject(Dialog);
  private readonly notices = inject(NoticeService);
  private readonly title = inject(Title);
  private readonly now = inject(NOW);
  private readonly focus = focusLater();

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly loaded = pageData({
    key: () => this.id(),
    request: (id) => this.api.application(id),
    errorMessage: httpErrorMessage,
    notFound: true,
  });
  protected readonly application = this.loaded.value;

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
  /** What the agency has promised the candidate will hear next, and by when ("Where you stand"). */
  protected readonly promise = computed(() => {
    const application = this.application();
    return application && this.open() ? promiseLine(application, this.now()) : null;
  });
  private readonly history = applicationTimeline(this.application, () => this.loaded.reload());
  /** "Load more" under the timeline, while older entries than the view's remain. */
  protected readonly earlierEntries = this.history.more;
  protected readonly timeline = computed(() =>
    this.history.entries().map((entry, index) => ({
      key: `${entry.at}-${index}`,
      at: entry.at,
      when: formatDateTime(entry.at),
      text: timelineText(entry),
    })),
  );

  protected readonly automaticWords = AUTOMATIC_UPDATE_WORDS;

  private readonly summaryHeading = viewChild<ElementRef<HTMLElement>>('summaryHeading');

  constructor() {
    effect(() => {
      const application = this.application();
      if (application) {
        this.title.setTitle(`Your application: ${application.job.title} · Heardback`);
      } else if (this.loaded.state().state === 'not-found') {
        this.title.setTitle('Application not found · Heardback');
      }
    });
  }

  /** What the candidate told their recruiter is on the application the API sent back. */
  protected updated(application: CandidateApplicationView): void {
    this.loaded.set(application);
  }

  protected withdraw(): void {
    const application = this.application();
    if (!application) {
      return;
    }
    const ref = this.dialog.open<CandidateApplicationView, WithdrawDialogData>(WithdrawDialog, {
      data: {
        applicationId: application.id,
        version: application.version,
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
      this.loaded.set(withdrawn);
      this.notices.show(`You withdrew your application for ${withdrawn.job.title}.`, 'success');
      // The Withdraw button is gone; put focus on the summary that now says the application is closed.
      this.focus(this.summaryHeading);
    });
  }
}
