import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ScreeningAnswerView } from '@heardback/contracts';

/** The candidate's answers to the job's questions, each under the question as it was asked when they applied. */
@Component({
  selector: 'hb-screening-answers',
  template: `
    <section class="panel answers" aria-labelledby="screening-answers-title">
      <h2 class="section-title" id="screening-answers-title">Answers to the job's questions</h2>
      @if (answers().length > 0) {
        <dl class="answers__list">
          @for (answer of answers(); track $index) {
            <div class="answers__item">
              <dt>{{ answer.prompt }}</dt>
              <dd>{{ answer.answer }}</dd>
            </div>
          }
        </dl>
      } @else {
        <p class="answers__none">No answers: the job asked no questions when they applied, or only optional ones.</p>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      margin: 0 0 1.5rem;
    }

    .answers__list {
      display: grid;
      gap: 0.75rem;
      margin: 0;
    }

    .answers__item dt {
      color: var(--hb-text-muted);
      font-size: 0.9375rem;
    }

    .answers__item dd {
      margin: 0;
      overflow-wrap: anywhere;
      white-space: pre-line;
    }

    .answers__none {
      margin: 0;
      color: var(--hb-text-muted);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScreeningAnswers {
  readonly answers = input.required<ScreeningAnswerView[]>();
}
