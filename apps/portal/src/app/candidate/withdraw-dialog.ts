import { DIALOG_DATA, DialogRef } from '@angular/cdk/dialog';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { CandidateApplicationView, WITHDRAW_REASON_MAX_LENGTH } from '@heardback/contracts';
import { CandidateApi } from './candidate-api';
import { fieldProblem, httpErrorMessage } from '../core/api-error';
import { formSubmission } from '../core/form-submission';
import { FormAlert } from '../core/form-alert';
import { FORM_FIELD } from '../core/form-field';
import { FIRST_INVALID, focusLater } from '../core/focus-later';

export interface WithdrawDialogData {
  applicationId: string;
  /** The version the candidate is looking at: withdrawing from a changed application is refused. */
  version: number;
  jobTitle: string;
  clientName: string;
}

/**
 * Asks for the reason before withdrawing, and withdraws. Closes with the updated application,
 * or with nothing when the candidate changes their mind (Cancel, Escape).
 */
@Component({
  selector: 'hb-withdraw-dialog',
  imports: [FormAlert, FORM_FIELD],
  templateUrl: './withdraw-dialog.html',
  styleUrl: './withdraw-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WithdrawDialog {
  protected readonly data = inject<WithdrawDialogData>(DIALOG_DATA);
  private readonly dialogRef = inject<DialogRef<CandidateApplicationView>>(DialogRef);
  private readonly api = inject(CandidateApi);
  private readonly focus = focusLater();

  protected readonly maxLength = WITHDRAW_REASON_MAX_LENGTH;
  protected readonly reason = signal('');
  protected readonly problem = signal('');
  protected readonly submission = formSubmission({ errorMessage: httpErrorMessage });

  protected onInput(event: Event): void {
    this.reason.set((event.target as HTMLTextAreaElement).value);
    this.problem.set('');
  }

  protected cancel(): void {
    this.dialogRef.close();
  }

  protected confirm(): void {
    if (this.submission.busy()) {
      return;
    }
    this.submission.fail('');
    const reason = this.reason().trim();
    if (reason === '') {
      this.problem.set('Tell the agency why, in a few words.');
      this.focus(FIRST_INVALID);
      return;
    }
    this.dialogRef.disableClose = true;
    this.submission.send(() => this.api.withdraw(this.data.applicationId, reason, this.data.version), {
      done: (application) => this.dialogRef.close(application),
      failed: (error) => {
        this.dialogRef.disableClose = false;
        const reasonProblem = fieldProblem(error, 'reason', 'The reason');
        if (reasonProblem) {
          this.problem.set(reasonProblem);
          this.focus(FIRST_INVALID);
          return null;
        }
        return `Your application was not withdrawn. ${httpErrorMessage(error)}`;
      },
    });
  }
}
