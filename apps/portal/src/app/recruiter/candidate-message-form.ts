import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ApplicationView, CANDIDATE_MESSAGE_MAX_LENGTH } from '@heardback/contracts';
import { SessionStore } from '../core/session';
import { RecruiterApi } from './recruiter-api';
import { apiError, showServerErrors } from '../core/api-error';
import { notBlank } from '../core/text-validators';
import { formSubmission } from '../core/form-submission';
import { FIRST_INVALID, focusLater } from '../core/focus-later';
import { FORM_FIELD } from '../core/form-field';
import { KeepDraft } from '../core/keep-draft';

/** The line the candidate reads on their timeline, as the API writes it. */
export function messagePreview(senderName: string, text: string): string {
  return `Message from ${senderName}: ${text.trim()}`;
}

/** "Send the candidate an update": the recruiter's own words, read and emailed at once. */
@Component({
  selector: 'hb-candidate-message-form',
  imports: [ReactiveFormsModule, FORM_FIELD, KeepDraft],
  templateUrl: './candidate-message-form.html',
  styleUrl: './candidate-message-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CandidateMessageForm {
  private readonly api = inject(RecruiterApi);
  private readonly session = inject(SessionStore);
  private readonly focus = focusLater();

  readonly application = input.required<ApplicationView>();
  /** The application as the API returns it after the message is sent. */
  readonly sent = output<ApplicationView>();

  protected readonly max = CANDIDATE_MESSAGE_MAX_LENGTH;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    text: ['', [notBlank, Validators.maxLength(CANDIDATE_MESSAGE_MAX_LENGTH)]],
  });
  protected readonly submission = formSubmission({ form: this.form, onInvalid: () => this.focus(FIRST_INVALID) });

  private readonly value = toSignal(this.form.controls.text.valueChanges, {
    initialValue: '',
  });
  protected readonly senderName = computed(() => this.session.user()?.fullName ?? 'your recruiter');
  protected readonly candidateFirstName = computed(() => this.application().candidate.fullName.split(' ')[0]);
  protected readonly preview = computed(() =>
    this.value().trim() ? messagePreview(this.senderName(), this.value()) : '',
  );

  protected problem(): string {
    return this.submission.problem(this.form.controls.text, {
      maxlength: `Shorten the message to ${this.max} characters or fewer.`,
      otherwise: `Write the message ${this.candidateFirstName()} will read.`,
    });
  }

  protected submit(): void {
    if (!this.submission.begin()) {
      return;
    }
    const text = this.form.controls.text.value.trim();
    const { id, version } = this.application();
    this.submission.send(() => this.api.sendMessage(id, { text, version }), {
      done: (updated) => {
        this.submission.submitted.set(false);
        this.form.reset({ text: '' });
        this.sent.emit(updated);
      },
      failed: (error) => {
        const control = this.form.controls.text;
        const message = showServerErrors(this.form, error);
        if (!apiError(error)?.details?.length) {
          // No field named: the reason still belongs next to the message it stopped.
          control.setErrors({ ...control.errors, server: message });
          control.markAsTouched();
        }
        this.focus(FIRST_INVALID);
        return null;
      },
    });
  }
}
