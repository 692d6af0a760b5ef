import { ChangeDetectionStrategy, Component, input, model, signal } from '@angular/core';
import { SCREENING_PROMPT_MAX_LENGTH, SCREENING_QUESTIONS_MAX, ScreeningQuestionKind } from '@heardback/contracts';
import { focusLater } from '../core/focus-later';
import { FORM_FIELD } from '../core/form-field';
import { QuestionDraft, SCREENING_KIND_LABELS, questionDraft, questionProblems } from './screening-question-rules';

/**
 * Edits the questions a job asks every applicant: add, change and remove up to ten, each a short
 * answer, a yes/no or a choice of options. Answers already given keep the question as it was asked.
 */
@Component({
  selector: 'hb-screening-question-editor',
  imports: [FORM_FIELD],
  templateUrl: './screening-question-editor.html',
  styleUrl: './screening-question-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScreeningQuestionEditor {
  private readonly focus = focusLater();

  readonly questions = model.required<QuestionDraft[]>();
  /** Show every problem, not only those of questions already changed (after a submit). */
  readonly showAllErrors = input(false);
  /** The API's reason when it refused the questions. */
  readonly serverError = input('');
  readonly disabled = input(false);

  protected readonly max = SCREENING_QUESTIONS_MAX;
  protected readonly promptMax = SCREENING_PROMPT_MAX_LENGTH;
  protected readonly choice = ScreeningQuestionKind.Choice;
  protected readonly kinds = Object.entries(SCREENING_KIND_LABELS).map(([value, label]) => ({ value, label }));
  protected readonly announcement = signal('');
  /** Questions changed since the editor opened: their problems show before a submit. */
  private readonly touched = signal<ReadonlySet<QuestionDraft>>(new Set());

  protected problems(draft: QuestionDraft) {
    const shows = this.showAllErrors() || this.touched().has(draft);
    const problems = questionProblems(draft);
    return shows ? problems : { prompt: '', options: '' };
  }

  protected update(index: number, change: Partial<QuestionDraft>): void {
    const changed = { ...this.questions()[index], ...change };
    this.questions.update((all) => all.map((draft, at) => (at === index ? changed : draft)));
    this.touched.update((set) => new Set([...set, changed]));
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  protected kindOf(event: Event): ScreeningQuestionKind {
    return (event.target as HTMLSelectElement).value as ScreeningQuestionKind;
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected add(): void {
    if (this.questions().length >= this.max || this.disabled()) return;
    this.questions.update((all) => [...all, questionDraft()]);
    const index = this.questions().length - 1;
    this.announcement.set(`Question ${index + 1} added.`);
    this.focus(`#screening-question-${index}-prompt`);
  }

  protected remove(index: number): void {
    if (this.disabled()) return;
    this.questions.update((all) => all.filter((_, at) => at !== index));
    this.announcement.set(`Question ${index + 1} removed.`);
    this.focus(this.questions().length > 0 ? `#screening-question-${Math.max(0, index - 1)}-prompt` : '#screening-add');
  }
}
