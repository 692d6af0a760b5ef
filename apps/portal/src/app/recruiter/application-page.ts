import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { ApplicationView, FeedbackDecision, StageState, StageView } from '@heardback/contracts';
import { isOpen } from '@heardback/domain';
import { describeChanges } from './application-changes';
import { backLink } from './back-link';
import { candidateSaidLines } from './candidate-said';
import { ApplicationDecisions } from './application-decisions';
import { CandidateMessageForm } from './candidate-message-form';
import { canSchedule, currentStage } from './application-progress';
import { FeedbackForm, UnsentFeedback } from './feedback-form';
import { ClientFeedbackDrafts } from './client-feedback-drafts';
import { CandidatePanel } from './candidate-panel';
import { ScreeningAnswers } from './screening-answers';
import { PromisePanel } from './promise-panel';
import { OfferSummary } from './offer-summary';
import { RecruiterApi } from './recruiter-api';
import { ScheduleForm } from './schedule-form';
import { agencyErrorMessage } from '../core/api-error';
import { NOW, deadlineInWords, formatShortDateTime, formatShortDateTimeRange } from '../core/date-time';
import {
  APPLICATION_STATUS_LABELS,
  DECISION_LABELS,
  RATING_LABELS,
  STAGE_STATE_LABELS,
  WAITING_FOR_LABELS,
} from '../core/agency-labels';
import { pageData } from '../core/loadable';
import { LoadState } from '../core/load-state';
import { focusLater } from '../core/focus-later';
import { applicationTimeline } from '../core/application-timeline';
import { LoadMore } from '../core/load-more';
import { timelineText } from '../core/timeline-text';
import { stageInterviewersText } from './client-interviewers';

interface StageRow {
  stage: StageView;
  number: number;
  stateLabel: string;
  current: boolean;
  done: boolean;
  awaiting: boolean;
  when: string | null;
  /** Who interviews: the names typed and the client's contacts picked. */
  interviewers: string | null;
  /** The place, when it is a web link (a video call) rather than an address. */
  link: string | null;
  deadline: string | null;
  overdue: boolean;
}

interface ChangeNotice {
  lines: string[];
  unsent: UnsentFeedback | null;
}

/** One application as the agency sees it: its stages, the current stage's work, and the decisions. */
@Component({
  selector: 'hb-application-page',
  imports: [
    LoadState,
    LoadMore,
    RouterLink,
    ScheduleForm,
    FeedbackForm,
    ApplicationDecisions,
    CandidateMessageForm,
    PromisePanel,
    CandidatePanel,
    OfferSummary,
    ScreeningAnswers,
    ClientFeedbackDrafts,
  ],
  templateUrl: './application-page.html',
  styleUrl: './application-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplicationPage {
  private readonly api = inject(RecruiterApi);
  private readonly now = inject(NOW);
  private readonly route = inject(ActivatedRoute);
  private readonly focus = focusLater();

  /** `:id` from the URL, bound by the router. */
  readonly id = input.required<string>();
  /** `?from=` : the list the page was opened from, for the back link. */
  readonly from = input<string>();
  /** `?q=` : the search that found the application, when it came from Find. */
  readonly q = input<string>();

  /** The application as loaded; kept on screen while it loads again. */
  protected readonly application = signal<ApplicationView | null>(null);
  protected readonly loaded = pageData({
    key: () => this.id(),
    request: (id) => this.api.application(id),
    loaded: (application) => this.firstShown(application),
  });
  private first = true;
  protected readonly changeNotice = signal<ChangeNotice | null>(null);
  /** Read out after each successful action; the page itself shows the result. */
  protected readonly announcement = signal('');

  protected readonly statusLabels = APPLICATION_STATUS_LABELS;
  protected readonly waitingLabels = WAITING_FOR_LABELS;
  protected readonly decisionLabels = DECISION_LABELS;
  protected readonly ratingLabels = RATING_LABELS;

  protected readonly back = computed(() =>
    backLink(this.from(), this.application()?.job ?? { id: '', title: 'The job' }, this.q()),
  );

  /** The candidate's other offer, decision date and availability, up front rather than only in the timeline. */
  protected readonly candidateSaid = computed(() => {
    const application = this.application();
    return application ? candidateSaidLines(application) : [];
  });

  protected readonly current = computed(() => {
    const application = this.application();
    return application ? currentStage(application) : null;
  });
  protected readonly schedulable = computed(() => {
    const stage = this.current();
    return stage !== null && canSchedule(stage);
  });
  /** Feedback is expected once the interview has taken place, or after a hold. */
  protected readonly feedbackExpected = computed(() => {
    const stage = this.current();
    return (
      stage !== null &&
      (stage.state === StageState.AwaitingFeedback || stage.feedback?.decision === FeedbackDecision.Hold)
    );
  });

  /** One sentence on where the current stage stands. */
  protected readonly currentSummary = computed(() => {
    const stage = this.current();
    if (!stage) {
      return '';
    }
    if (stage.feedback?.decision === FeedbackDecision.Hold) {
      return 'Its feedback says “hold”: record the final decision when it is made.';
    }
    switch (stage.state) {
      case StageState.AwaitingFeedback: {
        const ended =
          stage.startsAt && stage.endsAt ? ` on ${formatShortDateTimeRange(stage.startsAt, stage.endsAt)}` : '';
        const due = stage.feedbackDueAt ? ` ${deadlineInWords(stage.feedbackDueAt, this.now())}.` : '';
        return `The interview took place${ended}. Its feedback is owed to the candidate.${due}`;
      }
      case StageState.Scheduled:
        return stage.startsAt && stage.endsAt
          ? `Booked for ${formatShortDateTimeRange(stage.startsAt, stage.endsAt)}.`
          : 'Booked.';
      default:
        return 'Not scheduled yet: book the interview, so the candidate knows when it is.';
    }
  });

  /** Messages go to candidates whose application is still open. */
  protected readonly canMessage = computed(() => {
    const application = this.application();
    return application !== null && isOpen(application.status);
  });

  protected readonly notBookedYet = computed(() => this.current()?.state === StageState.Pending);

  protected readonly stageRows = computed((): StageRow[] => {
    const application = this.application();
    if (!application) {
      return [];
    }
    const now = this.now();
    const currentId = this.current()?.id;
    return [...application.stages]
      .sort((a, b) => a.position - b.position)
      .map((stage, index) => {
        const awaiting = stage.state === StageState.AwaitingFeedback;
        // A held stage is a wait, not a pass: its decision is still to come.
        const held = stage.feedback?.decision === FeedbackDecision.Hold;
        return {
          stage,
          number: index + 1,
          stateLabel: held ? 'On hold' : STAGE_STATE_LABELS[stage.state],
          current: stage.id === currentId,
          done: stage.state === StageState.FeedbackRecorded && !held,
          awaiting,
          when: stage.startsAt && stage.endsAt ? formatShortDateTimeRange(stage.startsAt, stage.endsAt) : null,
          interviewers: stageInterviewersText(stage),
          link: /^https?:\/\/\S+$/i.test(stage.location ?? '') ? stage.location : null,
          deadline:
            awaiting && stage.feedbackDueAt
              ? `${deadlineInWords(stage.feedbackDueAt, now)} (${formatShortDateTime(stage.feedbackDueAt)})`
              : null,
          overdue: awaiting && stage.feedbackDueAt !== null && new Date(stage.feedbackDueAt) < now,
        };
      });
  });

  private readonly history = applicationTimeline(this.application, () => this.loaded.reload());
  /** "Load more" under the timeline, while older entries than the view's remain. */
  protected readonly earlierEntries = this.history.more;
  protected readonly timeline = computed(() =>
    this.history
      .entries()
      .map((entry) => ({ ...entry, when: formatShortDateTime(entry.at), text: timelineText(entry) })),
  );

  protected readonly formatDateTime = formatShortDateTime;
  private readonly currentHeading = viewChild<ElementRef<HTMLElement>>('currentHeading');
  private readonly updateHeading = viewChild<ElementRef<HTMLElement>>('updateHeading');
  private readonly noticeBox = viewChild<ElementRef<HTMLElement>>('noticeBox');
  private readonly announcementBox = viewChild<ElementRef<HTMLElement>>('announcementBox');

  /** Where the link that opened the page pointed (`#client-feedback` is the client drafts' own to follow). */
  protected readonly arrivedFor = this.route.snapshot.fragment;

  /** Shows what arrived; the first time, goes where the link pointed (`#record-feedback`, `#send-update`). */
  private firstShown(application: ApplicationView): void {
    this.application.set(application);
    if (this.first && this.route.snapshot.fragment === 'record-feedback') {
      this.focusCurrentStage();
    }
    if (this.first && this.route.snapshot.fragment === 'send-update') {
      this.focus(this.updateHeading);
    }
    this.first = false;
  }

  protected onScheduled(updated: ApplicationView): void {
    const stage = updated.stages.find((s) => s.id === this.current()?.id);
    this.show(updated);
    this.announce(
      stage?.startsAt && stage.endsAt
        ? `${stage.name} is booked for ${formatShortDateTimeRange(stage.startsAt, stage.endsAt)}.`
        : 'The interview is booked.',
    );
  }

  protected onFeedbackRecorded(updated: ApplicationView): void {
    const stageName = this.current()?.name ?? 'the stage';
    this.show(updated);
    const next = currentStage(updated);
    this.announce(
      `Feedback for ${stageName} is recorded and the candidate can read it.${
        next && next.name !== stageName ? ` Next stage: ${next.name}.` : ''
      }`,
    );
  }

  protected onClientFeedbackPublished(updated: ApplicationView): void {
    this.show(updated);
    this.announce(`The client’s feedback is published: ${updated.candidate.fullName} can read it now.`);
  }

  protected onDecision(updated: ApplicationView): void {
    this.show(updated);
    this.announce(`The application’s status is now “${APPLICATION_STATUS_LABELS[updated.status]}”.`);
  }

  protected onPromiseMoved(updated: ApplicationView): void {
    this.show(updated);
    const dueAt = updated.promise?.dueAt;
    this.announce(
      `The date is moved${dueAt ? ` to ${formatShortDateTime(dueAt)}` : ''}, and ${updated.candidate.fullName} is sent your words.`,
    );
  }

  protected onMessageSent(updated: ApplicationView): void {
    this.show(updated);
    this.announce(
      `Your message is sent: ${updated.candidate.fullName} can read it now, and it is on its way by email.`,
    );
  }

  /** Someone else acted first: load what is there now and say what changed. */
  protected onStale(unsent: UnsentFeedback | null = null): void {
    const before = this.application();
    this.api.application(this.id()).subscribe({
      next: (after) => {
        this.application.set(after);
        this.changeNotice.set({
          lines: before ? describeChanges(before, after) : [],
          unsent: unsent && unsent.candidateMessage ? unsent : null,
        });
        this.focus(this.noticeBox);
      },
      error: (error: unknown) => {
        this.changeNotice.set({
          lines: [
            `Someone else changed this application, and the latest version could not be loaded. ${agencyErrorMessage(error)}`,
          ],
          unsent,
        });
      },
    });
  }

  protected focusCurrentStage(): void {
    // Focusing scrolls the heading into view as well.
    this.focus(this.currentHeading);
  }

  /**
   * Says what an action did, at the top of the page, and takes the keyboard there: the form that was used
   * is gone or far below on a phone, and a confirmation out of sight reads as nothing having happened.
   */
  private announce(text: string): void {
    this.announcement.set(text);
    this.focus(this.announcementBox);
  }

  private show(updated: ApplicationView): void {
    this.changeNotice.set(null);
    this.application.set(updated);
  }
}
