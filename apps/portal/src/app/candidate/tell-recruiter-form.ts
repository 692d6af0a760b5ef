import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import {
  CandidateApplicationView,
  CANDIDATE_UPDATE_TEXT_MAX_LENGTH,
  CandidateUpdateKind,
  CandidateUpdateRequest,
} from '@heardback/contracts';
import { fieldProblem, httpErrorMessage } from '../core/api-error';
import { formSubmission } from '../core/form-submission';
import { NOW } from '../core/date-time';
import { CandidateApi } from './candidate-api';
import { TELL_KINDS, TellKind } from './candidate-updates';
import { DateTimeFields } from './date-time-fields';
import { localDate, readDateTime } from '../core/local-date-time';
import { FormAlert } from '../core/form-alert';
import { FORM_FIELD } from '../core/form-field';
import { KeepDraft } from '../core/keep-draft';
import { FIRST_INVALID, focusLater } from '../core/focus-later';

/**
 * Tells the recruiter about another offer (and by when the candidate must answer it), their
 * availability, or anything else: one short form with a choice of what it is about.
 */
@Component({
  selector: 'hb-tell-recruiter-form',
  imports: [FormAlert, DateTimeFields, FORM_FIELD, KeepDraft],
  templateUrl: './tell-recruiter-form.html',
  styleUrl: './tell-recruiter-part.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TellRecruiterForm {
  private readonly api = inject(CandidateApi);
  private readonly now = inject(NOW);
  private readonly focus = focusLater();

  readonly application = input.required<CandidateApplicationView>();
  /** The application as the API returned it, with what was said on its timeline. */
  readonly changed = output<CandidateApplicationView>();

  protected readonly maxLength = CANDIDATE_UPDATE_TEXT_MAX_LENGTH;
  protected readonly kinds = (Object.keys(TELL_KINDS) as TellKind[]).map((kind) => ({
    kind,
    option: TELL_KINDS[kind].option,
  }));
  protected readonly kind = signal<TellKind>(CandidateUpdateKind.OtherOffer);
  protected readonly words = computed(() => TELL_KINDS[this.kind()]);
  protected readonly isOffer = computed(() => this.kind() === CandidateUpdateKind.OtherOffer);
  protected readonly text = signal('');
  protected readonly deadlineDate = signal('');
  protected readonly deadlineTime = signal('');
  protected readonly textProblem = signal('');
  protected readonly deadlineProblem = signal('');
  protected readonly confirmation = signal('');
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });
  protected readonly today = localDate(this.now());

  protected choose(kind: TellKind): void {
    this.kind.set(kind);
    this.deadlineProblem.set('');
    this.confirmation.set('');
  }

  protected onInput(event: Event): void {
    this.text.set((event.target as HTMLTextAreaElement).value);
    this.textProblem.set('');
    this.confirmation.set('');
  }

  protected deadlineChanged(): void {
    this.deadlineProblem.set('');
  }

  protected send(event: Event): void {
    event.preventDefault();
    if (this.submission.busy()) {
      return;
    }
    this.submission.fail('');
    this.confirmation.set('');
    const request = this.validRequest();
    if (!request) {
      return;
    }
    const sent = this.words().sent;
    this.submission.send(() => this.api.sendUpdate(this.application().id, request), {
      done: (application) => {
        this.text.set('');
        this.deadlineDate.set('');
        this.deadlineTime.set('');
        this.confirmation.set(`${sent} It is under “What has happened”.`);
        this.changed.emit(application);
      },
      failed: (error) => {
        const textProblem = fieldProblem(error, 'text', this.words().label);
        const deadlineProblem = fieldProblem(error, 'deadline', 'The deadline');
        if (textProblem || deadlineProblem) {
          this.textProblem.set(textProblem ?? '');
          this.deadlineProblem.set(deadlineProblem ?? '');
          this.focus(FIRST_INVALID);
          return null;
        }
        return `Nothing was sent. ${httpErrorMessage(error)}`;
      },
    });
  }

  /** The request to send, or null after showing each problem at its field. */
  private validRequest(): CandidateUpdateRequest | null {
    const text = this.text().trim();
    this.textProblem.set(
      text === ''
        ? 'Write a few words for your recruiter.'
        : text.length > this.maxLength
          ? `This is ${text.length} characters; keep it to ${this.maxLength}.`
          : '',
    );
    let deadline: string | null = null;
    this.deadlineProblem.set('');
    if (this.isOffer()) {
      const reading = readDateTime(this.deadlineDate(), this.deadlineTime(), this.now(), { required: false });
      if (reading.ok) {
        deadline = reading.iso;
      } else {
        this.deadlineProblem.set(reading.problem);
      }
    }
    if (this.textProblem() || this.deadlineProblem()) {
      this.focus(FIRST_INVALID);
      return null;
    }
    return {
      kind: this.kind(),
      text,
      ...(deadline ? { deadline } : {}),
      version: this.application().version,
    };
  }
}
