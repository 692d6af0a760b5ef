import { DIALOG_DATA, DialogRef } from '@angular/cdk/dialog';
import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { ApplicationView, WITHDRAW_REASON_MAX_LENGTH } from '@heardback/contracts';
import { CandidateApi } from './candidate-api';
import { apiFieldErrors, httpErrorMessage } from '../core/api-error';

export interface WithdrawDialogData {
  applicationId: string;
  jobTitle: string;
  clientName: string;
}

/**
 * Asks for the reason before withdrawing, and withdraws. Closes with the updated application,
 * or with nothing when the candidate changes their mind (Cancel, Escape).
 */
@Component({
  selector: 'hb-withdraw-dialog',
  templateUrl: './withdraw-dialog.html',
  styleUrl: './withdraw-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WithdrawDialog {
  protected readonly data = inject<WithdrawDialogData>(DIALOG_DATA);
  private readonly dialogRef = inject<DialogRef<ApplicationView>>(DialogRef);
  private readonly api = inject(CandidateApi);

  protected readonly maxLength = WITHDRAW_REASON_MAX_LENGTH;
  protected readonly reason = signal('');
  protected readonly problem = signal('');
  protected readonly failure = signal('');
  protected readonly busy = signal(false);

  private readonly reasonBox = viewChild.required<ElementRef<HTMLTextAreaElement>>('reasonBox');

  protected onInput(event: Event): void {
    this.reason.set((event.target as HTMLTextAreaElement).value);
    this.problem.set('');
  }

  protected cancel(): void {
    this.dialogRef.close();
  }

  protected confirm(): void {
    if (this.busy()) {
      return;
    }
    this.failure.set('');
    const reason = this.reason().trim();
    if (reason === '') {
      this.problem.set('Tell the agency why, in a few words.');
      this.reasonBox().nativeElement.focus();
      return;
    }
    this.busy.set(true);
    this.dialogRef.disableClose = true;
    this.api.withdraw(this.data.applicationId, reason).subscribe({
      next: (application) => this.dialogRef.close(application),
      error: (error: unknown) => {
        this.busy.set(false);
        this.dialogRef.disableClose = false;
        const reasonProblem = apiFieldErrors(error)['reason'];
        if (reasonProblem) {
          this.problem.set(`The reason ${reasonProblem}.`);
          this.reasonBox().nativeElement.focus();
          return;
        }
        this.failure.set(`Your application was not withdrawn. ${httpErrorMessage(error)}`);
      },
    });
  }
}
