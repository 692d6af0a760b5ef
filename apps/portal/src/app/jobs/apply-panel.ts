import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  signal,
  viewChildren,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ErrorCode, JobDetail, UserRole, UserView } from '@heardback/contracts';
import { catchError, map, of } from 'rxjs';
import { RegisterForm } from '../auth/register-form';
import { SignInForm } from '../auth/sign-in-form';
import { CandidateApi } from '../candidate/candidate-api';
import { NoticeService } from '../core/notice';
import { SessionStore } from '../core/session';
import { ROLE_AS_SUBJECT } from '../display-labels';
import { JobsApi } from './jobs-api';
import { apiError, httpErrorMessage } from '../core/api-error';

type ApplyState =
  | { state: 'idle' }
  | { state: 'applying' }
  | { state: 'already-applied'; applicationLink: string }
  | { state: 'error'; message: string };

type Tab = 'register' | 'sign-in';
/** In the order they are shown, and the arrow keys move. */
const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'register', label: "I'm new here" },
  { id: 'sign-in', label: 'I have an account' },
];

/**
 * Applying to one job. A candidate applies with one button; a visitor first creates an account
 * or signs in right here, and is then applied and taken to the new application.
 */
@Component({
  selector: 'hb-apply-panel',
  imports: [RouterLink, RegisterForm, SignInForm],
  templateUrl: './apply-panel.html',
  styleUrl: './apply-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplyPanel {
  protected readonly session = inject(SessionStore);
  private readonly jobsApi = inject(JobsApi);
  private readonly candidateApi = inject(CandidateApi);
  private readonly router = inject(Router);
  private readonly notices = inject(NoticeService);

  readonly job = input.required<JobDetail>();

  protected readonly tabs = TABS;
  protected readonly tab = signal<Tab>('register');
  protected readonly apply = signal<ApplyState>({ state: 'idle' });
  protected readonly isCandidate = computed(() => this.session.role() === UserRole.Candidate);
  protected readonly agencyRole = computed(() => {
    const role = this.session.role();
    return role && role !== UserRole.Candidate ? ROLE_AS_SUBJECT[role] : null;
  });
  protected readonly errorMessage = computed(() => {
    const apply = this.apply();
    return apply.state === 'error' ? apply.message : '';
  });
  protected readonly existingLink = computed(() => {
    const apply = this.apply();
    return apply.state === 'already-applied' ? apply.applicationLink : null;
  });

  private readonly tabButtons = viewChildren<ElementRef<HTMLButtonElement>>('tabButton');

  protected selectTab(tab: Tab): void {
    this.tab.set(tab);
  }

  /** The email already has an account: show the sign-in tab and put the keyboard on it. */
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

  /** Signed in or registered inline: a candidate goes straight on to apply. */
  protected signedIn(user: UserView): void {
    if (user.role === UserRole.Candidate) {
      this.applyNow();
    }
  }

  protected applyNow(): void {
    if (this.apply().state === 'applying') {
      return;
    }
    const job = this.job();
    this.apply.set({ state: 'applying' });
    this.jobsApi.apply(job.id).subscribe({
      next: (application) => {
        this.notices.show(
          `You applied for ${job.title} at ${job.clientName}. This page shows every step, and when you will hear back.`,
          'success',
          { duringNavigation: true },
        );
        void this.router.navigate(['/me/applications', application.id]);
      },
      error: (error: unknown) => this.applyFailed(error),
    });
  }

  private applyFailed(error: unknown): void {
    const code = apiError(error)?.code;
    if (code === ErrorCode.AlreadyApplied) {
      this.findExistingApplication();
      return;
    }
    this.apply.set({
      state: 'error',
      message:
        code === ErrorCode.JobNotOpen || code === ErrorCode.NotFound
          ? 'This job is no longer taking applications.'
          : `Your application was not sent. ${httpErrorMessage(error)}`,
    });
  }

  private findExistingApplication(): void {
    const jobId = this.job().id;
    this.candidateApi
      .myApplications()
      .pipe(
        map((applications) => {
          const existing = applications.find((a) => a.job.id === jobId);
          return existing ? `/me/applications/${existing.id}` : '/me';
        }),
        catchError(() => of('/me')),
      )
      .subscribe((applicationLink) => this.apply.set({ state: 'already-applied', applicationLink }));
  }
}
