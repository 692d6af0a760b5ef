import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  signal,
  viewChild,
  ViewEncapsulation,
} from '@angular/core';
import { DOCUMENT, Location } from '@angular/common';
import { ActivatedRoute } from '@angular/router';
import { ClientFeedbackReceipt, ClientReviewPageView } from '@heardback/contracts';
import { httpErrorMessage } from '../core/api-error';
import { formatDateTime, formatDateTimeRange } from '../core/date-time';
import { focusLater } from '../core/focus-later';
import { saveFile } from '../core/save-file';
import { SessionStore } from '../core/session';
import { ClientFeedbackForm } from './client-feedback-form';
import { ClientReviewApi } from './client-review-api';
import { KeptReview } from './kept-review';
import { DEAD_LINK_WORDS, DeadLink, deadLinkOf, thankYouWords } from './client-review-words';

type PageState =
  | { kind: 'loading' }
  | { kind: 'open'; review: ClientReviewPageView }
  | { kind: 'sent'; review: ClientReviewPageView; published: boolean }
  | { kind: 'dead'; reason: DeadLink }
  | { kind: 'error'; message: string };

/** "1.2 MB", "340 KB": a file's size as people read it. */
export function fileSizeText(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1000)).toLocaleString('en-GB')} KB`;
}

/**
 * /client-review#TOKEN: what a client interviewer's emailed link opens, with no account. The token
 * is read from the fragment (never sent to a server by the browser), then taken out of the address
 * bar so history, bookmarks and screenshots do not keep it; this tab keeps it (KeptReview) so a
 * reload still opens the form, until the feedback is sent. The page shows this one interview and
 * nothing else, and the form for the interviewer's feedback.
 */
@Component({
  selector: 'hb-client-review-page',
  imports: [ClientFeedbackForm],
  templateUrl: './client-review-page.html',
  // The form fields share the agency's field styles (scoped under `.agency`) and this page's own.
  styleUrls: ['../core/agency-forms.scss', './client-review-page.scss'],
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientReviewPage {
  private readonly api = inject(ClientReviewApi);
  private readonly document = inject(DOCUMENT);
  private readonly focus = focusLater();

  /** The link's secret: handed to the form, kept by this tab alone (KeptReview), never in a URL. */
  protected readonly token: string;
  private readonly kept = inject(KeptReview);

  protected readonly state = signal<PageState>({ kind: 'loading' });
  protected readonly cvBusy = signal(false);
  protected readonly cvProblem = signal('');
  private readonly outcomeHeading = viewChild<ElementRef<HTMLElement>>('outcomeHeading');

  protected readonly review = computed(() => {
    const state = this.state();
    return state.kind === 'open' || state.kind === 'sent' ? state.review : null;
  });
  protected readonly facts = computed(() => {
    const review = this.review();
    if (!review) return null;
    return {
      interview: review.interview ? formatDateTimeRange(review.interview.startsAt, review.interview.endsAt) : null,
      promised: review.feedbackDueAt ? formatDateTime(review.feedbackDueAt) : null,
      expires: formatDateTime(review.expiresAt),
      cvSize: review.cv ? fileSizeText(review.cv.sizeBytes) : null,
    };
  });
  protected readonly deadWords = computed(() => {
    const state = this.state();
    return state.kind === 'dead' ? DEAD_LINK_WORDS[state.reason] : null;
  });
  protected readonly errorMessage = computed(() => {
    const state = this.state();
    return state.kind === 'error' ? state.message : '';
  });
  protected readonly thanks = computed(() => {
    const state = this.state();
    return state.kind === 'sent'
      ? thankYouWords(state.review.interviewerName, state.review.candidateName, state.published)
      : null;
  });

  constructor() {
    const route = inject(ActivatedRoute);
    const location = inject(Location);
    const fromLink = (route.snapshot.fragment ?? '').trim();
    this.token = fromLink || this.kept.token();
    if (fromLink) this.kept.keepToken(fromLink);
    // Leaving the page in the app forgets it (a reload does not leave: it starts the app again).
    inject(DestroyRef).onDestroy(() => this.kept.forget());
    // Out of the address bar at once: the URL without its fragment replaces the one with it.
    location.replaceState(location.path(false).split('#')[0]);
    // The first write of a fresh browser needs the XSRF cookie, which the startup session check sets.
    void inject(SessionStore)
      .whenLoaded()
      .then(() => this.open());
  }

  protected open(): void {
    if (!this.token) {
      this.state.set({ kind: 'dead', reason: 'no-link' });
      return;
    }
    this.state.set({ kind: 'loading' });
    this.api.open(this.token).subscribe({
      next: (review) => this.state.set({ kind: 'open', review }),
      error: (error: unknown) => this.failed(error),
    });
  }

  protected downloadCv(): void {
    const cv = this.review()?.cv;
    if (!cv || this.cvBusy()) return;
    this.cvBusy.set(true);
    this.cvProblem.set('');
    this.api.cv(this.token).subscribe({
      next: (file) => {
        this.cvBusy.set(false);
        saveFile(this.document, file, cv.fileName);
      },
      error: (error: unknown) => {
        this.cvBusy.set(false);
        if (!deadLinkOf(error) || deadLinkOf(error) === 'too-many') {
          this.cvProblem.set(`The CV could not be downloaded. ${httpErrorMessage(error)}`);
          return;
        }
        this.failed(error);
      },
    });
  }

  protected onSent({ published }: ClientFeedbackReceipt): void {
    this.kept.forget();
    const review = this.review();
    if (review) this.state.set({ kind: 'sent', review, published });
    this.focus(this.outcomeHeading);
  }

  protected onDead(reason: DeadLink): void {
    this.forgetIfGone(reason);
    this.state.set({ kind: 'dead', reason });
    this.focus(this.outcomeHeading);
  }

  private failed(error: unknown): void {
    const dead = deadLinkOf(error);
    if (dead) this.forgetIfGone(dead);
    this.state.set(dead ? { kind: 'dead', reason: dead } : { kind: 'error', message: httpErrorMessage(error) });
    this.focus(this.outcomeHeading);
  }

  /** A link that will never open again is not kept; one only rate-limited for now still is. */
  private forgetIfGone(reason: DeadLink): void {
    if (reason !== 'too-many') this.kept.forget();
  }
}
