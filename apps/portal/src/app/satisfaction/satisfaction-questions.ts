import { ChangeDetectionStrategy, Component, input, linkedSignal, output, signal } from '@angular/core';
import {
  RECOMMEND_SCORE_MAX,
  RECOMMEND_SCORE_MIN,
  SATISFACTION_WORDS_MAX_LENGTH,
  SatisfactionAnswer,
  SatisfactionAnswerRequest,
} from '@heardback/contracts';
import { FormAlert } from '../core/form-alert';
import { FORM_FIELD } from '../core/form-field';
import { focusLater } from '../core/focus-later';
import { RECOMMEND_SCORES, SATISFACTION_WORDS, recommendLabel } from './satisfaction-words';

let questionsMade = 0;

/**
 * The two questions and the optional words, as one form: the 0–10 scale and yes/no are radio
 * groups (arrow keys move within each), pre-set to the answer given so far. The host sends.
 */
@Component({
  selector: 'hb-satisfaction-questions',
  imports: [FormAlert, FORM_FIELD],
  template: `
    <form class="form" novalidate (submit)="submit($event)">
      <fieldset
        class="how__group"
        role="radiogroup"
        [attr.aria-labelledby]="prefix + '-recommend-legend'"
        [attr.aria-describedby]="problem() ? prefix + '-problem' : null"
      >
        <legend class="how__legend" [id]="prefix + '-recommend-legend'">{{ words.recommendQuestion }}</legend>
        <div class="how__scale">
          @for (score of scores; track score) {
            <label class="how__option">
              <input
                class="how__radio"
                type="radio"
                [name]="prefix + '-recommend'"
                [value]="score"
                [checked]="score === recommendScore()"
                (change)="chooseScore(score)"
              />
              <span class="how__tile" aria-hidden="true">{{ score }}</span>
              <span class="visually-hidden">{{ label(score) }}</span>
            </label>
          }
        </div>
        <p class="how__ends" aria-hidden="true">
          <span>{{ ends.low }}</span
          ><span>{{ ends.high }}</span>
        </p>
      </fieldset>

      <fieldset class="how__group" role="radiogroup" [attr.aria-labelledby]="prefix + '-informed-legend'">
        <legend class="how__legend" [id]="prefix + '-informed-legend'">{{ words.keptInformedQuestion }}</legend>
        <div class="how__yes-no">
          @for (choice of yesNo; track choice.label) {
            <label class="how__option">
              <input
                class="how__radio"
                type="radio"
                [name]="prefix + '-informed'"
                [checked]="choice.value === keptInformed()"
                (change)="chooseInformed(choice.value)"
              />
              <span class="how__tile how__tile--wide">{{ choice.label }}</span>
            </label>
          }
        </div>
      </fieldset>

      @if (problem()) {
        <p class="field__error" [id]="prefix + '-problem'" role="alert">{{ problem() }}</p>
      }

      <hb-field
        [label]="words.wordsLabel"
        [hint]="words.wordsHint"
        [fieldId]="prefix + '-words'"
        [problem]="wordsProblem()"
      >
        <textarea
          hbControl
          class="field__input"
          rows="4"
          [maxLength]="maxLength"
          [value]="text()"
          (input)="onWords($event)"
        ></textarea>
      </hb-field>

      <hb-form-alert [message]="failure()" />
      <div>
        <button class="button" type="submit" [attr.aria-disabled]="busy()">
          {{ busy() ? words.sending : words.send }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .how__group {
      margin: 0;
      padding: 0;
      border: none;
      min-width: 0;
    }

    .how__legend {
      margin-bottom: 0.5rem;
      padding: 0;
      font-weight: 600;
    }

    .how__scale,
    .how__yes-no {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem;
    }

    .how__option {
      position: relative;
    }

    /*
     * On a phone the eleven tiles share one row (each at least 24 px wide, the WCAG 2.2 target size,
     * and as tall as before), so "10: extremely likely" stays under the 10 rather than a row below it.
     */
    @media (max-width: 36rem) {
      .how__scale {
        display: grid;
        grid-template-columns: repeat(11, minmax(1.5rem, 1fr));
        gap: 0.25rem;
      }
      .how__scale .how__tile {
        display: flex;
        min-width: 0;
      }
    }

    /* The radio stays in the page for keyboards and screen readers; the tile is what the eye sees. */
    .how__radio {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      margin: 0;
      opacity: 0;
      cursor: pointer;
    }

    .how__tile {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-width: 2.75rem;
      min-height: 2.75rem;
      border: 1px solid var(--hb-control-border);
      border-radius: var(--hb-radius);
      background: var(--hb-surface);
      font-weight: 600;
    }

    .how__tile--wide {
      min-width: 5rem;
    }

    .how__radio:checked + .how__tile {
      border-color: var(--hb-accent);
      background: var(--hb-accent);
      color: var(--hb-on-accent);
    }

    .how__radio:focus-visible + .how__tile {
      outline: 3px solid var(--hb-focus);
      outline-offset: 2px;
    }

    .how__ends {
      display: flex;
      justify-content: space-between;
      /* As wide as the eleven tiles on one row: 11 × 2.75rem and 10 gaps of 0.375rem. */
      max-width: 34rem;
      margin: 0.25rem 0 0;
      color: var(--hb-text-muted);
      font-size: 0.875rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SatisfactionQuestions {
  /** The answer so far, which the questions start from; null before any. */
  readonly answer = input<SatisfactionAnswer | null>(null);
  readonly busy = input(false);
  /** What went wrong with the last send, for the whole form. */
  readonly failure = input('');
  /** The API's problem with the words, at their field. */
  readonly wordsProblem = input<string | null>('');
  readonly send = output<SatisfactionAnswerRequest>();

  protected readonly prefix = `how-${++questionsMade}`;
  protected readonly words = SATISFACTION_WORDS;
  protected readonly scores = RECOMMEND_SCORES;
  protected readonly label = recommendLabel;
  protected readonly maxLength = SATISFACTION_WORDS_MAX_LENGTH;
  protected readonly ends = {
    low: `${RECOMMEND_SCORE_MIN}: not at all likely`,
    high: `${RECOMMEND_SCORE_MAX}: extremely likely`,
  };
  protected readonly yesNo = [
    { value: true, label: SATISFACTION_WORDS.yes },
    { value: false, label: SATISFACTION_WORDS.no },
  ] as const;

  protected readonly recommendScore = linkedSignal(() => this.answer()?.recommendScore ?? null);
  protected readonly keptInformed = linkedSignal(() => this.answer()?.keptInformed ?? null);
  protected readonly text = linkedSignal(() => this.answer()?.words ?? '');
  protected readonly problem = signal('');
  private readonly focus = focusLater();

  protected chooseScore(score: number): void {
    this.recommendScore.set(score);
    this.problem.set('');
  }

  protected chooseInformed(value: boolean): void {
    this.keptInformed.set(value);
    this.problem.set('');
  }

  protected onWords(event: Event): void {
    this.text.set((event.target as HTMLTextAreaElement).value);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    const recommendScore = this.recommendScore();
    const keptInformed = this.keptInformed();
    if (recommendScore === null && keptInformed === null) {
      this.problem.set(SATISFACTION_WORDS.chooseOne);
      // The keyboard goes to the first choice, which the problem describes, not left on "Send".
      this.focus(`input[name="${this.prefix}-recommend"]`);
      return;
    }
    this.send.emit({
      ...(recommendScore === null ? {} : { recommendScore }),
      ...(keptInformed === null ? {} : { keptInformed }),
      words: this.text().trim(),
    });
  }
}
