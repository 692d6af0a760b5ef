import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
  viewChildren,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import {
  ApplicationStatus,
  COVER_LETTER_TEXT_MAX_LENGTH,
  DocumentView,
  ErrorCode,
  JobDetail,
  PrivacyNoticeView,
  ScreeningAnswerInput,
  ScreeningQuestionKind,
  UserRole,
  UserView,
  YesNoAnswer,
} from '@heardback/contracts';
import { findScreeningAnswerProblems } from '@heardback/domain';
import { catchError, map, of } from 'rxjs';
import { RegisterForm } from '../auth/register-form';
import { arrivedJustRegistered } from '../auth/return-url';
import { SignInForm } from '../auth/sign-in-form';
import { DocumentChoice } from '../candidate/document-choice';
import { FORM_FIELD } from '../core/form-field';
import { apiError, httpErrorMessage, sentence } from '../core/api-error';
import { formatDate } from '../core/date-time';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { NoticeService } from '../core/notice';
import { SessionStore } from '../core/session';
import { ROLE_AS_SUBJECT } from '../display-labels';
import { PrivacyApi } from '../privacy/privacy-api';
import { ApplicationReview } from './application-review';
import { AnswerProblems, ApplyQuestions } from './apply-questions';
import { JobsApi } from './jobs-api';

type Step = 'fill' | 'review';

type Tab = 'register' | 'sign-in';
/** In the order they are shown, and the arrow keys move. */
const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'register', label: "I'm new here" },
  { id: 'sign-in', label: 'I have an account' },
];

/**
 * Applying to one job, in two steps: answer the job's questions and choose about other jobs, then
 * "Review and apply" shows exactly what is sent and to whom, with the privacy notice and the consent
 * box, before "Send application". A visitor first creates an account or signs in right here. A
 * candidate with an open application to the job is shown it instead; after withdrawing, they may
 * apply again.
 */
@Component({
  selector: 'hb-apply-panel',
  imports: [RouterLink, RegisterForm, SignInForm, ApplyQuestions, ApplicationReview, DocumentChoice, FORM_FIELD],
  templateUrl: './apply-panel.html',
  styleUrl: './apply-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplyPanel {
  protected readonly session = inject(SessionStore);
  private readonly jobsApi = inject(JobsApi);
  private readonly privacyApi = inject(PrivacyApi);
  private readonly router = inject(Router);
  private readonly notices = inject(NoticeService);
  private readonly focus = focusLater();

  readonly job = input.required<JobDetail>();

  protected readonly tabs = TABS;
  protected readonly tab = signal<Tab>('register');
  protected readonly step = signal<Step>('fill');
  protected readonly answers = signal<Readonly<Record<string, string>>>({});
  protected readonly answerProblems = signal<AnswerProblems>({});
  protected readonly talentPool = signal(false);
  /** The CV that goes with the application (the newest is chosen first), and a typed cover letter. */
  protected readonly cv = signal<DocumentView | null>(null);
  protected readonly coverLetter = signal('');
  protected readonly coverLetterMax = COVER_LETTER_TEXT_MAX_LENGTH;
  protected readonly notice = signal<PrivacyNoticeView | null>(null);
  protected readonly sending = signal(false);
  protected readonly failure = signal('');
  /** Found out on sending: the candidate applied already (another tab, or before signing in here). */
  protected readonly existingLink = signal<string | null>(null);

  protected readonly isCandidate = computed(() => this.session.role() === UserRole.Candidate);
  protected readonly agencyRole = computed(() => {
    const role = this.session.role();
    return role && role !== UserRole.Candidate ? ROLE_AS_SUBJECT[role] : null;
  });
  /** The candidate's application to this job that is still theirs to follow (not withdrawn). */
  protected readonly openApplication = computed(() => {
    const mine = this.job().myApplication;
    return mine && mine.status !== ApplicationStatus.Withdrawn
      ? { link: `/me/applications/${mine.id}`, appliedOn: formatDate(mine.appliedAt) }
      : null;
  });
  protected readonly withdrawnOn = computed(() => {
    const mine = this.job().myApplication;
    return mine?.status === ApplicationStatus.Withdrawn ? formatDate(mine.withdrawnAt ?? mine.appliedAt) : null;
  });
  protected readonly reviewedAnswers = computed(() => {
    const answers = this.answers();
    return this.job().screeningQuestions.flatMap((question) => {
      const answer = answers[question.id]?.trim() ?? '';
      if (answer === '') return [];
      const yesNo = question.kind === ScreeningQuestionKind.YesNo;
      return [{ prompt: question.prompt, answer: yesNo ? (answer === YesNoAnswer.Yes ? 'Yes' : 'No') : answer }];
    });
  });
  protected readonly you = computed(() => {
    const user = this.session.user();
    return { fullName: user?.fullName ?? '', email: user?.email ?? '' };
  });

  private readonly tabButtons = viewChildren<ElementRef<HTMLButtonElement>>('tabButton');

  constructor() {
    // Back from the link that finished registering: the application is the next thing to do.
    if (arrivedJustRegistered()) this.focus('#apply-fill-heading');
  }
  private readonly review = viewChild(ApplicationReview);
  private readonly documentChoice = viewChild(DocumentChoice);

  protected selectTab(tab: Tab): void {
    this.tab.set(tab);
  }

  /** "Sign in instead": show the sign-in tab and put the keyboard on it. */
  protected switchToSignIn(): void {
    this.tab.set('sign-in');
    this.tabButtons()[TABS.findIndex((tab) => tab.id === 'sign-in')]?.nativeElement.focus();
  }

  /** Arrow keys move between the tabs, as in every other tab list (WAI-ARIA tabs pattern). */
  protected onTabKey(event: KeyboardEvent): void {
    const index = TABS.findIndex((tab) => tab.id === this.tab());
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + TABS.length) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : null;
    if (next === null) {
      return;
    }
    event.preventDefault();
    this.tab.set(TABS[next].id);
    this.tabButtons()[next]?.nativeElement.focus();
  }

  /** Signed in inline: a candidate goes on to answer the questions, then review. */
  protected signedIn(user: UserView): void {
    if (user.role === UserRole.Candidate) {
      this.focus('#apply-fill-heading');
    }
  }

  protected onAnswer({ questionId, answer }: { questionId: string; answer: string }): void {
    this.answers.update((answers) => ({ ...answers, [questionId]: answer }));
    if (this.answerProblems()[questionId]) {
      this.answerProblems.update(({ [questionId]: _, ...rest }) => rest);
    }
  }

  protected onCoverLetter(event: Event): void {
    this.coverLetter.set((event.target as HTMLTextAreaElement).value);
  }

  protected onTalentPool(event: Event): void {
    this.talentPool.set((event.target as HTMLInputElement).checked);
  }

  /** Checks the answers as the API will, then shows what will be sent. */
  protected toReview(): void {
    // A CV chosen but never uploaded would silently not go with the application: said at its box instead.
    const choice = this.documentChoice();
    if (choice?.waitingUpload()) {
      choice.remindToUpload();
      return;
    }
    const problems = findScreeningAnswerProblems(this.job().screeningQuestions, this.answerList());
    if (problems.length > 0) {
      this.answerProblems.set(
        Object.fromEntries(
          problems.map((problem) => [
            problem.questionId ?? '',
            problem.field === 'answers' ? 'Answer this question: it is required.' : sentence([problem.reason]),
          ]),
        ),
      );
      this.focus(FIRST_INVALID);
      return;
    }
    this.answerProblems.set({});
    this.failure.set('');
    this.step.set('review');
    this.loadNotice();
  }

  protected backToAnswers(): void {
    this.step.set('fill');
    this.failure.set('');
    this.focus('#apply-fill-heading');
  }

  protected send(privacyNoticeVersion: number): void {
    if (this.sending()) {
      return;
    }
    const job = this.job();
    this.sending.set(true);
    this.failure.set('');
    const request = {
      privacyNoticeVersion,
      answers: this.answerList(),
      talentPool: this.talentPool(),
      cvDocumentId: this.cv()?.id ?? null,
      coverLetterText: this.coverLetter().trim() || null,
    };
    this.jobsApi.apply(job.id, request).subscribe({
      next: (application) => {
        this.notices.show(
          `You applied for ${job.title} at ${job.clientName}. This page shows every step, and when you will hear back.`,
          'success',
          { duringNavigation: true },
        );
        void this.router.navigate(['/me/applications', application.id]);
      },
      error: (error: unknown) => {
        this.sending.set(false);
        this.applyFailed(error);
      },
    });
  }

  private answerList(): ScreeningAnswerInput[] {
    return Object.entries(this.answers())
      .filter(([, answer]) => answer.trim() !== '')
      .map(([questionId, answer]) => ({ questionId, answer: answer.trim() }));
  }

  private loadNotice(): void {
    this.privacyApi.currentNotice().subscribe({
      next: (notice) => this.notice.set(notice),
      error: (error: unknown) => this.failure.set(`The privacy notice could not be loaded. ${httpErrorMessage(error)}`),
    });
  }

  private applyFailed(error: unknown): void {
    const code = apiError(error)?.code;
    if (code === ErrorCode.AlreadyApplied) {
      this.findExistingApplication();
      return;
    }
    if (code === ErrorCode.PrivacyNoticeChanged) {
      this.failure.set(
        'The privacy notice changed while you were reviewing. Read the new version below, then tick the box again.',
      );
      this.loadNotice();
      this.review()?.showNoticeAgain();
      return;
    }
    if (code === ErrorCode.ValidationFailed && apiError(error)?.details?.some((d) => d.field.startsWith('answers'))) {
      // The job's questions changed since the page loaded: the answers need another look.
      this.failure.set(
        `Your application was not sent. ${httpErrorMessage(error)} Reload the page to see the questions.`,
      );
      return;
    }
    this.failure.set(
      code === ErrorCode.JobNotOpen || code === ErrorCode.NotFound
        ? 'This job is no longer taking applications.'
        : `Your application was not sent. ${httpErrorMessage(error)}`,
    );
  }

  /** The job as it is now names the candidate's application to it: no need to read all of theirs. */
  private findExistingApplication(): void {
    this.jobsApi
      .get(this.job().id)
      .pipe(
        map(({ myApplication }) =>
          myApplication && myApplication.status !== ApplicationStatus.Withdrawn
            ? `/me/applications/${myApplication.id}`
            : '/me',
        ),
        catchError(() => of('/me')),
      )
      .subscribe((link) => {
        this.existingLink.set(link);
        this.step.set('fill');
      });
  }
}
