import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  ErrorCode,
  RECOMMEND_SCORE_MAX,
  RECOMMEND_SCORE_MIN,
  SATISFACTION_LINK_KEYS,
  SatisfactionAnswerRequest,
  SatisfactionView,
} from '@heardback/contracts';
import { errorCodeOf, fieldProblem, httpErrorMessage } from '../core/api-error';
import { focusLater } from '../core/focus-later';
import { formSubmission } from '../core/form-submission';
import { SatisfactionApi } from './satisfaction-api';
import { SatisfactionQuestions } from './satisfaction-questions';
import { SATISFACTION_WORDS } from './satisfaction-words';

/** What the email's link carried in its fragment. */
export interface HowWeDidLink {
  token: string;
  /** The answer clicked in the email, if it is one the page understands. */
  clicked: SatisfactionAnswerRequest | null;
}

/** Reads `#t=TOKEN&recommend=8` or `#t=TOKEN&informed=yes`; null without a token. */
export function readHowWeDidLink(fragment: string): HowWeDidLink | null {
  const values = new URLSearchParams(fragment.replace(/^#/, ''));
  const token = values.get(SATISFACTION_LINK_KEYS.token);
  if (!token) return null;
  const recommend = values.get(SATISFACTION_LINK_KEYS.recommend);
  const informed = values.get(SATISFACTION_LINK_KEYS.informed);
  const score = recommend !== null && /^\d{1,2}$/.test(recommend) ? Number(recommend) : null;
  if (score !== null && score >= RECOMMEND_SCORE_MIN && score <= RECOMMEND_SCORE_MAX) {
    return { token, clicked: { recommendScore: score } };
  }
  if (informed === 'yes' || informed === 'no') return { token, clicked: { keptInformed: informed === 'yes' } };
  return { token, clicked: null };
}

type Step = 'no-link' | 'recording' | 'answering' | 'thanked' | 'refused';

/**
 * /how-did-we-do#t=…: where the closing email's one-click answers land, with no account. The token
 * and the click ride in the fragment (never sent to a server); the page takes them, removes them
 * from the address bar (so a shared or bookmarked address carries no token), records the click at
 * once, then offers both questions and a few words.
 */
@Component({
  selector: 'hb-how-did-we-do-page',
  imports: [RouterLink, SatisfactionQuestions],
  template: `
    <div class="how-page">
      <h1 class="page-title">{{ words.pageTitle }}</h1>
      <div class="card">
        @switch (step()) {
          @case ('no-link') {
            <p>{{ words.noToken }}</p>
            <a routerLink="/sign-in">{{ words.signInInstead }}</a>
          }
          @case ('recording') {
            <p role="status">{{ words.sending }}</p>
          }
          @case ('refused') {
            <p role="alert">{{ refusal() }}</p>
            <a routerLink="/sign-in">{{ words.signInInstead }}</a>
          }
          @case ('thanked') {
            <p role="status" class="how-page__thanks" tabindex="-1">{{ words.thanks }}</p>
          }
          @case ('answering') {
            @if (view(); as view) {
              <p class="how-page__intro">{{ words.intro(view.jobTitle, view.clientName) }}</p>
            }
            @if (recorded()) {
              <p role="status" class="how-page__recorded">{{ words.recorded }}</p>
            }
            <hb-satisfaction-questions
              [answer]="view()?.answer ?? null"
              [busy]="submission.busy()"
              [failure]="submission.failure()"
              [wordsProblem]="wordsProblem()"
              (send)="send($event)"
            />
            <p class="how-page__anonymity">{{ words.anonymity }}</p>
          }
        }
      </div>
    </div>
  `,
  styles: `
    .how-page {
      max-width: 40rem;
    }

    .how-page__intro {
      margin-top: 0;
    }

    .how-page__recorded {
      padding: 0.75rem 1rem;
      border-left: 4px solid var(--hb-success);
      background: var(--hb-success-bg);
    }

    .how-page__thanks {
      margin: 0;
      font-size: 1.125rem;
    }

    .how-page__anonymity {
      margin: 1rem 0 0;
      color: var(--hb-text-muted);
      font-size: 0.9375rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HowDidWeDoPage {
  private readonly api = inject(SatisfactionApi);
  private readonly document = inject(DOCUMENT);
  private readonly focus = focusLater();

  protected readonly words = SATISFACTION_WORDS;
  protected readonly step = signal<Step>('no-link');
  protected readonly view = signal<SatisfactionView | null>(null);
  protected readonly recorded = signal(false);
  protected readonly refusal = signal('');
  protected readonly wordsProblem = signal<string | null>('');
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });
  /** Kept in memory only: the address bar no longer shows it. */
  private readonly token: string | null;

  constructor() {
    const location = this.document.location;
    const link = readHowWeDidLink(location.hash);
    this.token = link?.token ?? null;
    if (location.hash) {
      this.document.defaultView?.history.replaceState(
        this.document.defaultView.history.state,
        '',
        `${location.pathname}${location.search}`,
      );
    }
    if (!link) return;
    if (!link.clicked) {
      this.step.set('answering');
      return;
    }
    this.step.set('recording');
    this.api.answerWithToken({ token: link.token, ...link.clicked }).subscribe({
      next: (view) => {
        this.view.set(view);
        this.recorded.set(true);
        this.step.set('answering');
      },
      error: (error: unknown) => this.refuse(error),
    });
  }

  protected send(answer: SatisfactionAnswerRequest): void {
    const token = this.token;
    if (!token) return;
    this.wordsProblem.set('');
    this.submission.send(() => this.api.answerWithToken({ token, ...answer }), {
      done: (view) => {
        this.view.set(view);
        this.step.set('thanked');
        // The form is gone: keyboard and screen reader users land on the thanks.
        this.focus('.how-page__thanks');
      },
      failed: (error) => {
        const problem = fieldProblem(error, 'words', 'Your words');
        if (problem) {
          this.wordsProblem.set(problem);
          return null;
        }
        const code = errorCodeOf(error);
        if (code === ErrorCode.NotFound || code === ErrorCode.SatisfactionClosed) {
          this.refuse(error);
          return null;
        }
        return `${SATISFACTION_WORDS.notSaved} ${httpErrorMessage(error)}`;
      },
    });
  }

  /** An unknown link (404) or one past its time (410): the API's words say which. */
  private refuse(error: unknown): void {
    this.refusal.set(httpErrorMessage(error));
    this.step.set('refused');
  }
}
