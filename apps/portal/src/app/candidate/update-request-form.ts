import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import {
  CandidateApplicationView,
  CANDIDATE_UPDATE_TEXT_MAX_LENGTH,
  CandidateUpdateKind,
  UPDATE_REQUEST_INTERVAL_DAYS,
} from '@heardback/contracts';
import { fieldProblem, httpErrorMessage } from '../core/api-error';
import { formSubmission } from '../core/form-submission';
import { NOW, formatDateTime } from '../core/date-time';
import { CandidateApi } from './candidate-api';
import { DEFAULT_UPDATE_REQUEST_TEXT, updateRequestConfirmation } from './candidate-updates';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { FormAlert } from '../core/form-alert';
import { FORM_FIELD } from '../core/form-field';
import { KeepDraft } from '../core/keep-draft';

/**
 * "Ask for an update": one button, with an optional note. The recruiter must answer by a
 * deadline; the candidate may ask once every few days, and the button says from when.
 */
@Component({
  selector: 'hb-update-request-form',
  imports: [FormAlert, FORM_FIELD, KeepDraft],
  templateUrl: './update-request-form.html',
  styleUrl: './tell-recruiter-part.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UpdateRequestForm {
  private readonly api = inject(CandidateApi);
  private readonly now = inject(NOW);
  private readonly focus = focusLater();

  readonly application = input.required<CandidateApplicationView>();
  /** The application as the API returned it after the request. */
  readonly changed = output<CandidateApplicationView>();

  protected readonly maxLength = CANDIDATE_UPDATE_TEXT_MAX_LENGTH;
  protected readonly intervalDays = UPDATE_REQUEST_INTERVAL_DAYS;
  protected readonly note = signal('');
  protected readonly problem = signal('');
  protected readonly confirmation = signal('');
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });

  /** "Wed, 3 Dec 2026, 17:00 GMT" while the candidate must wait to ask again; null when they may ask. */
  protected readonly askAgainFrom = computed(() => {
    const from = this.application().updateRequestAllowedFrom;
    return from && new Date(from).getTime() > this.now().getTime() ? formatDateTime(from) : null;
  });

  protected onInput(event: Event): void {
    this.note.set((event.target as HTMLTextAreaElement).value);
    this.problem.set('');
  }

  protected send(event: Event): void {
    event.preventDefault();
    if (this.submission.busy() || this.askAgainFrom()) {
      return;
    }
    this.submission.fail('');
    this.confirmation.set('');
    const note = this.note().trim();
    if (note.length > this.maxLength) {
      this.problem.set(`Your note is ${note.length} characters; keep it to ${this.maxLength}.`);
      this.focus(FIRST_INVALID);
      return;
    }
    const request = {
      kind: CandidateUpdateKind.RequestUpdate,
      text: note || DEFAULT_UPDATE_REQUEST_TEXT,
      version: this.application().version,
    };
    this.submission.send(() => this.api.sendUpdate(this.application().id, request), {
      done: (application) => {
        this.note.set('');
        this.confirmation.set(updateRequestConfirmation(application));
        this.changed.emit(application);
        // The button is now disabled: keep the keyboard where the answer is.
        this.focus('.part__done');
      },
      failed: (error) => {
        const noteProblem = fieldProblem(error, 'text', 'Your note');
        if (noteProblem) {
          this.problem.set(noteProblem);
          this.focus(FIRST_INVALID);
          return null;
        }
        return `Your request was not sent. ${httpErrorMessage(error)}`;
      },
    });
  }
}
