import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { CandidateApplicationView } from '@heardback/contracts';
import { fieldProblem, httpErrorMessage } from '../core/api-error';
import { formSubmission } from '../core/form-submission';
import { NOW, formatDateTime } from '../core/date-time';
import { CandidateApi } from './candidate-api';
import { DateTimeFields } from './date-time-fields';
import { localDate, readDateTime } from '../core/local-date-time';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { FormAlert } from '../core/form-alert';

/**
 * The candidate's decision date: "I will move on after …". The recruiter sees it and must answer
 * before it; it can be changed or cleared.
 */
@Component({
  selector: 'hb-decision-date-form',
  imports: [FormAlert, DateTimeFields],
  templateUrl: './decision-date-form.html',
  styleUrl: './tell-recruiter-part.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DecisionDateForm {
  private readonly api = inject(CandidateApi);
  private readonly now = inject(NOW);
  private readonly focus = focusLater();

  readonly application = input.required<CandidateApplicationView>();
  /** The application as the API returned it after the change. */
  readonly changed = output<CandidateApplicationView>();

  /** The decision date now in force, in the reader's time zone; null when none is set. */
  protected readonly current = computed(() => {
    const at = this.application().decisionDate;
    return at ? { iso: at, text: formatDateTime(at) } : null;
  });
  protected readonly date = signal('');
  protected readonly time = signal('');
  protected readonly problem = signal('');
  protected readonly confirmation = signal('');
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });
  protected readonly today = localDate(this.now());

  protected edited(): void {
    this.problem.set('');
    this.confirmation.set('');
  }

  protected save(event: Event): void {
    event.preventDefault();
    const reading = readDateTime(this.date(), this.time(), this.now(), {
      required: true,
    });
    if (!reading.ok) {
      this.submission.fail('');
      this.confirmation.set('');
      this.problem.set(reading.problem);
      this.focus(FIRST_INVALID);
      return;
    }
    this.change(reading.iso);
  }

  protected clear(): void {
    this.change(null);
  }

  private change(decisionDate: string | null): void {
    if (this.submission.busy()) {
      return;
    }
    this.confirmation.set('');
    this.problem.set('');
    const { id, version } = this.application();
    this.submission.send(() => this.api.setDecisionDate(id, decisionDate, version), {
      done: (application) => {
        this.date.set('');
        this.time.set('');
        this.confirmation.set(
          application.decisionDate
            ? `Saved. Your recruiter knows you will move on after ${formatDateTime(application.decisionDate)}.`
            : 'Cleared. You have no decision date now.',
        );
        this.changed.emit(application);
        if (decisionDate === null) {
          // The Clear button has gone: keep the keyboard where the answer is.
          this.focus('.part__done');
        }
      },
      failed: (error) => {
        const dateProblem = fieldProblem(error, 'decisionDate', 'The date');
        if (dateProblem && decisionDate !== null) {
          this.problem.set(dateProblem);
          this.focus(FIRST_INVALID);
          return null;
        }
        return `${decisionDate ? 'Your decision date was not saved.' : 'Your decision date was not cleared.'} ${httpErrorMessage(error)}`;
      },
    });
  }
}
