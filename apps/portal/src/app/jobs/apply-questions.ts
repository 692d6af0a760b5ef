import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import {
  SCREENING_ANSWER_MAX_LENGTH,
  ScreeningQuestion,
  ScreeningQuestionKind,
  YesNoAnswer,
} from '@heardback/contracts';
import { FORM_FIELD } from '../core/form-field';

/**
 * One problem an answer has, keyed by the question's id, in words that say what to do; only the
 * questions that have one (Partial: a missing id is the normal case, so templates fall back to '').
 */
export type AnswerProblems = Readonly<Partial<Record<string, string>>>;

/**
 * The job's questions for the candidate to answer: a short answer in words, yes or no, or one of
 * the options. Each problem is under its question, and the control is marked invalid while it shows.
 */
@Component({
  selector: 'hb-apply-questions',
  imports: [FORM_FIELD],
  template: `
    @for (question of questions(); track question.id; let index = $index) {
      @if (question.kind === shortText) {
        <hb-field
          [label]="question.prompt + (question.required ? '' : ' (optional)')"
          [fieldId]="'apply-question-' + index"
          [problem]="problems()[question.id] ?? ''"
        >
          <textarea
            hbControl
            class="field__input"
            rows="2"
            [maxLength]="maxLength"
            [value]="answers()[question.id] ?? ''"
            (input)="answer(question.id, $event)"
          ></textarea>
        </hb-field>
      } @else {
        <fieldset
          class="fieldset"
          [attr.aria-describedby]="problems()[question.id] ? 'apply-question-' + index + '-error' : null"
        >
          <legend class="fieldset__legend">{{ question.prompt }}{{ question.required ? '' : ' (optional)' }}</legend>
          <div class="choices">
            @for (option of optionsOf(question); track option.value; let first = $first) {
              <label class="choice">
                <input
                  type="radio"
                  [id]="first ? 'apply-question-' + index : null"
                  [name]="'apply-question-' + index"
                  [value]="option.value"
                  [checked]="answers()[question.id] === option.value"
                  [attr.aria-invalid]="problems()[question.id] ? true : null"
                  (change)="answer(question.id, $event)"
                />
                <span class="choice__label">{{ option.label }}</span>
              </label>
            }
          </div>
          @if (problems()[question.id]) {
            <p class="field__error" [id]="'apply-question-' + index + '-error'">{{ problems()[question.id] }}</p>
          }
        </fieldset>
      }
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 1rem;
    }

    .fieldset {
      margin: 0;
      padding: 0;
      border: none;
    }

    .fieldset__legend {
      margin-bottom: 0.375rem;
      padding: 0;
      font-weight: 600;
    }

    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-bottom: 0.25rem;
    }

    .choice {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2.75rem;
      padding: 0.375rem 0.875rem 0.375rem 0.625rem;
      border: 1px solid var(--hb-control-border);
      border-radius: var(--hb-radius);
      background: var(--hb-surface);
      cursor: pointer;

      &:has(input:checked) {
        border: 2px solid var(--hb-accent);
        background: var(--hb-chip);
      }

      &:has(input:focus-visible) {
        outline: 3px solid var(--hb-focus);
        outline-offset: 2px;
      }

      &:has(input[aria-invalid='true']) {
        border-color: var(--hb-danger);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplyQuestions {
  readonly questions = input.required<ScreeningQuestion[]>();
  /** The answers so far, by question id: only the questions answered yet. */
  readonly answers = input.required<Readonly<Partial<Record<string, string>>>>();
  readonly problems = input<AnswerProblems>({});
  readonly answered = output<{ questionId: string; answer: string }>();

  protected readonly shortText = ScreeningQuestionKind.ShortText;
  protected readonly maxLength = SCREENING_ANSWER_MAX_LENGTH;

  protected optionsOf(question: ScreeningQuestion): { value: string; label: string }[] {
    return question.kind === ScreeningQuestionKind.YesNo
      ? [
          { value: YesNoAnswer.Yes, label: 'Yes' },
          { value: YesNoAnswer.No, label: 'No' },
        ]
      : question.options.map((option) => ({ value: option, label: option }));
  }

  protected answer(questionId: string, event: Event): void {
    this.answered.emit({ questionId, answer: (event.target as HTMLInputElement | HTMLTextAreaElement).value });
  }
}
