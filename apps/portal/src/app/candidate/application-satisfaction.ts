import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { CandidateApplicationView } from '@heardback/contracts';
import { EMPTY } from 'rxjs';
import { asksHowWeDid } from '@heardback/domain';
import { fieldProblem, httpErrorMessage } from '../core/api-error';
import { focusLater } from '../core/focus-later';
import { formSubmission } from '../core/form-submission';
import { pageData } from '../core/loadable';
import { SatisfactionApi } from '../satisfaction/satisfaction-api';
import { SatisfactionQuestions } from '../satisfaction/satisfaction-questions';
import { SATISFACTION_WORDS, answerLines } from '../satisfaction/satisfaction-words';

/**
 * "How did we do" on the candidate's closed application page: the two questions until they answer,
 * then their answer (changeable while the time to answer lasts). Only on applications closed in a
 * way that asks (`asksHowWeDid`): not on one the candidate withdrew.
 */
@Component({
  selector: 'hb-application-satisfaction',
  imports: [SatisfactionQuestions],
  template: `
    @if (asks()) {
      @if (satisfaction.value(); as view) {
        <section class="how" aria-labelledby="how-heading" data-testid="how-did-we-do">
          <h2 id="how-heading" class="how__title" tabindex="-1">{{ words.sectionTitle }}</h2>
          @if (view.answer && !editing()) {
            <div class="how__answer">
              @if (justSent()) {
                <p role="status" class="how__thanks">{{ words.thanks }}</p>
              }
              <ul class="how__lines">
                @for (line of lines(); track line) {
                  <li>{{ line }}</li>
                }
              </ul>
              @if (view.answer.words) {
                <!-- prettier-ignore -->
                <blockquote class="how__words">“{{ view.answer.words }}”</blockquote>
              }
              <p class="how__when">{{ words.answeredOn(view.answer.answeredAt) }}</p>
              @if (view.answerable) {
                <button class="button button--secondary" type="button" (click)="change()">
                  {{ words.change }}
                </button>
              }
            </div>
          } @else if (view.answerable) {
            <p class="how__intro">{{ words.anonymity }}</p>
            <hb-satisfaction-questions
              [answer]="view.answer"
              [busy]="submission.busy()"
              [failure]="submission.failure()"
              [wordsProblem]="wordsProblem()"
              (send)="send($event)"
            />
          } @else {
            <p>{{ words.closedForAnswers }}</p>
          }
        </section>
      }
    }
  `,
  styles: `
    /* A card under "Where you stand", spaced as that one is from the header. */
    .how {
      margin-top: 1.25rem;
      padding: 1rem 1.125rem;
      border: 1px solid var(--hb-border);
      border-radius: var(--hb-radius);
      background: var(--hb-surface);
    }

    .how__title {
      margin: 0 0 0.5rem;
      font-size: 1.25rem;

      &:focus {
        outline: none;
      }

      &:focus-visible {
        outline: 3px solid var(--hb-focus);
      }
    }

    .how__intro,
    .how__when {
      margin: 0 0 1rem;
      color: var(--hb-text-muted);
    }

    .how__lines {
      margin: 0 0 0.75rem;
      padding-left: 1.25rem;
    }

    .how__words {
      margin: 0 0 0.75rem;
      padding-left: 0.75rem;
      border-left: 4px solid var(--hb-border);
      overflow-wrap: anywhere;
      white-space: pre-line;
    }

    .how__thanks {
      margin: 0 0 0.75rem;
      padding: 0.75rem 1rem;
      border-left: 4px solid var(--hb-success);
      background: var(--hb-success-bg);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplicationSatisfaction {
  private readonly api = inject(SatisfactionApi);
  private readonly focus = focusLater();

  readonly application = input.required<CandidateApplicationView>();

  protected readonly words = SATISFACTION_WORDS;
  protected readonly asks = computed(() => asksHowWeDid(this.application().status));
  /** Asked for only on an application that asks; nothing shows if it cannot be read. */
  protected readonly satisfaction = pageData({
    key: () => (this.asks() ? this.application().id : null),
    request: (id) => (id ? this.api.mine(id) : EMPTY),
    errorMessage: httpErrorMessage,
  });
  protected readonly lines = computed(() => {
    const answer = this.satisfaction.value()?.answer;
    return answer ? answerLines(answer) : [];
  });
  protected readonly editing = signal(false);

  protected change(): void {
    this.justSent.set(false);
    this.editing.set(true);
    this.focus('input[type="radio"]:checked');
  }

  protected readonly justSent = signal(false);
  protected readonly wordsProblem = signal<string | null>('');
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });

  protected send(answer: Parameters<SatisfactionApi['answerMine']>[1]): void {
    this.wordsProblem.set('');
    this.submission.send(() => this.api.answerMine(this.application().id, answer), {
      done: (view) => {
        this.satisfaction.set(view);
        this.editing.set(false);
        this.justSent.set(true);
        // The form and its Send button are gone: keyboard and screen reader users land on the answer.
        this.focus('#how-heading');
      },
      failed: (error) => {
        const problem = fieldProblem(error, 'words', 'Your words');
        if (problem) {
          this.wordsProblem.set(problem);
          return null;
        }
        return `${SATISFACTION_WORDS.notSaved} ${httpErrorMessage(error)}`;
      },
    });
  }
}
